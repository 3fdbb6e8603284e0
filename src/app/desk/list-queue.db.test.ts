// A team's work queue on a real database: the cycle's planned calls in the strategy's order
// (callbacks due, then broken promises, then amount × DPD), narrowed by collector and stage; a call
// the gate deferred joins when its time comes; a case called today leaves the queue, a callback not
// yet due does not lift a case, and another order in the strategy document reorders the queue.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../../db/database.ts';
import { openTestDatabase } from '../../../test/support/test-database.ts';
import { DESK_DATE, insertDeskBorrowers, insertStaff,
  insertTeam } from '../../../test/support/desk-fixture.ts';
import { DEFAULT_STRATEGY } from '../../policy/strategy/default-strategy.ts';
import { runCycle } from '../cycle/run-cycle.ts';
import { defaultPolicyGate } from '../gate/policy-gate.ts';
import { ALL_RECORDS_MASKED } from '../scope/load-scope.ts';
import { reserveContact } from '../gate/reserve-contact.ts';
import { activateStrategy } from '../strategy/active-strategy.ts';
import { assignCases } from './assign-cases.ts';
import { listQueue } from './list-queue.ts';

let db: Db;
/** 10:00 in Shanghai on the desk date. */
const now = new Date('2026-03-10T02:00:00Z');
let amy: string;
let borrowers: bigint[];

before(async () => {
  db = await openTestDatabase();
  borrowers = await insertDeskBorrowers(db, 5);
  assert.ok((await runCycle({ db, asOf: DESK_DATE })).ok);
  await insertTeam(db, 'q');
  amy = (await insertStaff(db, { username: 'amy', role: 'collector', teamId: 'q', capacity: 3 })).userId;
  await insertStaff(db, { username: 'bo', role: 'collector', teamId: 'q', capacity: 2 });
  assert.ok((await assignCases({ db, teamId: 'q', actor: 'user:ed', now })).ok);
});
after(async () => {
  await db.close();
});

async function order(options: { userId?: string; stage?: 'firm_notice' } = {}): Promise<string[]> {
  const queue = await listQueue({ db, teamId: 'q', asOf: DESK_DATE, now, ...options });
  return queue.map((entry) => entry.accountId!);
}

test('planned calls by amount × DPD; a collector sees their own; another stage has none', async () => {
  assert.deepEqual(await order(), ['desk-4', 'desk-3', 'desk-2', 'desk-1', 'desk-0']);
  // Slots went amy, bo, amy, bo, amy down that order.
  assert.deepEqual(await order({ userId: amy }), ['desk-4', 'desk-2', 'desk-0']);
  assert.deepEqual(await order({ stage: 'firm_notice' }), []);
  const [top] = await listQueue({ db, teamId: 'q', asOf: DESK_DATE, now, limit: 1 });
  assert.deepEqual(top, {
    caseId: top!.caseId, borrowerId: borrowers[4], accountId: 'desk-4', stage: 'phone_collection',
    ownerUserId: amy, maxDpd: 12, overdueMinor: 140400n, currency: 'CNY', callbackDueAt: null,
    brokenPromiseOn: null,
  });
  assert.deepEqual(await listQueue({ db, teamId: 'q', asOf: '2026-03-11', now }), [], 'no plan that day');
});

test('a call the gate deferred joins the queue when its time comes', async () => {
  const defer = (at: string) => db.query(`UPDATE planned_action SET status = 'deferred', next_allowed_at = $2
    WHERE as_of = $3 AND channel = 'voice'
      AND case_id = (SELECT id FROM collection_case WHERE borrower_id = $1)`, [borrowers[3], at, DESK_DATE]);
  await defer('2026-03-10T02:00:01Z');
  assert.deepEqual(await order(), ['desk-4', 'desk-2', 'desk-1', 'desk-0']);
  await defer('2026-03-10T02:00:00Z');
  assert.deepEqual(await order(), ['desk-4', 'desk-3', 'desk-2', 'desk-1', 'desk-0']);
});

test('a callback due comes first, a broken promise next; a callback not yet due lifts nothing', async () => {
  const callback = (borrower: bigint, at: string) => db.query(`INSERT INTO agreement (borrower_id,
    party_id, kind,
      channel, starts_at, recorded_by) VALUES ($1, $1, 'callback', 'voice', $2, 'user:amy')`, [borrower, at]);
  await callback(borrowers[0]!, '2026-03-10T01:30:00Z');
  await callback(borrowers[2]!, '2026-03-10T03:00:00Z');
  await db.query(`INSERT INTO promise_to_pay (case_id, borrower_id, amount_minor, currency, promised_on,
    due_on,
      recorded_at, recorded_by, status, settled_on, paid_minor)
    SELECT id, borrower_id, 5000, 'CNY', '2026-03-01', '2026-03-05', '2026-03-01T02:00:00Z', 'user:amy',
      'broken', '2026-03-09', 0
    FROM collection_case WHERE borrower_id = $1`, [borrowers[1]]);
  assert.deepEqual(await order(), ['desk-0', 'desk-1', 'desk-4', 'desk-3', 'desk-2']);
  const queue = await listQueue({ db, teamId: 'q', asOf: DESK_DATE, now, limit: 2 });
  assert.deepEqual(queue.map((entry) => [entry.callbackDueAt?.toISOString() ?? null, entry.brokenPromiseOn]),
    [['2026-03-10T01:30:00.000Z', null], [null, '2026-03-09']]);
});

test('a borrower called today leaves the queue; the call also answers the callback', async () => {
  const reserved = await reserveContact(db, defaultPolicyGate(), {
    accountId: 'desk-0', channel: 'voice', actor: { kind: 'agent', id: 'user:amy' },
  }, now, ALL_RECORDS_MASKED);
  assert.ok(reserved.ok && reserved.reserved);
  assert.deepEqual(await order(), ['desk-1', 'desk-4', 'desk-3', 'desk-2']);
});

test('the strategy document sets the order', async () => {
  await activateStrategy(db, { ...DEFAULT_STRATEGY, queues: { ...DEFAULT_STRATEGY.queues!,
    order: ['amount'] } });
  try {
    assert.deepEqual(await order(), ['desk-4', 'desk-3', 'desk-2', 'desk-1']);
  } finally {
    await activateStrategy(db, DEFAULT_STRATEGY);
  }
});
