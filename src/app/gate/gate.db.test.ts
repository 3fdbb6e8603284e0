// The gate against a real database: decisions are made on the borrower's whole file and stored
// with their situation; a stored decision replays to the same answer; reservations count against
// the caps until their outcome is known; outcomes update the file (refusals, callbacks, dead
// numbers); the database refuses an outbound attempt without a decision; and the daily cycle's
// planned actions each carry their Decision. A call or text that names no number is decided and
// recorded on the number it will use (the person's only usable one) or refused, so the per-number
// cap counts every call; the database refuses an outbound call or text without its number; an
// outcome's end and duration must fit the attempt; and the database refuses to delete a Decision or
// a case that a planned action or an attempt names.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../../db/database.ts';
import { openTestDatabase } from '../../../test/support/test-database.ts';
import { insertAccount, insertBorrower, insertProduct } from '../../../test/support/ledger-fixture.ts';
import { decideActions } from '../cycle/decide-actions.ts';
import { runCycle } from '../cycle/run-cycle.ts';
import { OUTCOME_DURATION_SECONDS_MAX, OUTCOME_END_AHEAD_SECONDS_MAX } from '../../config/limits.ts';
import { addDays } from '../../stdx/civil-date.ts';
import type { ContactRequest } from './contact-request.ts';
import { decideContact } from './decide-contact.ts';
import { defaultPolicyGate } from './policy-gate.ts';
import { recordOutcome } from './record-outcome.ts';
import { replayStoredDecision } from './replay-stored-decision.ts';
import { reserveContact } from './reserve-contact.ts';
import { ALL_RECORDS_MASKED } from '../scope/load-scope.ts';

let db: Db;
const gate = defaultPolicyGate();
/** A reservation by a principal who sees every account. */
const reserveAll = (request: ContactRequest, now: Date) =>
  reserveContact(db, gate, request, now, ALL_RECORDS_MASKED);
const call = (accountId: string, extra: Partial<ContactRequest> = {}): ContactRequest => ({
  accountId,
  channel: 'voice',
  actor: { kind: 'agent', id: 'agent-1' },
  ...extra,
});
const message = (accountId: string): ContactRequest => call(accountId, {
  channel: 'sms',
  actor: { kind: 'system', id: 'dispatcher' },
  content: {
    text: '安心消费金融提醒：本金1000元，利息20元已逾期，请登录官方App核实，核验码FC-7Q2K。',
    locale: 'zh-CN',
    institution: '安心消费金融',
    verificationRef: 'FC-7Q2K',
  },
});
/** 2026-03-10 in Shanghai (UTC+8): 10:00 local is 02:00Z. */
const at = (utc: string) => new Date(`2026-03-10T${utc}Z`);

before(async () => {
  db = await openTestDatabase();
  await insertProduct(db, { id: 'loan', interestRateBp: 0, penaltyRatePpmPerDay: 500, graceDays: 0 });
  for (const name of ['wang', 'li', 'zhao', 'chen', 'sun', 'he', 'qian', 'wei', 'feng', 'tang']) {
    const borrower = await insertBorrower(db, name);
    await insertAccount(db, {
      externalId: `${name}-1`,
      borrowerId: borrower,
      productId: 'loan',
      openedOn: '2026-01-01',
      installments: [{ dueDate: '2026-02-01', principal: 500000n }],
    });
  }
  const [li] = await db.query<{ id: bigint }>(`SELECT id FROM party WHERE external_id = 'li'`);
  await db.query(
    `INSERT INTO party (external_id, kind, borrower_id, relationship, full_name, time_zone, country)
    VALUES ('li-mother', 'contact_person', $1, 'parent', 'Li Mother', 'Asia/Shanghai', 'CN')`,
    [li!.id],
  );
  // One valid mobile each, but for li (whose number turns out invalid), wei (no number at all), and
  // qian and feng, who get theirs in their tests.
  for (const name of ['wang', 'zhao', 'chen', 'sun', 'he', 'tang']) {
    await insertPhone(name, `${name}-phone`, 'mobile');
  }
  await db.query(`INSERT INTO contact_point (external_id, party_id, borrower_id, kind, value)
    SELECT 'li-mother-phone', id, borrower_id, 'mobile', '13800000001' FROM party
    WHERE external_id = 'li-mother'`);
});
after(() => db.close());

