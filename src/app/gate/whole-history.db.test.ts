// The rules that search the whole contact history see attempts older than GATE_HISTORY_DAYS: for
// each, an attempt written a year before the request (as the gate tests write raw rows) still makes
// the gate decide as the rule says through its own entry point (`decideContact`), and the loader
// reads for a batch of borrowers only the old attempts those rules read: on a seeded random history,
// exactly those the rules' declared reads pick (`historyKept`, the same selection as the cut).
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../../db/database.ts';
import { openTestDatabase } from '../../../test/support/test-database.ts';
import { insertAccount, insertBorrower, insertProduct } from '../../../test/support/ledger-fixture.ts';
import { GATE_HISTORY_DAYS } from '../../config/limits.ts';
import { createRandom } from '../../stdx/random.ts';
import type { ContactRequest } from './contact-request.ts';
import { decideContact } from './decide-contact.ts';
import { historyKept } from '../../policy/rules/look-back.ts';
import { GATE_HISTORY_READS, loadBorrowerFiles, type AttemptRow } from './load-borrower-files.ts';
import { defaultPolicyGate } from './policy-gate.ts';

let db: Db;
let decisionId: string;
const gate = defaultPolicyGate();
/** 2026-03-10 14:00Z: 10:00 in New York, 22:00 in Shanghai (the CN requests below are not calls). */
const NOW = new Date('2026-03-10T14:00:00Z');
const daysBefore = (days: number) => new Date(NOW.getTime() - days * 86_400_000);
/** A year before the request: well before the days the gate loads whole. */
const OLD = daysBefore(365);
const actor = { kind: 'agent', id: 'agent-1' } as const;

before(async () => {
  assert.ok(365 > GATE_HISTORY_DAYS);
  db = await openTestDatabase();
  await insertProduct(db, { id: 'cn-loan', interestRateBp: 0, graceDays: 0 });
  await insertProduct(db, {
    id: 'us-loan', jurisdiction: 'US', currency: 'USD', interestRateBp: 0, graceDays: 0,
  });
  const borrowers: [string, string[]][] = [
    ['cn', ['hu', 'luo', 'song']], ['us', ['adams', 'baker', 'clark', 'davis', 'evans', 'ford']],
  ];
  for (const [pack, names] of borrowers) {
    for (const name of names) {
      const borrower = await insertBorrower(db, name, pack === 'us' ? 'America/New_York' : 'Asia/Shanghai');
      await insertAccount(db, {
        externalId: `${name}-1`, borrowerId: borrower, productId: `${pack}-loan`, openedOn: '2024-06-01',
        installments: [{ dueDate: '2026-02-01', principal: 500000n }],
        currency: pack === 'us' ? 'USD' : 'CNY',
      });
      await db.query(`INSERT INTO contact_point (external_id, party_id, borrower_id, kind, value)
        VALUES ($1, $2, $2, 'mobile', '1380000' || $2::bigint)`, [`${name}-phone`, borrower]);
    }
  }
  for (const [borrower, person] of [['hu', 'hu-sister'], ['baker', 'baker-friend']]) {
    await db.query(`INSERT INTO party (external_id, kind, borrower_id, relationship, full_name, time_zone,
        country) SELECT $2, 'contact_person', id, 'sibling', $2, time_zone, 'CN' FROM party
      WHERE external_id = $1`,
    [borrower, person]);
    await db.query(`INSERT INTO contact_point (external_id, party_id, borrower_id, kind, value)
      SELECT $1 || '-phone', id, borrower_id, 'mobile', '1390000' || id FROM party WHERE external_id = $1`,
    [person]);
  }
  const first = await decideContact(db, gate, { accountId: 'song-1', channel: 'letter', actor }, NOW);
  assert.ok(first.ok);
  decisionId = first.decision.id;
});
after(() => db.close());

/** One raw attempt, written the way the gate tests write them: by the borrower's or a person's id. */
async function insertAttempt(person: string, at: Date, fields: {
  channel: string; outcome: string; direction?: string; purpose?: string;
}): Promise<void> {
  await db.query(`INSERT INTO contact_attempt (borrower_id, party_id, contact_point_id, account_id,
      actor_kind, actor_id, channel, direction, started_at, outcome, purpose, decision_id)
    SELECT p.borrower_id, p.id, (SELECT id FROM contact_point WHERE party_id = p.id LIMIT 1),
      (SELECT id FROM account WHERE borrower_id = p.borrower_id), 'agent', 'agent-1', $2, $3, $4, $5, $6, $7
    FROM party p WHERE p.external_id = $1`,
  [person, fields.channel, fields.direction ?? 'outbound', at, fields.outcome, fields.purpose ?? null,
    decisionId]);
}

async function outcomeOf(request: ContactRequest, ruleId: string) {
  const decided = await decideContact(db, gate, request, NOW);
  assert.ok(decided.ok, decided.ok ? '' : decided.rejection.reason);
  const outcome = decided.decision.outcomes.find((item) => item.ruleId === ruleId);
  assert.ok(outcome !== undefined, `${ruleId} judged the request`);
  return { result: outcome.result, reason: outcome.reason, allowed: decided.decision.allowed };
}

