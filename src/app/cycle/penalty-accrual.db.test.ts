// Late fees and penalty interest are charged per day on the basis outstanding that day, whatever
// the cycle's schedule: the ledger writes them only when a payment is allocated, and the cycle reads
// what accrued since with the same rules. Daily runs and runs with gaps must end with the same books.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../../db/database.ts';
import { openTestDatabase } from '../../../test/support/test-database.ts';
import { insertAccount, insertBorrower, insertProduct } from '../../../test/support/ledger-fixture.ts';
import { addDays } from '../../stdx/civil-date.ts';
import { receivePayment } from '../payment/receive-payment.ts';
import { getAccount } from '../portfolio/get-account.ts';
import { runCycle } from './run-cycle.ts';

let daily: Db;
let gaps: Db;

async function seed(db: Db): Promise<void> {
  // 700 ppm a day on principal and interest, 3 grace days, a 30.00 late fee.
  await insertProduct(db, { id: 'loan', penaltyRatePpmPerDay: 700, penaltyBasis: 'overdue_principal_interest',
    graceDays: 3, lateFeeMinor: 3000n });
  const borrower = await insertBorrower(db, 'carol');
  await insertAccount(db, { externalId: 'L1', borrowerId: borrower, productId: 'loan', openedOn: '2026-02-10',
    installments: [
      { dueDate: '2026-03-10', principal: 123457n, interest: 1001n },
      { dueDate: '2026-04-10', principal: 100000n },
    ] });
  const received = await receivePayment(db, { idempotencyKey: 'part-1', accountExternalId: 'L1',
    amountMinor: 50000n, currency: 'CNY', valueDate: '2026-03-18', channel: 'bank_transfer' });
  assert.ok(received.ok);
}

async function cycle(db: Db, asOf: string): Promise<void> {
  assert.ok((await runCycle({ db, asOf })).ok);
}

type StoredCharges = { fee: bigint; penalty: bigint; through: string | null };

async function stored(db: Db, seq: number): Promise<StoredCharges> {
  const [row] = await db.query<{ fee_due_minor: bigint; penalty_accrued_minor: bigint;
    penalty_through: string | null; }>(
    `SELECT fee_due_minor, penalty_accrued_minor, penalty_through FROM installment WHERE seq = $1`, [seq]);
  assert.ok(row);
  return { fee: row.fee_due_minor, penalty: row.penalty_accrued_minor, through: row.penalty_through };
}

async function overdue(db: Db): Promise<{ fee: bigint; penalty: bigint }> {
  const [row] = await db.query<{ overdue_fee_minor: bigint; overdue_penalty_minor: bigint }>(
    'SELECT overdue_fee_minor, overdue_penalty_minor FROM delinquency');
  assert.ok(row);
  return { fee: row.overdue_fee_minor, penalty: row.overdue_penalty_minor };
}

before(async () => {
  daily = await openTestDatabase();
  gaps = await openTestDatabase();
  await seed(daily);
  await seed(gaps);
});
after(async () => {
  await daily.close();
  await gaps.close();
});

test('the cycle reads late charges without writing them; the payment writes those before it', async () => {
  for (let date = '2026-03-05'; date <= '2026-03-17'; date = addDays(date, 1)) await cycle(daily, date);
  // The late fee from 03-14; 124,458 × 700 ppm = 87.12 → 87 a day, for 03-11 … 03-17.
  assert.deepEqual(await overdue(daily), { fee: 3000n, penalty: 7n * 87n });
  assert.deepEqual(await stored(daily, 1), { fee: 0n, penalty: 0n, through: null });
  await cycle(daily, '2026-03-18');
  // The payment pays the fee, the 609 of penalty, the interest, then 45,390 of principal; the
  // value date itself is charged on what is left: 78,067 × 700 ppm = 54.65 → 55.
  assert.deepEqual(await stored(daily, 1), { fee: 3000n, penalty: 609n, through: '2026-03-17' });
  assert.deepEqual(await overdue(daily), { fee: 0n, penalty: 55n });
});

test('daily runs and runs with gaps end with the same books', async () => {
  for (let date = '2026-03-19'; date <= '2026-04-20'; date = addDays(date, 1)) await cycle(daily, date);
  for (const date of ['2026-03-05', '2026-03-12', '2026-03-25', '2026-04-20']) await cycle(gaps, date);
  // Bill 1: 55 a day for 03-18 … 04-20 (34 days); bill 2: its late fee, and 70 a day once past
  // grace, for 04-11 … 04-20.
  const expected = { fee: 3000n, penalty: 34n * 55n + 10n * 70n };
  assert.deepEqual(await overdue(daily), expected);
  assert.deepEqual(await overdue(gaps), expected);
  const books = async (db: Db) => {
    const account = await getAccount(db, 'L1');
    assert.ok(account?.delinquency);
    const { installments, payments, delinquency } = account;
    return { installments, payments, delinquency };
  };
  const [dailyBooks, gapBooks] = [await books(daily), await books(gaps)];
  assert.equal(dailyBooks.installments[0]?.penaltyAccruedMinor, String(609n + 34n * 55n));
  assert.equal(dailyBooks.installments[1]?.feeDueMinor, '3000');
  assert.equal(dailyBooks.installments[0]?.penaltyThrough, '2026-04-20');
  assert.deepEqual(gapBooks, dailyBooks);
});
