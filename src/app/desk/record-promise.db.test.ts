// Recording a promise to pay on a real database: each refusal in its order with the just-allowed
// value beside it (an amount of exactly what is owed, a date of today and of the last day allowed),
// the scope of a collector's team and of an agency's placements, and a new promise replacing the
// open one.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../../db/database.ts';
import type { StaffPrincipal } from '../../domain/people/principal.ts';
import { openTestDatabase } from '../../../test/support/test-database.ts';
import { DESK_DATE, insertDeskBorrowers, insertStaff,
  insertTeam } from '../../../test/support/desk-fixture.ts';
import { PROMISE_AHEAD_DAYS_MAX } from '../../config/limits.ts';
import { addDays } from '../../stdx/civil-date.ts';
import { runCycle } from '../cycle/run-cycle.ts';
import { assignCases } from './assign-cases.ts';
import { recordPromise, type RecordPromiseOptions } from './record-promise.ts';

let db: Db;
const now = new Date('2026-03-10T02:00:00Z');
const people: Record<string, StaffPrincipal> = {};
let cases: bigint[];

before(async () => {
  db = await openTestDatabase();
  await insertDeskBorrowers(db, 2);
  assert.ok((await runCycle({ db, asOf: DESK_DATE })).ok);
  await insertTeam(db, 'p');
  await insertTeam(db, 'other');
  await db.query(`INSERT INTO agency (id, name) VALUES ('acme', 'Acme')`);
  people.amy = await insertStaff(db, { username: 'amy', role: 'collector', teamId: 'p' });
  people.oz = await insertStaff(db, { username: 'oz', role: 'collector', teamId: 'other' });
  people.ag = await insertStaff(db, { username: 'ag', role: 'agency_collector', teamId: null,
    agencyId: 'acme' });
  people.ivy = await insertStaff(db, { username: 'ivy', role: 'compliance_officer', teamId: null });
  people.lou = await insertStaff(db, { username: 'lou', role: 'collector', teamId: null });
  assert.ok((await assignCases({ db, teamId: 'p', actor: 'user:ed', now })).ok);
  cases = (await db.query<{ id: bigint }>(`SELECT c.id
    FROM collection_case c JOIN party b ON b.id = c.borrower_id
    ORDER BY b.external_id`)).map((row) => row.id);
  // d1's account is placed with Acme.
  await db.query(`INSERT INTO placement (account_id, borrower_id, agency_id, placed_on)
    SELECT id, borrower_id, 'acme', '2026-03-09' FROM account WHERE external_id = 'desk-1'`);
});
after(async () => {
  await db.close();
});

const promise = (overrides: Partial<RecordPromiseOptions>) => recordPromise({
  db, principal: people.amy!, caseId: cases[0]!, amountMinor: 50000n, dueOn: '2026-03-15',
    asOf: DESK_DATE, now,
  ...overrides,
});

test('refusals, each in its order, beside the value just allowed', async () => {
  // d0 owes 1,000.00 in all.
  assert.deepEqual(await promise({ principal: people.ivy }), { ok: false, reason: 'not_permitted' });
  assert.deepEqual(await promise({ caseId: 999999n }), { ok: false, reason: 'unknown_case',
    field: 'caseId' });
  assert.deepEqual(await promise({ principal: people.oz }), { ok: false, reason: 'not_in_scope',
    field: 'caseId' });
  assert.deepEqual(await promise({ principal: people.ag }), { ok: false, reason: 'not_in_scope',
    field: 'caseId' });
  assert.deepEqual(await promise({ principal: people.lou }), { ok: false, reason: 'not_in_scope',
    field: 'caseId' });
  assert.deepEqual(await promise({ amountMinor: 0n }),
    { ok: false, reason: 'amount_not_positive', field: 'amountMinor' });
  assert.deepEqual(await promise({ amountMinor: 100001n }),
    { ok: false, reason: 'amount_above_outstanding', field: 'amountMinor' });
  assert.deepEqual(await promise({ dueOn: '2026-03-09' }), { ok: false, reason: 'due_date_in_past',
    field: 'dueOn' });
  assert.deepEqual(await promise({ dueOn: addDays(DESK_DATE, PROMISE_AHEAD_DAYS_MAX + 1) }),
    { ok: false, reason: 'due_date_too_far', field: 'dueOn' });
  assert.deepEqual(await promise({ attemptId: 999999n }),
    { ok: false, reason: 'unknown_attempt', field: 'attemptId' });
  const [count] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM promise_to_pay');
  assert.equal(count!.n, 0, 'nothing refused was written');
  const kept = await promise({ amountMinor: 100000n, dueOn: addDays(DESK_DATE, PROMISE_AHEAD_DAYS_MAX) });
  assert.ok(kept.ok && kept.replaced === null && kept.currency === 'CNY');
});

test('a new promise replaces the open one; an agency collector records on its placement', async () => {
  const first = await promise({ amountMinor: 30000n, dueOn: DESK_DATE });
  assert.ok(first.ok && first.replaced !== null);
  const rows = await db.query(`SELECT amount_minor, due_on, status, settled_on, recorded_by, promised_on
    FROM promise_to_pay WHERE case_id = $1 ORDER BY id`, [cases[0]]);
  assert.deepEqual(rows, [
    { amount_minor: 100000n, due_on: addDays(DESK_DATE, PROMISE_AHEAD_DAYS_MAX), status: 'cancelled',
      settled_on: DESK_DATE, recorded_by: 'user:amy', promised_on: DESK_DATE },
    { amount_minor: 30000n, due_on: DESK_DATE, status: 'open', settled_on: null, recorded_by: 'user:amy',
      promised_on: DESK_DATE },
  ]);
  const placed = await promise({ principal: people.ag, caseId: cases[1]! });
  assert.ok(placed.ok);
  await db.query(`UPDATE collection_case SET status = 'closed', closed_on = $2, close_reason = 'cured'
    WHERE id = $1`, [cases[1], DESK_DATE]);
  assert.deepEqual(await promise({ principal: people.ag, caseId: cases[1]! }),
    { ok: false, reason: 'case_closed', field: 'caseId' });
});