test('CN-GBT-03: a contact person who refused a year ago is not contacted again', async () => {
  // The debtor's only number is dead, so without the refusal the sister could be asked.
  await db.query(`UPDATE contact_point SET status = 'invalid' WHERE external_id = 'hu-phone'`);
  await insertAttempt('hu-sister', OLD, { channel: 'voice', outcome: 'refused' });
  assert.deepEqual(await outcomeOf({ accountId: 'hu-1', channel: 'letter', targetPartyId: 'hu-sister',
    purpose: 'obtain_contact', actor }, 'CN-GBT-03'),
  { result: 'deny', reason: 'contact_person_refused', allowed: false });
});

test('CN-CRR-01: an adverse-information notice delivered a year ago allows the report', async () => {
  await insertAttempt('luo', OLD, {
    channel: 'letter', outcome: 'delivered', purpose: 'adverse_credit_notice',
  });
  assert.deepEqual(await outcomeOf({ accountId: 'luo-1', action: 'credit_report', actor }, 'CN-CRR-01'),
    { result: 'allow', reason: 'notified_in_advance', allowed: true });
});

test('CN-INT-02: calls that failed a year ago, with no conversation since, allow the visit', async () => {
  await insertAttempt('song', daysBefore(400), { channel: 'voice', outcome: 'connected' });
  await insertAttempt('song', OLD, { channel: 'voice', outcome: 'no_answer' });
  const visit = { staff: 2, identityConfirmed: true, authorisationConfirmed: true };
  const outcome = await outcomeOf({ accountId: 'song-1', channel: 'visit', visit, actor }, 'CN-INT-02');
  assert.deepEqual([outcome.result, outcome.reason], ['allow', 'phone_contact_failed_long_enough']);
});

test('US-04: an opt-out confirmed a year ago is not confirmed again', async () => {
  await db.query(`INSERT INTO agreement (borrower_id, party_id, kind, channel, recorded_at, recorded_by)
    SELECT id, id, 'channel_opt_out', 'email', $1, 'test' FROM party WHERE external_id = 'adams'`,
  [daysBefore(370)]);
  await insertAttempt('adams', OLD, {
    channel: 'email', outcome: 'delivered', purpose: 'opt_out_confirmation',
  });
  assert.deepEqual(await outcomeOf({ accountId: 'adams-1', channel: 'email', purpose: 'opt_out_confirmation',
    actor }, 'US-04'), { result: 'deny', reason: 'medium_opted_out', allowed: false });
});

test('US-08: a third party reached a year ago for location information is not contacted again', async () => {
  await insertAttempt('baker-friend', OLD, {
    channel: 'voice', outcome: 'connected', purpose: 'location_information',
  });
  assert.deepEqual(await outcomeOf({ accountId: 'baker-1', channel: 'letter', targetPartyId: 'baker-friend',
    purpose: 'location_information', actor }, 'US-08'),
  { result: 'deny', reason: 'third_party_already_contacted', allowed: false });
});

test('US-09: a first conversation a year ago and no validation notice: the notice is overdue', async () => {
  await insertAttempt('clark', OLD, { channel: 'voice', outcome: 'connected' });
  assert.deepEqual(await outcomeOf({ accountId: 'clark-1', channel: 'letter', actor }, 'US-09'),
    { result: 'deny', reason: 'validation_notice_overdue', allowed: false });
});

test('US-11: a dispute long after a validation notice sent a year ago is late: a warning', async () => {
  await insertAttempt('davis', OLD, {
    channel: 'letter', outcome: 'delivered', purpose: 'validation_notice',
  });
  await db.query(`INSERT INTO hold (borrower_id, kind, started_at, recorded_by)
    SELECT id, 'dispute', $1, 'test' FROM party WHERE external_id = 'davis'`, [daysBefore(10)]);
  const outcome = await outcomeOf({ accountId: 'davis-1', channel: 'letter', actor }, 'US-11');
  assert.deepEqual([outcome.result, outcome.reason], ['warn', 'late_dispute_open']);
});

test('US-13: a conversation with the consumer a year ago allows credit reporting', async () => {
  await insertAttempt('evans', OLD, { channel: 'voice', outcome: 'connected' });
  const outcome = await outcomeOf({ accountId: 'evans-1', action: 'credit_report', actor }, 'US-13');
  assert.deepEqual([outcome.result, outcome.reason], ['allow', 'spoke_with_consumer']);
});