test("quiet hours in the borrower's zone: 21:59 allowed, 22:00 denied until 08:00; both stored", async () => {
  const allowed = await decideContact(db, gate, call('wang-1'), at('13:59:00'));
  assert.ok(allowed.ok && allowed.decision.allowed);
  const denied = await decideContact(db, gate, call('wang-1'), at('14:00:00'));
  assert.ok(denied.ok && !denied.decision.allowed);
  assert.equal(denied.decision.nextAllowedAt, '2026-03-11T00:00:00.000Z');
  const quiet = denied.decision.outcomes.find((outcome) => outcome.ruleId === 'CN-GBT-01');
  assert.equal(quiet?.result, 'deny');
  const [row] = await db.query<{
    allowed: boolean;
    pack: string;
    situation: { borrower: { timeZones: string[] } };
  }>('SELECT allowed, pack, situation FROM decision WHERE id = $1', [denied.decision.id]);
  assert.deepEqual(
    [row?.allowed, row?.pack, row?.situation.borrower.timeZones],
    [false, 'CN', ['Asia/Shanghai']],
  );
});

test('a stored decision replays to the same answer under its recorded policy version', async () => {
  const decided = await decideContact(db, gate, call('wang-1'), at('14:30:00'));
  assert.ok(decided.ok);
  const replayed = await replayStoredDecision(db, decided.decision.id);
  assert.ok(replayed.ok);
  assert.equal(replayed.identical, true);
  assert.deepEqual(replayed.decision, decided.decision);
  assert.deepEqual(await replayStoredDecision(db, 'no-such-decision'), {
    ok: false,
    reason: 'unknown_decision',
  });
});

test('bad requests are rejections that name the field', async () => {
  const cases: [ContactRequest, string, string][] = [
    [call('nobody-1'), 'unknown_account', 'accountId'],
    [call('wang-1', { targetPartyId: 'li-mother' }), 'unknown_target_party', 'targetPartyId'],
    [call('wang-1', { contactPointId: 'li-mother-phone' }), 'unknown_contact_point', 'contactPointId'],
    [{ accountId: 'wang-1', actor: { kind: 'agent', id: 'a' } }, 'channel_required', 'channel'],
    [
      call('wang-1', { actor: { kind: 'agency', id: 'x', agencyId: 'no-agency' } }),
      'unknown_agency',
      'actor.agencyId',
    ],
  ];
  for (const [request, reason, field] of cases) {
    const result = await decideContact(db, gate, request, at('02:00:00'));
    assert.ok(!result.ok);
    assert.deepEqual([result.rejection.reason, result.rejection.field], [reason, field]);
  }
});

test('reservations count against the daily cap until an outcome releases them', async () => {
  const ids: bigint[] = [];
  for (const minute of ['00', '01', '02']) {
    const reserved = await reserveAll(call('zhao-1'), at(`02:${minute}:00`));
    assert.ok(reserved.ok && reserved.reserved, `reservation at 02:${minute}`);
    ids.push(reserved.attemptId);
  }
  const fourth = await reserveAll(call('zhao-1'), at('02:03:00'));
  assert.ok(fourth.ok && !fourth.reserved);
  assert.equal(fourth.decision.outcomes.find((outcome) => outcome.ruleId === 'CN-GBT-02')?.result, 'deny');
  const released = await recordOutcome(db, ids[0]!, { outcome: 'no_answer' }, at('02:04:00'));
  assert.deepEqual(released.ok && [released.status, released.countsAs, released.released], [
    'recorded',
    'unanswered_attempt',
    true,
  ]);
  const again = await recordOutcome(db, ids[0]!, { outcome: 'no_answer' }, at('02:05:00'));
  assert.ok(again.ok && again.status === 'unchanged');
  const conflict = await recordOutcome(db, ids[0]!, { outcome: 'connected' }, at('02:05:00'));
  assert.deepEqual(conflict, { ok: false, reason: 'outcome_already_recorded', recorded: 'no_answer' });
  const wrongChannel = await recordOutcome(db, ids[1]!, { outcome: 'delivered' }, at('02:05:00'));
  assert.equal(!wrongChannel.ok && wrongChannel.reason, 'outcome_not_for_channel');
  const fifth = await reserveAll(call('zhao-1'), at('02:06:00'));
  assert.ok(fifth.ok && fifth.reserved, 'the released slot can be used again');
  const [count] = await db.query<{ n: bigint; undecided: bigint }>(`SELECT count(*) AS n,
      count(*) FILTER (WHERE decision_id IS NULL) AS undecided
    FROM contact_attempt a JOIN party p ON p.id = a.borrower_id WHERE p.external_id = 'zhao'`);
  assert.deepEqual([count?.n, count?.undecided], [4n, 0n]);
});

