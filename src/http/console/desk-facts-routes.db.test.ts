// The case page's "what the person told us" forms over the real app and database, as a signed-in
// collector of the team that owns the case (a cookie session with its CSRF token), on a borrower in New
// York at 11:00 local time, where the US rules decide: each fact is recorded through the page's own
// form, listed on the page (the attorney's phone masked), audited as `fact.recorded` under the
// collector's name, and the live gate on the same page refuses accordingly (US-17, US-02, US-01)
// until the fact is lifted. Bad input is the page again, 400, naming the field; a form without its
// CSRF token is 403; a case outside the reader's scope is 404, and so is a fact of another file.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/database.ts';
import { openTestDatabase } from '../../../test/support/test-database.ts';
import { DESK_DATE, insertDeskBorrowers } from '../../../test/support/desk-fixture.ts';
import { insertAccount, insertBorrower, insertProduct } from '../../../test/support/ledger-fixture.ts';
import {
  addTestUser, createStaffAccess, signInThroughForm, TEST_TEAM, type StaffAccess,
} from '../../../test/support/staff-access.ts';
import { runCycle } from '../../app/cycle/run-cycle.ts';
import { assignCases } from '../../app/desk/assign-cases.ts';
import { fixedClock } from '../../stdx/clock.ts';
import { MESSAGES } from '../i18n/messages.ts';
import { buildApp } from '../app.ts';

/** 11:00 in New York (EDT) on the desk's date: inside Regulation F's 08:00–21:00. */
const NOW = new Date(`${DESK_DATE}T15:00:00Z`);
let db: Db;
let app: FastifyInstance;
let session: { cookie: string; csrf: string };
let tokens: StaffAccess;
let usCase = '';
let cnCase = '';

before(async () => {
  db = await openTestDatabase();
  const [cn] = await insertDeskBorrowers(db, 1);
  await insertProduct(db, { id: 'us-loan', jurisdiction: 'US', currency: 'USD', interestRateBp: 0,
    penaltyRatePpmPerDay: 0, graceDays: 0 });
  const ava = await insertBorrower(db, 'ava', 'America/New_York');
  await db.query(`INSERT INTO contact_point (external_id, party_id, borrower_id, kind, value, workplace)
    VALUES ('ava-mobile', $1, $1, 'mobile', '+12125550101', false),
      ('ava-work', $1, $1, 'landline', '+12125550102', true)`, [ava]);
  const [sister] = await db.query<{ id: bigint }>(`INSERT INTO party (external_id, kind, borrower_id,
      relationship, full_name, time_zone, country)
    VALUES ('ava-sister', 'contact_person', $1, 'sibling', 'Bea', 'America/New_York', 'US')
    RETURNING id`, [ava]);
  await db.query(`INSERT INTO contact_point (external_id, party_id, borrower_id, kind, value)
    VALUES ('bea-mobile', $1, $2, 'mobile', '+12125550103')`, [sister!.id, ava]);
  await insertAccount(db, { externalId: 'ava-1', borrowerId: ava, productId: 'us-loan',
    openedOn: '2026-01-01', currency: 'USD', installments: [{ dueDate: '2026-02-26', principal: 150000n }] });
  assert.ok((await runCycle({ db, asOf: DESK_DATE })).ok);
  await addTestUser(db, 'cole', 'collector');
  assert.ok((await assignCases({ db, teamId: TEST_TEAM, actor: 'system:assignment', now: NOW })).ok);
  const caseOf = async (borrower: bigint) => String((await db.query<{ id: bigint }>(
    'SELECT id FROM collection_case WHERE borrower_id = $1', [borrower]))[0]!.id);
  usCase = await caseOf(ava);
  cnCase = await caseOf(cn!);
  app = await buildApp({ db, clock: fixedClock(NOW) });
  tokens = await createStaffAccess(db);
  session = await signInThroughForm(app, 'cole');
});
after(async () => {
  await app.close();
  await db.close();
});

const page = async (caseId = usCase, query = '') => {
  const response = await app.inject({ method: 'GET', url: `/desk/cases/${caseId}${query}`,
    headers: { cookie: session.cookie } });
  assert.equal(response.statusCode, 200, response.body.slice(0, 300));
  return response.body;
};
type PostOptions = { csrf?: boolean; caseId?: string };
const post = (kind: string, payload: Record<string, string>, options: PostOptions = {}) =>
  app.inject({
    method: 'POST', url: `/desk/cases/${options.caseId ?? usCase}/facts/${kind}`,
    headers: { cookie: session.cookie },
    payload: options.csrf === false ? payload : { ...payload, _csrf: session.csrf },
  });
