// The collector's desk over the real app and database, as a signed-in collector of the team that
// owns the cases (a cookie session with its CSRF token): the queue; "next case" skipping the top case
// the gate refuses now (a callback asked for later) with when it opens; the case file with the debt,
// the timeline and the gate per number; reserving a call (the full number shown on that answer
// only); recording a promise, a dispute, hardship and a callback, each with its records and audit
// events; a note; bad input refused with 400 naming the field; a form without its CSRF token
// refused; a case outside the reader's scope answered 404.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/database.ts';
import { openTestDatabase } from '../../../test/support/test-database.ts';
import { DESK_DATE, insertDeskBorrowers } from '../../../test/support/desk-fixture.ts';
import {
  addTestUser, createStaffAccess, signInThroughForm, TEST_TEAM, type StaffAccess,
} from '../../../test/support/staff-access.ts';
import { runCycle } from '../../app/cycle/run-cycle.ts';
import { assignCases } from '../../app/desk/assign-cases.ts';
import { fixedClock } from '../../stdx/clock.ts';
import { MESSAGES } from '../i18n/messages.ts';
import { buildApp } from '../app.ts';

/** 10:00 in Shanghai on the desk's date: inside calling hours. */
const NOW = new Date(`${DESK_DATE}T02:00:00Z`);
let db: Db;
let app: FastifyInstance;
let session: { cookie: string; csrf: string };
let tokens: StaffAccess;
/** The case id of each borrower d<i>. */
const caseOf: string[] = [];

before(async () => {
  db = await openTestDatabase();
  const borrowers = await insertDeskBorrowers(db, 6);
  assert.ok((await runCycle({ db, asOf: DESK_DATE })).ok);
  await addTestUser(db, 'cole', 'collector');
  assert.ok((await assignCases({ db, teamId: TEST_TEAM, actor: 'system:assignment', now: NOW })).ok);
  // d4 leads the queue (largest amount × days past due) and asked to be called at 14:00.
  await db.query(`INSERT INTO agreement (borrower_id, party_id, kind, channel, starts_at, recorded_at,
      recorded_by)
    VALUES ($1, $1, 'callback', 'voice', '2026-03-10T06:00:00Z', '2026-03-10T01:00:00Z', 'user:cole')`,
  [borrowers[4]]);
  for (const borrower of borrowers) {
    const [row] = await db.query<{ id: bigint }>(
      'SELECT id FROM collection_case WHERE borrower_id = $1', [borrower]);
    caseOf.push(String(row!.id));
  }
  app = await buildApp({ db, clock: fixedClock(NOW) });
  tokens = await createStaffAccess(db);
  session = await signInThroughForm(app, 'cole');
});
after(async () => {
  await app.close();
  await db.close();
});

const get = (url: string) => app.inject({ method: 'GET', url, headers: { cookie: session.cookie } });
const post = (url: string, payload: Record<string, string>, csrf = true) => app.inject({
  method: 'POST', url, headers: { cookie: session.cookie },
  payload: csrf ? { ...payload, _csrf: session.csrf } : payload,
});
const auditActions = async (subjectKind: string) => (await db.query<{ action: string }>(
  'SELECT action FROM audit_event WHERE subject_kind = $1 ORDER BY seq', [subjectKind]))
  .map((row) => row.action);

test('the queue lists the collector\'s cases in Chinese, amounts with their currency', async () => {
  const response = await get('/desk');
  assert.equal(response.statusCode, 200);
  assert.match(response.body, /<html lang="zh-CN">/);
  assert.match(response.body, /data-key="n"/);
  assert.equal([...response.body.matchAll(/<tr data-case-id=/g)].length, 6);
  assert.ok(response.body.includes('¥1,404.00'), 'd4 owes 1,404.00, shown as yuan');
  assert.ok(response.body.includes('<script src="/assets/htmx.min.js" defer></script>'));
  const htmx = await app.inject({ method: 'GET', url: '/assets/htmx.min.js' });
  assert.equal(htmx.statusCode, 200);
  assert.match(htmx.headers['content-type'] as string, /javascript/);
});