test('a contact person who refuses is never contacted again (CN-GBT-03)', async () => {
  await db.query(`INSERT INTO contact_point (external_id, party_id, borrower_id, kind, value, status)
    SELECT 'li-phone', id, id, 'mobile', '13800000002', 'invalid' FROM party WHERE external_id = 'li'`);
  const ask = call('li-1', {
    targetPartyId: 'li-mother',
    contactPointId: 'li-mother-phone',
    purpose: 'obtain_contact',
  });
  const first = await reserveAll(ask, at('03:00:00'));
  assert.ok(
    first.ok && first.reserved,
    JSON.stringify(first.ok && first.decision.outcomes.filter((outcome) => outcome.result === 'deny')),
  );
  assert.ok((await recordOutcome(db, first.attemptId, { outcome: 'refused' }, at('03:02:00'))).ok);
  const later = await decideContact(db, gate, ask, addHours(at('03:00:00'), 48));
  assert.ok(later.ok && !later.decision.allowed);
  assert.equal(later.decision.nextAllowedAt, null, 'waiting does not help');
  const [person] = await db.query<{ reason: string }>(
    `SELECT do_not_contact_reason AS reason FROM party WHERE external_id = 'li-mother'`,
  );
  assert.equal(person?.reason, 'refused_contact');
});

test('"call me at 19:00" blocks calls until then (R6)', async () => {
  const reserved = await reserveAll(call('chen-1'), at('02:00:00'));
  assert.ok(reserved.ok && reserved.reserved);
  const missing = await recordOutcome(
    db,
    reserved.attemptId,
    { outcome: 'callback_requested' },
    at('02:01:00'),
  );
  assert.deepEqual(missing, { ok: false, reason: 'callback_time_required' });
  const recorded = await recordOutcome(
    db,
    reserved.attemptId,
    { outcome: 'callback_requested', callbackAt: '2026-03-10T11:00:00Z' },
    at('02:01:00'),
  );
  assert.ok(recorded.ok);
  const before19 = await decideContact(db, gate, call('chen-1'), at('05:00:00'));
  assert.ok(before19.ok && !before19.decision.allowed);
  assert.equal(before19.decision.nextAllowedAt, '2026-03-10T11:00:00.000Z');
  const at19 = await decideContact(db, gate, call('chen-1'), at('11:00:00'));
  assert.ok(at19.ok && at19.decision.allowed);
});

test('the database refuses an outbound attempt without a decision', async () => {
  await assert.rejects(
    db.query(`INSERT INTO contact_attempt (borrower_id, party_id, actor_kind, actor_id, channel,
      started_at, outcome) SELECT id, id, 'agent', 'rogue', 'voice', now(), 'connected' FROM party
    WHERE external_id = 'sun'`),
    /contact_attempt_outbound_decided/,
  );
});

test('the database refuses a decision or a planned action that names a missing row', async () => {
  await assert.rejects(db.query(`INSERT INTO decision (id, borrower_id, decided_at, policy_version,
      pack, channel, allowed, situation, decision)
    VALUES ('orphan', -1, now(), 'v', 'CN', 'voice', true, '{}', '{}')`),
  /a decision names a borrower that does not exist/);
  await assert.rejects(db.query(`INSERT INTO planned_action (as_of, case_id, borrower_id, stage, action,
      channel, strategy_version)
    SELECT '2026-03-01', -1, id, 'gentle_reminder', 'sms_reminder', 'sms',
      'a-strategy' FROM party
    WHERE external_id = 'sun'`),
  /a planned action names a case that does not exist/);
  const [stored] = await db.query<{ n: number }>(
    `SELECT (SELECT count(*) FROM decision WHERE id = 'orphan')::int AS n`);
  assert.equal(stored!.n, 0);
});