const record = async (kind: string, payload: Record<string, string>) => {
  const response = await post(kind, payload);
  assert.equal(response.statusCode, 303, `${kind}: ${response.body.slice(0, 600)}`);
  assert.equal(response.headers.location, `/desk/cases/${usCase}?notice=fact_recorded#desk-facts`);
};
const section = (body: string, id: string) =>
  new RegExp(`<(section|table|ul) id="${id}"[\\s\\S]*?</\\1>`).exec(body)?.[0] ?? '';
/** The live gate's row for a number and channel: allowed or not, and its reasons in words. */
const gate = (body: string, point: string) => {
  const row = new RegExp(`<tr data-contact-point="${point}" data-channel="voice">[\\s\\S]*?</tr>`)
    .exec(body)?.[0] ?? '';
  assert.ok(row !== '', `no gate row for ${point}`);
  return { allowed: row.includes('class="ok"'),
    reasons: /<td class="reasons">([\s\S]*?)<\/td>/.exec(row)![1]! };
};
const idIn = (body: string, attribute: string) => new RegExp(`data-${attribute}="(\\d+)"`).exec(body)![1]!;

test('the section is on the case page in Chinese and English, its forms carrying the CSRF token',
  async () => {
  const body = await page();
  const facts = section(body, 'desk-facts');
  assert.ok(facts.includes('对方告诉我们的情况'));
  assert.ok(facts.includes('未记录律师代理。'));
  assert.equal([...facts.matchAll(/<form method="post"/g)].length,
    [...facts.matchAll(/name="_csrf" value="[^"]{16,}"/g)].length);
  assert.ok(facts.includes('<option value="ava-sister">Bea</option>'), 'the contact person is offered');
  assert.ok(facts.includes('ava-work'), 'the numbers are offered by id');
  assert.ok(!facts.includes('2125550102'), 'never a full number');
  assert.ok((await page(usCase, '?lang=en')).includes('What the person told us'));
  assert.deepEqual(gate(body, 'ava-mobile').allowed, true, 'nothing refuses the mobile yet');
});

test('an attorney: listed with the phone masked, audited, and US-17 refuses until the attorney fails to '
  + 'respond', async () => {
  await record('attorney', { name: 'Dana Reyes', firm: 'Reyes & Hart LLP', phone: '+12125550199',
    email: 'dana@reyes.example', learnedOn: '2026-03-09', accountId: 'ava-1' });
  const body = await page(usCase, '?notice=fact_recorded');
  assert.ok(body.includes('已记录，合规闸门已按此重新判断。'));
  const listed = section(body, 'desk-facts-attorneys');
  assert.ok(listed.includes('Dana Reyes') && listed.includes('Reyes &amp; Hart LLP'));
  assert.ok(!listed.includes('2125550199') && !listed.includes('dana@reyes'), 'phone and email masked');
  assert.ok(listed.includes('2026-03-09') && listed.includes('ava-1') && listed.includes('user:cole'));
  const mobile = gate(body, 'ava-mobile');
  assert.equal(mobile.allowed, false);
  assert.ok(mobile.reasons.includes('US-17：对方已委托律师，应与律师联系'), mobile.reasons);
  type AttorneyRow = { attorney_name: string; phone: string; recorded_by: string; learned_at: Date };
  const [row] = await db.query<AttorneyRow>(
    'SELECT attorney_name, phone, recorded_by, learned_at FROM attorney_representation');
  assert.deepEqual({ ...row, learned_at: row!.learned_at.toISOString() }, { attorney_name: 'Dana Reyes',
    phone: '+12125550199', recorded_by: 'user:cole', learned_at: '2026-03-09T04:00:00.000Z' });
  const representation = idIn(listed, 'representation');
  await record('attorney-event', { representationId: representation, event: 'failed_to_respond' });
  const after = await page();
  assert.ok(section(after, 'desk-facts-attorneys').includes('2026-03-10 律师未回复'));
  assert.ok(!gate(after, 'ava-mobile').reasons.includes('US-17'), 'US-17 lifted');
  await record('attorney-event', { representationId: representation, event: 'ended' });
  assert.ok(!section(await page(), 'desk-facts-attorneys').includes('律师未回复</button>'),
    'an ended representation offers no more buttons');
  const audit = await db.query<{ actor: string; subject_kind: string; subject_id: string; borrower: string;
    detail: { fact: string; caseId: string } }>(`SELECT e.actor, e.subject_kind, e.subject_id, p.external_id
      AS borrower, e.detail FROM audit_event e JOIN party p ON p.id = e.borrower_id
    WHERE e.action = 'fact.recorded' ORDER BY e.seq`);
  assert.deepEqual(audit, ['attorney', 'attorney_failed_to_respond', 'attorney_ended'].map((fact) => ({
    actor: 'user:cole', subject_kind: 'attorney_representation', subject_id: representation, borrower: 'ava',
    detail: { fact, caseId: usCase } })));
});

test('the employer prohibits calls at work: the work number is refused (US-02), the mobile not; lifted '
  + 'again', async () => {
  assert.equal(gate(await page(), 'ava-work').allowed, true);
  await record('work-calls', { partyId: 'ava', prohibits: 'yes' });
  const body = await page();
  assert.ok(section(body, 'desk-facts-work').includes('自 2026-03-10 起雇主禁止在工作场所联系'));
  const work = gate(body, 'ava-work');
  assert.equal(work.allowed, false);
  assert.ok(work.reasons.includes('US-02：雇主禁止在工作场所联系对方'), work.reasons);
  assert.equal(gate(body, 'ava-mobile').allowed, true);
  await record('work-calls', { partyId: 'ava', prohibits: 'no' });
  assert.equal(gate(await page(), 'ava-work').allowed, true);
  await record('work-calls', { partyId: 'ava-sister', prohibits: 'yes' });
  const people = await db.query<{ external_id: string; prohibits: boolean }>(`SELECT external_id,
      employer_prohibits_contact_since IS NOT NULL AS prohibits FROM party WHERE borrower_id =
      (SELECT id FROM party WHERE external_id = 'ava') ORDER BY id`);
  assert.deepEqual(people,
    [{ external_id: 'ava', prohibits: false }, { external_id: 'ava-sister', prohibits: true }]);
});

test('an inconvenient time refuses the call now (US-01) until withdrawn; an inconvenient number refuses '
  + 'that number', async () => {
  await record('inconvenient-time', { partyId: 'ava', from: '09:00', until: '12:00' });
  const body = await page();
  const listed = section(body, 'desk-facts-inconveniences');
  assert.ok(listed.includes('每天 09:00–12:00 不便'));
  const mobile = gate(body, 'ava-mobile');
  assert.equal(mobile.allowed, false);
  assert.ok(mobile.reasons.includes('US-01：对方表示此时不便'), mobile.reasons);
  await record('withdrawal', { statementId: idIn(listed, 'statement') });
  const after = await page();
  assert.equal(gate(after, 'ava-mobile').allowed, true);
  assert.ok(after.includes('没有生效中的不便时间或地点。'));
  const [row] = await db.query(
    'SELECT recorded_by, withdrawn_at IS NOT NULL AS withdrawn FROM stated_inconvenience');
  assert.deepEqual(row, { recorded_by: 'user:cole', withdrawn: true });
  await record('inconvenient-place', { partyId: 'ava', place: 'contact_point', contactPointId: 'ava-work' });
  const place = await page();
  assert.ok(section(place, 'desk-facts-inconveniences').includes('号码 '));
  const work = gate(place, 'ava-work');
  assert.equal(work.allowed, false);
  assert.ok(work.reasons.includes('US-02：对方表示这个地点不便'), work.reasons);
  assert.equal(gate(place, 'ava-mobile').allowed, true);
  await record('inconvenient-place',
    { partyId: 'ava', place: 'contact_point', contactPointId: 'bea-mobile' });
  const [sisters] = await db.query(`SELECT p.external_id AS person FROM stated_inconvenience s
    JOIN party p ON p.id = s.party_id JOIN contact_point c ON c.id = s.contact_point_id
    WHERE c.external_id = 'bea-mobile'`);
  assert.deepEqual(sisters, { person: 'ava-sister' }, 'a number\'s statement is its own person\'s');
});

test('"only call me between 18:00 and 21:00" refuses a call at 11:00, saying when it opens', async () => {
  await record('contact-time', { partyId: 'ava', from: '18:00', until: '21:00' });
  const body = await page();
  assert.ok(section(body, 'desk-facts-contact-times').includes('只在每天 18:00–21:00 联系'));
  const mobile = gate(body, 'ava-mobile');
  assert.equal(mobile.allowed, false);
  assert.ok(mobile.reasons.includes('US-01：不在对方约定的方便时段'), mobile.reasons);
  assert.match(mobile.reasons, /<time class="countdown" datetime="2026-03-10T22:00:00.000Z"/,
    '18:00 in New York');
  const [row] = await db.query(`SELECT kind, daily_from, daily_until, only_then, recorded_by FROM agreement
    WHERE kind = 'contact_time'`);
  assert.deepEqual(row, { kind: 'contact_time', daily_from: '18:00', daily_until: '21:00', only_then: true,
    recorded_by: 'user:cole' });
});

test('bad input is the page again, 400, naming the field; nothing is recorded', async () => {
  const before = (await db.query('SELECT count(*)::int AS n FROM audit_event')) as { n: number }[];
  const cases: [string, Record<string, string>, string][] = [
    ['attorney', { name: ' ' }, 'name'],
    ['attorney', { name: 'X', learnedOn: '2026-03-11' }, 'learnedOn'],
    ['attorney', { name: 'X', learnedOn: '2026-02-30' }, 'learnedOn'],
    ['attorney', { name: 'X', phone: 'call me' }, 'phone'],
    ['attorney', { name: 'X', accountId: 'desk-0' }, 'accountId'],
    ['attorney-event', { representationId: '999', event: 'ended' }, 'id'],
    ['work-calls', { partyId: 'd0', prohibits: 'yes' }, 'partyId'],
    ['work-calls', { partyId: 'ava', prohibits: 'maybe' }, 'prohibits'],
    ['inconvenient-time', { partyId: 'ava', from: '25:00', until: '12:00' }, 'from'],
    ['inconvenient-time', { partyId: 'ava', from: '12:00', until: '12:00' }, 'until'],
    ['inconvenient-place', { partyId: 'ava', place: 'contact_point', contactPointId: 'd0-mobile' },
      'contactPointId'],
    ['inconvenient-place', { partyId: 'ava', place: 'contact_point' }, 'contactPointId'],
    ['inconvenient-place', { partyId: 'ava', place: 'moon' }, 'place'],
    ['contact-time', { partyId: 'ava', from: '21:00', until: '18:00' }, 'until'],
  ];
  for (const [kind, payload, field] of cases) {
    const response = await post(kind, payload);
    assert.equal(response.statusCode, 400, `${kind} ${JSON.stringify(payload)}`);
    assert.ok(response.body.includes(`字段 ${field}）`),
      `${kind} names ${field}: ${response.body.slice(0, 300)}`);
    assert.ok(response.body.includes('id="desk-facts"'), 'the case page again');
  }
  const afterward = (await db.query('SELECT count(*)::int AS n FROM audit_event')) as { n: number }[];
  assert.deepEqual(afterward, before);
});

test('a form without its CSRF token is 403; another file\'s fact or a case out of scope is 404 or 400',
  async () => {
  const refused = await post('work-calls', { partyId: 'ava', prohibits: 'yes' }, { csrf: false });
  assert.equal(refused.statusCode, 403);
  const agency = await app.inject({ method: 'POST', url: `/desk/cases/${usCase}/facts/work-calls`,
    headers: tokens.headers('agency_collector'), payload: { partyId: 'ava', prohibits: 'yes' } });
  assert.equal(agency.statusCode, 404);
  const unknown = await post('work-calls', { partyId: 'ava', prohibits: 'yes' }, { caseId: '987654' });
  assert.equal(unknown.statusCode, 404);
  const statement = idIn(section(await page(), 'desk-facts-inconveniences'), 'statement');
  const elsewhere = await post('withdrawal', { statementId: statement }, { caseId: cnCase });
  assert.equal(elsewhere.statusCode, 400, 'a statement of another borrower is not this file\'s');
  const [row] = await db.query('SELECT withdrawn_at FROM stated_inconvenience WHERE id = $1', [statement]);
  assert.deepEqual(row, { withdrawn_at: null });
  const compliance = await app.inject({ method: 'POST', url: `/desk/cases/${usCase}/facts/work-calls`,
    headers: tokens.headers('compliance_officer'), payload: { partyId: 'ava', prohibits: 'yes' } });
  assert.equal(compliance.statusCode, 403, 'facts:record is needed');
});

test('the Chinese case page with facts holds no English text of the catalogue', async () => {
  const english = Object.entries(MESSAGES.en)
    .filter(([key, text]) => text !== MESSAGES['zh-CN'][key as keyof typeof MESSAGES.en])
    .flatMap(([, text]) => text.split(/\{\w+\}/))
    .filter((fragment) => (fragment.match(/[A-Za-z]/g) ?? []).length >= 4);
  const visible = (await page()).replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, '')
    .replace(/user:\w+/g, '').replaceAll('&#39;', '\'');
  assert.deepEqual(english.filter((fragment) => visible.includes(fragment)), []);
});