test('next case skips the case the gate refuses now, saying when it opens and why', async () => {
  const next = await post('/desk/next', {});
  assert.equal(next.statusCode, 303);
  const location = next.headers.location as string;
  assert.match(location, new RegExp(`^/desk/cases/${caseOf[3]}\\?skipped=${caseOf[4]}\\.[0-9a-f]{64}$`));
  const page = await get(location);
  assert.equal(page.statusCode, 200);
  const skipped = /<section id="desk-skipped"[\s\S]*?<\/section>/.exec(page.body)?.[0] ?? '';
  assert.ok(skipped.includes(`#${caseOf[4]}`));
  assert.ok(skipped.includes('14:00 起允许'), skipped);
  assert.ok(skipped.includes('（240 分钟后）'), 'four hours to go');
  assert.ok(skipped.includes('CN-CIVIL-01：对方约定的回拨时间未到'));
  const english = await get(`${location}&lang=en`);
  assert.ok(english.body.includes('allowed from 14:00'));
  assert.ok(english.body.includes('(in 240 min)'));
});

test('the case file: the debt, the gate per number with its countdown, no full number', async () => {
  const page = await get(`/desk/cases/${caseOf[4]}`);
  assert.equal(page.statusCode, 200);
  assert.ok(page.body.includes('desk-4'), 'the account');
  assert.ok(page.body.includes('¥1,404.00'));
  assert.ok(page.body.includes('138****0004'), 'the masked number');
  assert.ok(!page.body.includes('13800000004'), 'never the full number');
  const voice = /<tr data-contact-point="d4-mobile" data-channel="voice">[\s\S]*?<\/tr>/
    .exec(page.body)?.[0] ?? '';
  assert.ok(voice.includes('不允许'));
  assert.match(voice, /<time class="countdown" datetime="2026-03-10T06:00:00.000Z" data-countdown/);
  assert.ok(!voice.includes('data-key="r"'), 'a denied number offers no reservation');
  const timeline = /<section id="desk-timeline"[\s\S]*?<\/section>/.exec(page.body)?.[0] ?? '';
  assert.match(timeline, /data-kind="agreement"/);
});

test('reserve, then record a promise: the number once, the promise, the outcome, a note, audited',
  async () => {
  const reserved = await post(`/desk/cases/${caseOf[3]}/reserve`, { contactPointId: 'd3-mobile' });
  assert.equal(reserved.statusCode, 200, reserved.body.slice(0, 500));
  assert.ok(reserved.body.includes('13800000003'), 'the dial target on the reservation\'s answer');
  const attemptId = /name="attemptId" value="(\d+)"/.exec(reserved.body)![1]!;
  const again = await get(`/desk/cases/${caseOf[3]}`);
  assert.ok(!again.body.includes('13800000003'), 'not on the page after');
  assert.ok(again.body.includes(`name="attemptId" value="${attemptId}"`),
    'the open reservation keeps its form');
  const recorded = await post(`/desk/cases/${caseOf[3]}/outcome`, {
    attemptId, outcome: 'promise_to_pay', amount: '1,000.50', dueOn: '2026-03-15', recordingRef: 'rec-77',
    note: 'will pay on payday',
  });
  assert.equal(recorded.statusCode, 303, recorded.body.slice(0, 500));
  assert.equal(recorded.headers.location, `/desk/cases/${caseOf[3]}?notice=recorded`);
  type PromiseRow = { amount_minor: bigint; due_on: string; attempt_id: bigint; recorded_by: string };
  const [promise] = await db.query<PromiseRow>(`SELECT amount_minor, due_on, attempt_id, recorded_by
    FROM promise_to_pay WHERE case_id = $1`, [caseOf[3]]);
  assert.deepEqual({ ...promise, attempt_id: String(promise!.attempt_id) },
    { amount_minor: 100050n, due_on: '2026-03-15', attempt_id: attemptId, recorded_by: 'user:cole' });
  const [attempt] = await db.query(
    'SELECT outcome, recording_ref FROM contact_attempt WHERE id = $1', [attemptId]);
  assert.deepEqual(attempt, { outcome: 'promise_to_pay', recording_ref: 'rec-77' });
  assert.deepEqual(await auditActions('contact_attempt'),
    ['contact.reserved', 'contact.outcome_recorded', 'contact.recording_linked']);
  assert.deepEqual(await auditActions('promise_to_pay'), ['promise.recorded']);
  assert.deepEqual(await auditActions('case_note'), ['note.added']);
  const page = await get(`/desk/cases/${caseOf[3]}?notice=recorded`);
  assert.ok(page.body.includes('通话结果已记录'));
  const timeline = /<section id="desk-timeline"[\s\S]*?<\/section>/.exec(page.body)?.[0] ?? '';
  assert.ok(timeline.includes('¥1,000.50'), 'the promise, in yuan');
  assert.ok(timeline.includes('will pay on payday'));
  assert.ok(timeline.includes('rec-77'));
});