test('every action the cycle plans carries its Decision; a dispute hold stops collection calls', async () => {
  await db.query(`INSERT INTO hold (borrower_id, kind, started_at, recorded_by)
    SELECT id, 'dispute', '2026-02-20T00:00:00Z', 'test' FROM party WHERE external_id = 'sun'`);
  for (let date = '2026-02-25'; date <= '2026-03-05'; date = addDays(date, 1)) {
    assert.ok((await runCycle({ db, asOf: date })).ok);
  }
  const rows = await db.query<{
    borrower: string;
    status: string;
    decision_id: string | null;
    reason: string | null;
    allowed: boolean | null;
  }>(`SELECT p.external_id AS borrower, pa.status, pa.decision_id, pa.reason, d.allowed
    FROM planned_action pa JOIN party p ON p.id = pa.borrower_id
    LEFT JOIN decision d ON d.id = pa.decision_id`);
  assert.ok(rows.length > 20, `only ${rows.length} planned actions`);
  for (const row of rows) {
    assert.ok(row.decision_id !== null, `${row.borrower}: planned action without a decision`);
    assert.equal(row.allowed, row.status === 'planned', `${row.borrower}: status ${row.status} vs decision`);
  }
  const sun = rows.filter((row) => row.borrower === 'sun');
  assert.ok(sun.length > 0 && sun.every((row) => row.status !== 'planned'), 'a disputed debt is not chased');
  assert.ok(sun.every((row) => row.reason !== null && row.reason.length > 0));
  assert.ok(rows.some((row) => row.borrower === 'wang' && row.status === 'planned'));
});

test('a planned action that an interrupted earlier run left undecided gets its Decision', async () => {
  // What an earlier version left when it stopped between planning and deciding: a planned row
  // without a Decision. The decide step of the next run of the date picks it up.
  const [planned] = await db.query<{ id: bigint }>(`INSERT INTO planned_action (as_of, case_id, borrower_id,
      stage, action, channel, strategy_version) SELECT '2026-03-05', c.id, c.borrower_id, c.stage,
      'left_undecided', 'sms', c.strategy_version
    FROM collection_case c JOIN party p ON p.id = c.borrower_id
    WHERE p.external_id = 'wang' AND c.status = 'open'
    RETURNING id`);
  assert.ok(planned !== undefined, 'wang has an open case');
  const counts = await db.transaction((tx) => decideActions(tx, '2026-03-05', gate));
  assert.equal(counts.allowed + counts.deferred + counts.dropped, 1);
  const [row] = await db.query<{ decision_id: string | null; allowed: boolean; status: string }>(
    `SELECT pa.decision_id, d.allowed, pa.status
    FROM planned_action pa JOIN decision d ON d.id = pa.decision_id WHERE pa.id = $1`, [planned.id]);
  assert.ok(row !== undefined && row.decision_id !== null);
  assert.equal(row.allowed, row.status === 'planned');
});

test('one phone: calls that name no number count on it, so the 7th unanswered call is refused', async () => {
  const ids: bigint[] = [];
  for (let index = 0; index < 6; index += 1) {
    // Without the number, then with it, then without again: one count whichever way a call is asked.
    const request = call('he-1', index < 3 ? {} : { contactPointId: 'he-phone' });
    const reserved = await reserveAll(request, at(`02:0${index}:00`));
    assert.ok(reserved.ok && reserved.reserved, `call ${index + 1}`);
    ids.push(reserved.attemptId);
    const unanswered = { outcome: 'no_answer' } as const;
    const recorded = await recordOutcome(db, reserved.attemptId, unanswered, at(`02:0${index}:30`));
    assert.ok(recorded.ok);
  }
  for (const request of [call('he-1', { contactPointId: 'he-phone' }), call('he-1')]) {
    const seventh = await reserveAll(request, at('02:10:00'));
    assert.ok(seventh.ok && !seventh.reserved, 'the 7th unanswered call to one number is refused');
    const denials = seventh.decision.outcomes.filter((outcome) => outcome.result === 'deny');
    assert.deepEqual(denials.map((outcome) => [outcome.ruleId, outcome.reason]),
      [['CN-CBA-02', 'daily_unanswered_attempt_cap_reached']]);
  }
  const rows = await db.query<{ point: string | null }>(`SELECT cp.external_id AS point
    FROM contact_attempt a LEFT JOIN contact_point cp ON cp.id = a.contact_point_id
    WHERE a.id = ANY($1::bigint[]) ORDER BY a.id`, [ids]);
  assert.deepEqual(rows.map((row) => row.point), Array(6).fill('he-phone'), 'each records the number used');
});

