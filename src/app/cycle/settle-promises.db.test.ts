// Promises to pay through the daily cycle on a real database: kept as soon as the borrower's payments
// since the promise reach its amount, broken on the day after its date plus the strategy's grace
// days, each counted in the step's detail; the plan rests while a promise is open and after one is
// kept until the next bill falls due, and on the day one breaks the ladder resumes with a call; a
// second settlement of the same date changes nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../../db/database.ts';
import { openTestDatabase } from '../../../test/support/test-database.ts';
import { insertAccount, insertBorrower, insertProduct } from '../../../test/support/ledger-fixture.ts';
import { addDays } from '../../stdx/civil-date.ts';
import { receivePayment } from '../payment/receive-payment.ts';
import { loadActiveStrategy } from '../strategy/active-strategy.ts';
import { runCycle } from './run-cycle.ts';
import { settlePromises } from './settle-promises.ts';

let db: Db;
const FIRST = '2026-03-10';
const LAST = '2026-03-16';
const details: Record<string, Record<string, number>> = {};

/**
 * kept: pays 200.00 of a 200.00 promise on the 11th (one bill, 9 days past due: calls daily).
 * broken: pays 100.00 of a 500.00 promise due the 11th (grace to the 14th, broken on the 15th).
 * quiet-then-bill: keeps its promise on the 11th, its second bill falls due on the 13th.
 * reminded: in gentle reminders (texts only), breaks its promise on the 15th.
 * control: no promise.
 */
const BORROWERS: [string, { dueDate: string; principal: bigint }[]][] = [
  ['kept', [{ dueDate: '2026-03-01', principal: 100000n }]],
  ['broken', [{ dueDate: '2026-03-01', principal: 100000n }]],
  ['quiet-then-bill', [{ dueDate: '2026-03-01', principal: 100000n }, { dueDate: '2026-03-13',
    principal: 100000n }]],
  ['reminded', [{ dueDate: '2026-03-08', principal: 100000n }]],
  ['control', [{ dueDate: '2026-03-01', principal: 100000n }]],
];
const PROMISES: [string, bigint, string][] = [
  ['kept', 20000n, '2026-03-12'], ['broken', 50000n, '2026-03-11'], ['quiet-then-bill', 20000n, '2026-03-12'],
  ['reminded', 50000n, '2026-03-11'],
];
const PAYMENTS: [string, bigint][] = [['kept', 20000n], ['broken', 10000n], ['quiet-then-bill', 20000n]];

before(async () => {
  db = await openTestDatabase();
  await insertProduct(db, { id: 'loan', interestRateBp: 0, penaltyRatePpmPerDay: 0, graceDays: 0 });
  for (const [name, installments] of BORROWERS) {
    const borrower = await insertBorrower(db, name);
    await db.query(`INSERT INTO contact_point (external_id, party_id, borrower_id, kind, value)
      VALUES ($1, $2, $2, 'mobile', '13800000000')`, [`${name}-mobile`, borrower]);
    await insertAccount(db, { externalId: name, borrowerId: borrower, productId: 'loan',
      openedOn: '2026-01-01',
      installments });
  }
  details[FIRST] = stepDetail(await runCycle({ db, asOf: FIRST }));
  for (const [name, amount, dueOn] of PROMISES) {
    await db.query(`INSERT INTO promise_to_pay (case_id, borrower_id, amount_minor, currency,
      promised_on, due_on,
        recorded_at, recorded_by)
      SELECT c.id, c.borrower_id, $2, 'CNY', $3, $4, '2026-03-10T03:00:00Z', 'user:amy'
      FROM collection_case c JOIN party b ON b.id = c.borrower_id WHERE b.external_id = $1`,
    [name, amount, FIRST, dueOn]);
  }
  for (const [name, amount] of PAYMENTS) {
    const paid = await receivePayment(db, { idempotencyKey: `pay-${name}`, accountExternalId: name,
      amountMinor: amount, currency: 'CNY', valueDate: '2026-03-11', channel: 'app' },
    { now: new Date('2026-03-11T02:00:00Z'), audit: null });
    assert.ok(paid.ok);
  }
  for (let date = addDays(FIRST, 1); date <= LAST; date = addDays(date, 1)) {
    details[date] = stepDetail(await runCycle({ db, asOf: date }));
  }
});
after(async () => {
  await db.close();
});

function stepDetail(result: Awaited<ReturnType<typeof runCycle>>): Record<string, number> {
  assert.ok(result.ok);
  return result.report.steps.find((step) => step.step === 'settle_promises')!.detail;
}

test('kept as soon as paid, broken the day after the grace days, counted in the step', async () => {
  const settled = await db.query(`SELECT b.external_id AS borrower, p.status, p.settled_on, p.paid_minor
    FROM promise_to_pay p JOIN party b ON b.id = p.borrower_id ORDER BY b.external_id`);
  assert.deepEqual(settled, [
    { borrower: 'broken', status: 'broken', settled_on: '2026-03-15', paid_minor: 10000n },
    { borrower: 'kept', status: 'kept', settled_on: '2026-03-11', paid_minor: 20000n },
    { borrower: 'quiet-then-bill', status: 'kept', settled_on: '2026-03-11', paid_minor: 20000n },
    { borrower: 'reminded', status: 'broken', settled_on: '2026-03-15', paid_minor: 0n },
  ]);
  assert.deepEqual(details, {
    '2026-03-10': { kept: 0, broken: 0 }, '2026-03-11': { kept: 2, broken: 0 },
    '2026-03-12': { kept: 0, broken: 0 }, '2026-03-13': { kept: 0, broken: 0 },
    '2026-03-14': { kept: 0, broken: 0 }, '2026-03-15': { kept: 0, broken: 2 },
    '2026-03-16': { kept: 0, broken: 0 },
  });
});

test('the plan rests while a promise is open or kept, and calls when one breaks', async () => {
  const planned = await db.query<{ borrower: string; days: string[] }>(`SELECT b.external_id AS borrower,
      array_agg(p.as_of::text || ' ' || p.action ORDER BY p.as_of, p.action) AS days
    FROM planned_action p JOIN party b ON b.id = p.borrower_id
    WHERE p.as_of > $1 GROUP BY b.external_id ORDER BY b.external_id`, [FIRST]);
  const calls = (from: string, to: string) => {
    const days: string[] = [];
    for (let date = from; date <= to; date = addDays(date, 1)) days.push(`${date} collector_call`);
    return days;
  };
  assert.deepEqual(planned, [
    // Open until the 14th; on the 15th the ladder's daily call is the follow-up.
    { borrower: 'broken', days: calls('2026-03-15', LAST) },
    { borrower: 'control', days: [...calls('2026-03-11', LAST).slice(0, 2), '2026-03-12 reminder_sms',
      ...calls('2026-03-13', LAST)] },
    // Kept on the 11th: quiet until the second bill falls due on the 13th.
    { borrower: 'quiet-then-bill', days: calls('2026-03-13', LAST) },
    // Texts only in gentle reminders (none due on the 15th): the broken promise brings a call; on the
    // 16th, 8 days past due, the ladder's phone collection calls.
    { borrower: 'reminded', days: ['2026-03-15 broken_promise_call', '2026-03-16 collector_call'] },
  ]);
});

test('settling a date again changes nothing', async () => {
  const active = await loadActiveStrategy(db);
  const again = await db.transaction((tx) => settlePromises(tx, '2026-03-15', active));
  assert.deepEqual(again, { kept: 0, broken: 0 });
});