test('a dispute opens a dispute hold; hardship a hardship hold; a callback an agreement', async () => {
  const cases = [[0, 'dispute_raised', {}], [1, 'hardship_stated', {}],
    [2, 'callback_requested', { callbackAt: '2026-03-10T16:30' }]] as const;
  for (const [index, outcome, extra] of cases) {
    const reserved = await post(`/desk/cases/${caseOf[index]}/reserve`,
      { contactPointId: `d${index}-mobile` });
    assert.equal(reserved.statusCode, 200, `${outcome}: ${reserved.body.slice(0, 300)}`);
    const attemptId = /name="attemptId" value="(\d+)"/.exec(reserved.body)![1]!;
    const recorded = await post(`/desk/cases/${caseOf[index]}/outcome`, { attemptId, outcome, ...extra });
    assert.equal(recorded.statusCode, 303, `${outcome}: ${recorded.body.slice(0, 300)}`);
  }
  const holds = await db.query<{ kind: string; recorded_by: string; party: string }>(`SELECT h.kind,
      h.recorded_by,
      p.external_id AS party FROM hold h JOIN party p ON p.id = h.borrower_id ORDER BY h.id`);
  assert.deepEqual(holds, [{ kind: 'dispute', recorded_by: 'user:cole', party: 'd0' },
    { kind: 'hardship', recorded_by: 'user:cole', party: 'd1' }]);
  assert.deepEqual(await auditActions('hold'), ['hold.opened', 'hold.opened']);
  const [callback] = await db.query<{ starts_at: Date }>(`SELECT a.starts_at FROM agreement a
    JOIN party p ON p.id = a.borrower_id WHERE p.external_id = 'd2' AND a.kind = 'callback'`);
  assert.equal(callback!.starts_at.toISOString(), '2026-03-10T08:30:00.000Z',
    '16:30 in the borrower\'s zone');
  const page = await get(`/desk/cases/${caseOf[0]}`);
  const timeline = /<section id="desk-timeline"[\s\S]*?<\/section>/.exec(page.body)?.[0] ?? '';
  assert.match(timeline, /data-kind="hold"/);
});

test('bad input is 400 naming the field; a form without its CSRF token is 403', async () => {
  const amount = await post(`/desk/cases/${caseOf[3]}/outcome`, {
    attemptId: '999999', outcome: 'promise_to_pay', amount: 'a lot', dueOn: '2026-03-15',
  });
  assert.equal(amount.statusCode, 400);
  assert.ok(amount.body.includes('字段 amount'), amount.body.slice(0, 300));
  const date = await post(`/desk/cases/${caseOf[3]}/outcome`, {
    attemptId: '999999', outcome: 'promise_to_pay', amount: '10', dueOn: '2026-02-30',
  });
  assert.equal(date.statusCode, 400);
  assert.ok(date.body.includes('字段 dueOn'));
  const callback = await post(`/desk/cases/${caseOf[3]}/outcome`,
    { attemptId: '999999', outcome: 'callback_requested' });
  assert.equal(callback.statusCode, 400);
  assert.ok(callback.body.includes('字段 callbackAt'));
  const outcome = await post(`/desk/cases/${caseOf[3]}/outcome`, { attemptId: '1', outcome: 'shouted' });
  assert.equal(outcome.statusCode, 400);
  assert.equal(JSON.parse(outcome.body).error.field, 'outcome');
  const note = await post(`/desk/cases/${caseOf[3]}/notes`, { note: '' });
  assert.equal(note.statusCode, 400);
  assert.equal(JSON.parse(note.body).error.field, 'note');
  const unknownPoint = await post(`/desk/cases/${caseOf[3]}/reserve`, { contactPointId: 'd0-mobile' });
  assert.equal(unknownPoint.statusCode, 400, 'another borrower\'s number');
  assert.ok(unknownPoint.body.includes('字段 contactPointId'));
  const forms: [string, Record<string, string>][] = [['/desk/next', {}],
    [`/desk/cases/${caseOf[3]}/notes`, { note: 'x' }],
    [`/desk/cases/${caseOf[3]}/reserve`, { contactPointId: 'd3-mobile' }],
    [`/desk/cases/${caseOf[3]}/outcome`, { attemptId: '1', outcome: 'busy' }]];
  for (const [url, payload] of forms) {
    const refused = await post(url, payload, false);
    assert.equal(refused.statusCode, 403, url);
  }
});