test('several usable numbers: a call must name one; a text goes to the only mobile', async () => {
  await insertPhone('qian', 'qian-mobile', 'mobile');
  await insertPhone('qian', 'qian-home', 'landline');
  await insertPhone('qian', 'qian-old', 'mobile', 'invalid');
  const rejection = { reason: 'contact_point_required', field: 'contactPointId' };
  assert.deepEqual(await decideContact(db, gate, call('qian-1'), at('02:00:00')), { ok: false, rejection });
  assert.deepEqual(await reserveAll(call('qian-1'), at('02:00:00')), { ok: false, rejection });
  const home = call('qian-1', { contactPointId: 'qian-home' });
  const named = await reserveAll(home, at('02:01:00'));
  assert.ok(named.ok && named.reserved);
  assert.equal(await pointOf(named.attemptId), 'qian-home');
  const text = await reserveAll(message('qian-1'), at('02:02:00'));
  assert.ok(text.ok && text.reserved, 'a landline cannot take a text, and the invalid mobile is not used');
  assert.equal(await pointOf(text.attemptId), 'qian-mobile');
  const check = await decideContact(db, gate, message('qian-1'), at('02:03:00'));
  assert.equal(check.ok && check.built.situation.target?.contactPointId, 'qian-mobile',
    'a check decides on the same number a reservation will use');
});

test('no usable number: a call or text that names none is refused', async () => {
  const rejection = { reason: 'no_contact_point', field: 'contactPointId' };
  assert.deepEqual(await decideContact(db, gate, call('wei-1'), at('02:00:00')), { ok: false, rejection });
  assert.deepEqual(await reserveAll(call('wei-1'), at('02:00:00')), { ok: false, rejection });
  await insertPhone('feng', 'feng-home', 'landline');
  const text = message('feng-1');
  assert.deepEqual(await reserveAll(text, at('02:00:00')), { ok: false, rejection });
  const voice = await reserveAll(call('feng-1'), at('02:00:00'));
  assert.ok(voice.ok && voice.reserved, 'a landline takes a call');
  assert.equal(await pointOf(voice.attemptId), 'feng-home');
  const letter = await decideContact(db, gate, call('wei-1', { channel: 'letter' }), at('02:00:00'));
  assert.ok(letter.ok, 'a letter needs no number');
});

test('the database refuses an outbound call or text without its number', async () => {
  const [decision] = await db.query<{ id: string }>('SELECT id FROM decision LIMIT 1');
  assert.ok(decision !== undefined);
  const insert = (channel: string, direction: string, point: string | null) => db.query(
    `INSERT INTO contact_attempt (borrower_id, party_id, contact_point_id, actor_kind, actor_id, channel,
      direction, started_at, outcome, decision_id)
    SELECT p.id, p.id, (SELECT id FROM contact_point WHERE external_id = $3), 'agent', 'raw', $1, $2,
      '2026-03-09T02:00:00Z', 'no_answer', $4 FROM party p WHERE p.external_id = 'sun'`,
    [channel, direction, point, decision.id]);
  for (const channel of ['voice', 'sms']) {
    await assert.rejects(insert(channel, 'outbound', null), /contact_attempt_outbound_number/, channel);
  }
  await insert('voice', 'outbound', 'sun-phone');
  await insert('voice', 'inbound', null);
  await insert('letter', 'outbound', null);
});