test('for a batch, the loader reads all recent attempts but only the old ones rules read', async () => {
  await insertAttempt('ford', OLD, { channel: 'sms', outcome: 'delivered', direction: 'inbound' });
  await insertAttempt('ford', daysBefore(GATE_HISTORY_DAYS - 1), { channel: 'sms', outcome: 'delivered',
    direction: 'inbound' });
  await insertAttempt('ford', OLD, { channel: 'voice', outcome: 'connected' });
  const ids = await db.query<{ id: bigint; external_id: string }>(
    `SELECT id, external_id FROM party WHERE kind = 'borrower' ORDER BY id`);
  const files = await loadBorrowerFiles(db, ids.map((row) => row.id), NOW);
  const seen = (name: string) => files.get(ids.find((row) => row.external_id === name)!.id)!.attempts
    .map((row) => `${row.started_at.toISOString().slice(0, 10)} ${row.channel} ${row.outcome}`);
  assert.deepEqual(seen('ford'), ['2025-03-10 voice connected', '2025-09-02 sms delivered']);
  assert.deepEqual(seen('hu'), ['2025-03-10 voice refused']);
  assert.deepEqual(seen('song').slice(0, 2), ['2025-02-03 voice connected', '2025-03-10 voice no_answer']);
});

test('the loader keeps exactly the old attempts the rules\' reads pick from a random history', async () => {
  const random = createRandom(20_261_202);
  const next = (count: number) => random.int(0, count - 1);
  const pick = <T>(values: readonly T[]) => random.pick(values);
  const names = ['gray', 'hill'];
  for (const name of names) {
    const borrower = await insertBorrower(db, name, 'America/New_York');
    for (const suffix of ['1', '2']) {
      await insertAccount(db, {
        externalId: `${name}-${suffix}`, borrowerId: borrower, productId: 'us-loan', openedOn: '2024-01-01',
        installments: [{ dueDate: '2026-02-01', principal: 1000n }], currency: 'USD',
      });
    }
    await db.query(`INSERT INTO party (external_id, kind, borrower_id, relationship, full_name, time_zone,
        country) VALUES ($1, 'contact_person', $2, 'friend', $1, 'America/New_York', 'US')`,
    [`${name}-friend`, borrower]);
    await db.query(`INSERT INTO contact_point (external_id, party_id, borrower_id, kind, value)
      SELECT external_id || '-phone', id, borrower_id, 'mobile', '1555' || id FROM party
      WHERE borrower_id = $1`,
    [borrower]);
  }
  const outcomes = ['connected', 'no_answer', 'busy', 'refused', 'delivered', 'bounced', 'voicemail_left',
    'promise_to_pay', 'failed', 'wrong_party'];
  const purposes = [null, null, null, 'collect', 'validation_notice', 'opt_out_confirmation',
    'adverse_credit_notice', 'location_information'];
  for (let index = 0; index < 600; index += 1) {
    const name = pick(names);
    const person = next(5) === 0 ? `${name}-friend` : name;
    await db.query(`INSERT INTO contact_attempt (borrower_id, party_id, contact_point_id, account_id,
        actor_kind, actor_id, channel, direction, started_at, outcome, purpose, decision_id)
      SELECT p.borrower_id, p.id, (SELECT id FROM contact_point WHERE party_id = p.id),
        (SELECT id FROM account WHERE external_id = $7), 'agent', 'agent-1', $2, $3, $4, $5, $6, $8
      FROM party p WHERE p.external_id = $1`, [
      person, pick(['voice', 'voice', 'voice', 'sms', 'letter', 'email', 'visit']),
      next(6) === 0 ? 'inbound' : 'outbound', new Date(NOW.getTime() - (index + 1) * 19 * 3_600_000),
      pick(outcomes), pick(purposes), next(7) === 0 ? null : `${name}-${pick(['1', '2'])}`, decisionId,
    ]);
  }
  const ids = await db.query<{ id: bigint }>(
    `SELECT id FROM party WHERE external_id = ANY($1) ORDER BY id`, [names]);
  const files = await loadBorrowerFiles(db, ids.map((row) => row.id), NOW);
  const since = daysBefore(GATE_HISTORY_DAYS).getTime();
  for (const { id } of ids) {
    const whole = await db.query<AttemptRow & { id: bigint }>(`SELECT * FROM contact_attempt
      WHERE borrower_id = $1 ORDER BY started_at, id`, [id]);
    const older = whole.filter((row) => row.started_at.getTime() < since);
    const kept = historyKept(older.map((row) => ({
      byBorrower: row.party_id === row.borrower_id, channel: row.channel,
      outbound: row.direction !== 'inbound',
      outcome: row.outcome, purpose: row.purpose ?? 'collect',
      account: row.account_id === null ? null : String(row.account_id),
    })), GATE_HISTORY_READS);
    const expected = whole.filter((row, index) => row.started_at.getTime() >= since || kept.has(index));
    const key = (row: AttemptRow) => `${row.started_at.toISOString()} ${row.outcome}`;
    assert.ok(older.length > 100 && kept.size > 10 && kept.size < older.length / 2,
      `${kept.size} of ${older.length}`);
    assert.deepEqual(files.get(id)!.attempts.map(key), expected.map(key));
  }
});