test('a promise refused for its amount leaves the call unrecorded, to be sent again', async () => {
  const reserved = await post(`/desk/cases/${caseOf[4]}/reserve`, { contactPointId: 'd4-mobile' });
  assert.equal(reserved.statusCode, 409, 'd4 asked to be called at 14:00');
  assert.ok(reserved.body.includes('合规闸门拒绝了这次预约'));
  assert.ok(reserved.body.includes('CN-CIVIL-01'));
  assert.equal(reserved.headers['hx-push-url'], `/desk/cases/${caseOf[4]}`);
  const fresh = await post(`/desk/cases/${caseOf[5]}/reserve`, { contactPointId: 'd5-mobile' });
  assert.equal(fresh.statusCode, 200);
  const attemptId = /name="attemptId" value="(\d+)"/.exec(fresh.body)![1]!;
  const refused = await post(`/desk/cases/${caseOf[5]}/outcome`, {
    attemptId, outcome: 'promise_to_pay', amount: '99999.00', dueOn: '2026-03-15', note: 'too much',
  });
  assert.equal(refused.statusCode, 400);
  assert.ok(refused.body.includes('amount above outstanding'), refused.body.slice(0, 400));
  const [attempt] = await db.query('SELECT outcome FROM contact_attempt WHERE id = $1', [attemptId]);
  assert.deepEqual(attempt, { outcome: 'reserved' }, 'nothing of the outcome is kept');
  const notes = await db.query('SELECT 1 FROM case_note WHERE body = $1', ['too much']);
  assert.equal(notes.length, 0);
});

test('a note is added and audited', async () => {
  const added = await post(`/desk/cases/${caseOf[2]}/notes`, { note: 'prefers afternoons' });
  assert.equal(added.statusCode, 303);
  const [row] = await db.query(
    'SELECT body, recorded_by, attempt_id FROM case_note WHERE case_id = $1', [caseOf[2]]);
  assert.deepEqual(row, { body: 'prefers afternoons', recorded_by: 'user:cole', attempt_id: null });
});

test('a case outside the reader\'s scope is 404; an agency collector has no team queue', async () => {
  const agency = tokens.headers('agency_collector');
  const hidden = await app.inject({ method: 'GET', url: `/desk/cases/${caseOf[3]}`, headers: agency });
  assert.equal(hidden.statusCode, 404);
  const reserve = await app.inject({ method: 'POST', url: `/desk/cases/${caseOf[3]}/reserve`, headers: agency,
    payload: { contactPointId: 'd3-mobile' } });
  assert.equal(reserve.statusCode, 404);
  const queue = await app.inject({ method: 'GET', url: '/desk', headers: agency });
  assert.equal(queue.statusCode, 200);
  assert.match(queue.body, /id="desk-agency-note"/);
  const unknown = await get('/desk/cases/987654');
  assert.equal(unknown.statusCode, 404);
  const supervisor = await app.inject({ method: 'GET', url: `/desk/cases/${caseOf[3]}`,
    headers: tokens.headers('supervisor') });
  assert.equal(supervisor.statusCode, 200, 'the team\'s supervisor sees the team\'s case');
});

test('the Chinese pages hold no English text of the catalogue', async () => {
  const english = Object.entries(MESSAGES.en)
    .filter(([key, text]) => text !== MESSAGES['zh-CN'][key as keyof typeof MESSAGES.en])
    .flatMap(([, text]) => text.split(/\{\w+\}/))
    .filter((fragment) => (fragment.match(/[A-Za-z]/g) ?? []).length >= 4);
  for (const url of ['/desk', `/desk/cases/${caseOf[3]}`, `/desk/cases/${caseOf[4]}`]) {
    const { body } = await get(url);
    const visible = body.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, '')
      // Who acted is named as recorded (user:<username>), in every language.
      .replace(/user:\w+/g, '').replaceAll('&#39;', '\'');
    assert.deepEqual(english.filter((fragment) => visible.includes(fragment)), [], url);
  }
});