test("an outcome ends between the attempt's start and now, and lasts no longer than that", async () => {
  const start = at('03:00:00');
  const reserve = async () => {
    const reserved = await reserveAll(call('tang-1', { contactPointId: 'tang-phone' }), start);
    assert.ok(reserved.ok && reserved.reserved);
    return reserved.attemptId;
  };
  const id = await reserve();
  const now = at('03:10:00');
  const ahead = new Date(now.getTime() + OUTCOME_END_AHEAD_SECONDS_MAX * 1000);
  const endedAtRefused = { ok: false, reason: 'ended_at_out_of_range', field: 'endedAt' };
  const durationRefused = { ok: false, reason: 'duration_out_of_range', field: 'durationSeconds' };
  const refusals: [Parameters<typeof recordOutcome>[2], unknown][] = [
    [{ outcome: 'no_answer', endedAt: '2026-03-10T02:59:59Z' }, endedAtRefused],
    [{ outcome: 'no_answer', endedAt: new Date(ahead.getTime() + 1000).toISOString() }, endedAtRefused],
    [{ outcome: 'no_answer', endedAt: '2099-01-01T00:00:00Z' }, endedAtRefused],
    [{ outcome: 'no_answer', endedAt: '2026-02-30T03:05:00Z' },
      { ok: false, reason: 'invalid_instant', field: 'endedAt' }],
    [{ outcome: 'no_answer', endedAt: '2026-03-10T03:01:00Z', durationSeconds: 61 }, durationRefused],
    [{ outcome: 'no_answer', durationSeconds: 601 }, durationRefused],
    [{ outcome: 'no_answer', durationSeconds: -1 }, durationRefused],
    [{ outcome: 'no_answer', durationSeconds: 1.5 }, durationRefused],
  ];
  for (const [report, expected] of refusals) {
    assert.deepEqual(await recordOutcome(db, id, report, now), expected, JSON.stringify(report));
  }
  const edge = await recordOutcome(db, id,
    { outcome: 'no_answer', endedAt: ahead.toISOString(), durationSeconds: 900 }, now);
  assert.ok(edge.ok && edge.status === 'recorded', 'the latest end and the longest duration are accepted');
  const long = await reserve();
  const dayLater = new Date(start.getTime() + (OUTCOME_DURATION_SECONDS_MAX + 60) * 1000);
  assert.deepEqual(await recordOutcome(db, long,
    { outcome: 'no_answer', durationSeconds: OUTCOME_DURATION_SECONDS_MAX + 1 }, dayLater), durationRefused);
  const atMax = await recordOutcome(db, long,
    { outcome: 'no_answer', durationSeconds: OUTCOME_DURATION_SECONDS_MAX }, dayLater);
  assert.ok(atMax.ok && atMax.status === 'recorded');
  const [row] = await db.query<{ ended_at: Date; duration_seconds: number }>(
    'SELECT ended_at, duration_seconds FROM contact_attempt WHERE id = $1', [id]);
  assert.deepEqual([row?.ended_at, row?.duration_seconds], [ahead, 900]);
});

test("the database keeps the cycle's Decisions and cases while a planned action or an attempt names them",
  async () => {
    const [planned] = await db.query<{ decision_id: string; case_id: bigint }>(`SELECT decision_id, case_id
      FROM planned_action WHERE decision_id IS NOT NULL ORDER BY id LIMIT 1`);
    assert.ok(planned !== undefined, 'the cycle planned an action with its Decision');
    await assert.rejects(db.query('DELETE FROM decision WHERE id = $1', [planned.decision_id]),
      /a decision named by a planned action cannot be deleted/);
    await assert.rejects(db.query('DELETE FROM collection_case WHERE id = $1', [planned.case_id]),
      /a case named by a planned action cannot be deleted/);
    const [attempted] = await db.query<{ decision_id: string }>(
      'SELECT decision_id FROM contact_attempt WHERE decision_id IS NOT NULL ORDER BY id LIMIT 1');
    assert.ok(attempted !== undefined, 'an attempt was reserved with its Decision');
    await assert.rejects(db.query('DELETE FROM decision WHERE id = $1', [attempted.decision_id]),
      /contact_attempt_decision/);
    const kept = await db.query('SELECT id FROM decision WHERE id IN ($1, $2)',
      [planned.decision_id, attempted.decision_id]);
    assert.equal(kept.length, 2);
  });

async function insertPhone(party: string, externalId: string, kind: string, status = 'valid'): Promise<void> {
  await db.query(`INSERT INTO contact_point (external_id, party_id, borrower_id, kind, value, status)
    SELECT $2, id, borrower_id, $3, '1380000' || lpad((id % 10000)::text, 4, '0'), $4 FROM party
    WHERE external_id = $1`, [party, externalId, kind, status]);
}

async function pointOf(attemptId: bigint): Promise<string | null> {
  const [row] = await db.query<{ point: string | null }>(`SELECT cp.external_id AS point
    FROM contact_attempt a LEFT JOIN contact_point cp ON cp.id = a.contact_point_id
    WHERE a.id = $1`, [attemptId]);
  return row?.point ?? null;
}

function addHours(instant: Date, hours: number): Date {
  return new Date(instant.getTime() + hours * 3_600_000);
}
