// The daily cycle on a hand-built portfolio whose figures can be worked out by hand: DPD at the
// grace boundary, penalty accrual, freeze and unfreeze, bucket roll, case opening, staging and
// closing, planned actions, snapshots; and idempotency, both of a whole date and of each step.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../../db/database.ts';
import type { Row } from '../../db/schema.ts';
import { openTestDatabase } from '../../../test/support/test-database.ts';
import {
  dumpLedger, insertAccount, insertBorrower, insertProduct,
} from '../../../test/support/ledger-fixture.ts';
import { addDays } from '../../stdx/civil-date.ts';
import { runCycle } from './run-cycle.ts';
import { receivePayment } from '../payment/receive-payment.ts';
import { loadActiveStrategy } from '../strategy/active-strategy.ts';
import { loadProductTerms } from '../product/load-product-terms.ts';
import { postPayments } from './post-payments.ts';
import { applyCredit } from './apply-credit.ts';
import { accrueCharges } from './accrue-charges.ts';
import { recomputeDelinquency } from './recompute-delinquency.ts';
import { updateAccountStatus } from './update-account-status.ts';
import { updateCases } from './update-cases.ts';
import { planActions } from './plan-actions.ts';
import { decideActions } from './decide-actions.ts';
import { defaultPolicyGate } from '../gate/policy-gate.ts';
import { takeSnapshot } from './take-snapshot.ts';

let db: Db;
let alice: bigint;
let bob: bigint;

before(async () => {
  db = await openTestDatabase();
  await insertProduct(db, { id: 'loan', penaltyRatePpmPerDay: 500, graceDays: 3, lateFeeMinor: 3000n });
  alice = await insertBorrower(db, 'alice');
  bob = await insertBorrower(db, 'bob');
  await insertAccount(db, {
    externalId: 'A1', borrowerId: alice, productId: 'loan', openedOn: '2026-02-10', installments: [
      { dueDate: '2026-03-10', principal: 100000n, interest: 2000n },
      { dueDate: '2026-04-10', principal: 100000n, interest: 2000n },
    ],
  });
  await insertAccount(db, {
    externalId: 'B1', borrowerId: bob, productId: 'loan', openedOn: '2026-01-01', installments: [
      { dueDate: '2026-02-01', principal: 50000n },
    ],
  });
});
after(async () => db.close());

async function cycle(asOf: string) {
  const result = await runCycle({ db, asOf });
  assert.ok(result.ok);
  return result.report;
}

async function figures(externalId: string) {
  const [row] = await db.query<Pick<Row<'delinquency'>, 'dpd' | 'bucket' | 'overdue_principal_minor'
    | 'overdue_penalty_minor' | 'overdue_fee_minor' | 'outstanding_minor'>
    & Pick<Row<'account'>, 'status'>>(`SELECT d.dpd, d.bucket, a.status,
      d.overdue_principal_minor, d.overdue_penalty_minor, d.overdue_fee_minor, d.outstanding_minor
    FROM delinquency d JOIN account a ON a.id = d.account_id WHERE a.external_id = $1`, [externalId]);
  assert.ok(row);
  return row;
}

async function openCase(borrowerId: bigint) {
  const [row] = await db.query<Pick<Row<'collection_case'>, 'stage' | 'max_dpd' | 'stage_since'>>(
    `SELECT stage, max_dpd, stage_since FROM collection_case WHERE borrower_id = $1 AND status = 'open'`,
    [borrowerId]);
  return row ?? null;
}

test('grace boundary: current through the last day of grace, DPD 1 and frozen the day after', async () => {
  for (let date = '2026-03-05'; date <= '2026-03-13'; date = addDays(date, 1)) await cycle(date);
  const inGrace = await figures('A1');
  assert.equal(inGrace.dpd, 0);
  assert.equal(inGrace.bucket, 'M0');
  assert.equal(inGrace.status, 'active');
  assert.equal(inGrace.overdue_principal_minor, 100000n, 'past due in grace is still owed');
  assert.equal(inGrace.overdue_penalty_minor, 0n);
  assert.equal(await openCase(alice), null);

  await cycle('2026-03-14');
  const late = await figures('A1');
  assert.equal(late.dpd, 1);
  assert.equal(late.bucket, 'M1');
  assert.equal(late.status, 'frozen');
  // Four days since the due date at 0.05%/day on 1000.00 principal, and the 30.00 late fee.
  assert.equal(late.overdue_penalty_minor, 200n);
  assert.equal(late.overdue_fee_minor, 3000n);
  assert.deepEqual(
    await openCase(alice), { stage: 'gentle_reminder', max_dpd: 1, stage_since: '2026-03-14' },
  );
  const actions = await db.query<Pick<Row<'planned_action'>, 'action'>>(`SELECT action FROM planned_action
    WHERE borrower_id = $1 AND as_of = '2026-03-14'`, [alice]);
  assert.deepEqual(actions.map((row) => row.action), ['reminder_sms']);
});

test('bucket roll: DPD 30 is M1, DPD 31 is M2, and the roll is counted in the snapshot', async () => {
  // Bob's bill was due 2026-02-01 with 3 grace days: DPD 30 on 03-06, 31 on 03-07.
  const [roll] = await db.query<Pick<Row<'snapshot_roll'>, 'accounts'>>(`SELECT accounts FROM snapshot_roll
    WHERE as_of = '2026-03-07' AND from_bucket = 'M1' AND to_bucket = 'M2'`);
  assert.equal(roll?.accounts, 1);
  const [stay] = await db.query<Pick<Row<'snapshot_roll'>, 'accounts'>>(`SELECT accounts FROM snapshot_roll
    WHERE as_of = '2026-03-06' AND from_bucket = 'M1' AND to_bucket = 'M1'`);
  assert.equal(stay?.accounts, 1);
  const buckets = await db.query<Pick<Row<'snapshot_bucket'>, 'bucket' | 'accounts'>>(`SELECT bucket, accounts
    FROM snapshot_bucket
    WHERE as_of = '2026-03-14' ORDER BY bucket`);
  assert.deepEqual(buckets.map((row) => [row.bucket, row.accounts]), [['M1', 1], ['M2', 1]]);
});

test('the ladder escalates with DPD: phone collection from DPD 8', async () => {
  for (let date = '2026-03-15'; date <= '2026-03-21'; date = addDays(date, 1)) await cycle(date);
  const stage = await openCase(alice);
  assert.deepEqual(stage, { stage: 'phone_collection', max_dpd: 8, stage_since: '2026-03-21' });
  const [call] = await db.query(`SELECT 1 FROM planned_action
    WHERE borrower_id = $1 AND as_of = '2026-03-21' AND action = 'collector_call'`, [alice]);
  assert.ok(call);
});

test(
  'a payment that cures the account unfreezes it and closes the case; the excess becomes credit',
  async () => {
    // Owed on bill 1 when paid on 03-22: fee 30.00, penalty for the 11 days 03-11..03-21 at 0.50 a day
    // (5.50; the day of payment is not charged), interest 20.00, principal 1000.00: 1055.50.
    const received = await receivePayment(db, {
      idempotencyKey: 'pay-1', accountExternalId: 'A1', amountMinor: 110000n,
      currency: 'CNY', valueDate: '2026-03-22', channel: 'bank_transfer',
    }, { now: new Date('2026-03-22T04:00:00Z'), audit: null });
    assert.ok(received.ok);
    await cycle('2026-03-22');
    const cured = await figures('A1');
    assert.equal(cured.dpd, 0);
    assert.equal(cured.status, 'active');
    assert.equal(await openCase(alice), null);
    const [closed] = await db.query<Pick<Row<'collection_case'>, 'close_reason'>>(
      `SELECT close_reason FROM collection_case WHERE borrower_id = $1`, [alice],
    );
    assert.equal(closed?.close_reason, 'cured');
    const [account] = await db.query<Pick<Row<'account'>, 'credit_balance_minor'>>(
      `SELECT credit_balance_minor FROM account WHERE external_id = 'A1'`,
    );
    assert.equal(account?.credit_balance_minor, 110000n - (3000n + 550n + 2000n + 100000n));
    const lines = await db.query<Pick<Row<'allocation'>, 'component' | 'amount_minor'>>(`SELECT component,
      amount_minor
      FROM allocation
      WHERE payment_id = $1 ORDER BY id`, [received.ok ? received.payment.id : 0n]);
    assert.deepEqual(lines.map((line) => [line.component, line.amount_minor]),
      [['fee', 3000n], ['penalty', 550n], ['interest', 2000n], ['principal', 100000n], ['credit', 4450n]]);
  },
);

test('a credit balance pays the next bill when it falls due', async () => {
  for (let date = '2026-03-23'; date <= '2026-04-10'; date = addDays(date, 1)) await cycle(date);
  const [bill] = await db.query<
    Pick<Row<'installment'>, 'interest_paid_minor' | 'principal_paid_minor'>>(`SELECT
      interest_paid_minor, principal_paid_minor
    FROM installment i JOIN account a ON a.id = i.account_id WHERE a.external_id = 'A1' AND seq = 2`);
  assert.deepEqual(bill, { interest_paid_minor: 2000n, principal_paid_minor: 2450n });
  const [account] = await db.query<Pick<Row<'account'>, 'credit_balance_minor'>>(
    `SELECT credit_balance_minor FROM account WHERE external_id = 'A1'`,
  );
  assert.equal(account?.credit_balance_minor, 0n);
  const [sum] = await db.query<{ total: string }>(`SELECT sum(amount_minor)::text AS total FROM allocation
    WHERE account_id = (SELECT id FROM account WHERE external_id = 'A1')`);
  assert.equal(sum?.total, '110000', 'allocations add up to what was paid in');
});

test('rerunning a completed date changes nothing', async () => {
  const before = await dumpLedger(db);
  const again = await cycle('2026-04-10');
  assert.equal(again.status, 'already_completed');
  assert.equal(await dumpLedger(db), before);
});

test('every step is idempotent for its date on its own (what crash-resume relies on)', async () => {
  const asOf = '2026-04-10';
  const before = await dumpLedger(db);
  const products = await loadProductTerms(db);
  const active = await loadActiveStrategy(db);
  await postPayments(db, asOf, products);
  await db.transaction(async (tx) => {
    await applyCredit(tx, asOf, products);
    await accrueCharges(tx, asOf);
    await recomputeDelinquency(tx, asOf, active.strategy);
    await updateAccountStatus(tx, asOf);
    await updateCases(tx, asOf, active);
    await planActions(tx, asOf, active, defaultPolicyGate());
    await decideActions(tx, asOf, defaultPolicyGate());
    await takeSnapshot(tx, asOf);
  });
  assert.equal(await dumpLedger(db), before);
});

test('a date before the last completed cycle is refused', async () => {
  const result = await runCycle({ db, asOf: '2026-04-01' });
  assert.deepEqual(result, {
    ok: false, rejection: { reason: 'cycle_date_before_last_completed', lastCompleted: '2026-04-10' },
  });
});
