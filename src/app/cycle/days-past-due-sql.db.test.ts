// The set-based recompute of delinquency (recompute-delinquency.ts) must give each account the
// figures the pure functions give: DPD net of the product's grace days (daysPastDue) counted from
// the oldest unpaid installment, its bucket (bucketFor), and the overdue components with penalty
// interest counted through the date (accruePenalty). Property tests: batches of generated accounts
// (schedules, partial payments, stored penalty charges, products) and a cycle date, written to the
// real tables of the test database and recomputed by the cycle's own function; then every figure
// is compared with the pure twins. The seed is printed; FAIRCOLLECT_PROPERTY_SEED=<seed> replays.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import fc from 'fast-check';
import type { Db } from '../../db/database.ts';
import { openTestDatabase } from '../../../test/support/test-database.ts';
import { GRACE_DAYS_MAX, RATE_BP_MAX } from '../../config/limits.ts';
import { accruePenalty } from '../../domain/delinquency/accrue-penalty.ts';
import { bucketFor, type Bucket } from '../../domain/delinquency/bucket-scheme.ts';
import { daysPastDue } from '../../domain/delinquency/days-past-due.ts';
import { DEFAULT_STRATEGY } from '../../policy/strategy/default-strategy.ts';
import { addDays, type CivilDate } from '../../stdx/civil-date.ts';
import { recomputeDelinquency } from './recompute-delinquency.ts';

const SEED = process.env.FAIRCOLLECT_PROPERTY_SEED === undefined
  ? randomInt(2 ** 31) : Number(process.env.FAIRCOLLECT_PROPERTY_SEED);
const BATCHES = 25;
const ACCOUNTS_PER_BATCH_MAX = 30;
const INSTALLMENTS_PER_ACCOUNT_MAX = 6;
/** Due dates from about eight years before the cycle date (past every default bucket) to after it. */
const DUE_OFFSET_DAYS_MIN = -3_000;
const DUE_OFFSET_DAYS_MAX = 90;

let db: Db;
let borrowerId: bigint;
/** Ids stay unique across batches: every batch adds its accounts to the same database. */
let accountsWritten = 0;

before(async () => {
  db = await openTestDatabase();
  const [row] = await db.query<{ id: bigint }>(`INSERT INTO party (external_id, kind, borrower_id,
      relationship, full_name, time_zone, country)
    VALUES ('dpd-borrower', 'borrower', 0, 'self', 'B', 'Asia/Shanghai', 'CN') RETURNING id`);
  borrowerId = row!.id;
  await db.query('UPDATE party SET borrower_id = id WHERE id = $1', [borrowerId]);
});
after(async () => {
  await db.close();
});

type Product = {
  ratePpmPerDay: number; basis: 'overdue_principal' | 'overdue_principal_interest'; graceDays: number;
};
type Installment = {
  dueDate: CivilDate; principalDue: bigint; interestDue: bigint; feeDue: bigint; penaltyAccrued: bigint;
  principalPaid: bigint; interestPaid: bigint; feePaid: bigint; penaltyPaid: bigint;
  penaltyThrough: CivilDate | null;
};
type Account = { product: Product; installments: Installment[] };
type Batch = { asOf: CivilDate; buckets: Bucket[]; accounts: Account[] };

const part = (whole: bigint, thousandths: number) => whole * BigInt(thousandths) / 1000n;
/** A share in thousandths: nothing, all, or some. */
const share = fc.oneof(fc.constantFrom(0, 1000), fc.integer({ min: 0, max: 1000 }));
const amount = fc.oneof(fc.constant(0n), fc.bigInt({ min: 1n, max: 10_000_000n }));

const product: fc.Arbitrary<Product> = fc.record({
  ratePpmPerDay: fc.oneof(fc.constantFrom(0, 500), fc.integer({ min: 0, max: RATE_BP_MAX })),
  basis: fc.constantFrom('overdue_principal' as const, 'overdue_principal_interest' as const),
  graceDays: fc.integer({ min: 0, max: GRACE_DAYS_MAX }),
});

function installment(asOf: CivilDate, graceDays: number): fc.Arbitrary<Installment> {
  // Due dates land anywhere, and often on the grace boundary, where DPD turns from 0 to 1.
  const dueOffset = fc.oneof(
    fc.integer({ min: DUE_OFFSET_DAYS_MIN, max: DUE_OFFSET_DAYS_MAX }),
    fc.integer({ min: -graceDays - 2, max: 1 }),
  );
  return fc.record({
    dueOffset, principalDue: amount, interestDue: amount, feeDue: amount, penaltyAccrued: amount,
    principalShare: share, interestShare: share, feeShare: share, penaltyShare: share,
    throughOffset: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null, freq: 2 }),
  }).map((drawn) => {
    const dueDate = addDays(asOf, drawn.dueOffset);
    // The ledger records a charge only together with its date: a stored penalty has a charged-through date.
    const charged = drawn.throughOffset !== null;
    const penaltyAccrued = charged ? drawn.penaltyAccrued : 0n;
    return {
      dueDate, principalDue: drawn.principalDue, interestDue: drawn.interestDue, feeDue: drawn.feeDue,
      penaltyAccrued, principalPaid: part(drawn.principalDue, drawn.principalShare),
      interestPaid: part(drawn.interestDue, drawn.interestShare), feePaid: part(drawn.feeDue, drawn.feeShare),
      penaltyPaid: part(penaltyAccrued, drawn.penaltyShare),
      penaltyThrough: charged ? addDays(dueDate, drawn.throughOffset!) : null,
    };
  });
}

const account = (asOf: CivilDate): fc.Arbitrary<Account> => product.chain((terms) => fc.record({
  product: fc.constant(terms),
  installments: fc.array(installment(asOf, terms.graceDays), { maxLength: INSTALLMENTS_PER_ACCOUNT_MAX }),
}));

/** The default 30-day ladder or a generated valid one (M0 holds DPD 0 only, the last is open). */
const buckets: fc.Arbitrary<Bucket[]> = fc.oneof(
  fc.constant(DEFAULT_STRATEGY.buckets.map((bucket) => ({ ...bucket }))),
  fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 12 }).map((steps) => {
    let bound = 0;
    return [{ name: 'B0', dpdMax: 0 }, ...steps.map((step, index) => {
      bound += step;
      return { name: `B${index + 1}`, dpdMax: index === steps.length - 1 ? null : bound };
    })];
  }),
);

const batch: fc.Arbitrary<Batch> = fc.integer({ min: 0, max: 365 * 60 })
  .map((offset) => addDays('2000-01-01', offset))
  .chain((asOf) => fc.record({
    asOf: fc.constant(asOf), buckets,
    accounts: fc.array(account(asOf), { minLength: 1, maxLength: ACCOUNTS_PER_BATCH_MAX }),
  }));

type Figures = {
  dpd: number; bucket: string; oldest_unpaid_due: string | null; next_unpaid_due: string | null;
  overdue_principal_minor: bigint; overdue_interest_minor: bigint; overdue_penalty_minor: bigint;
  overdue_fee_minor: bigint; outstanding_minor: bigint;
};

function remainingMinor(item: Installment): bigint {
  return item.principalDue + item.interestDue + item.feeDue + item.penaltyAccrued
    - item.principalPaid - item.interestPaid - item.feePaid - item.penaltyPaid;
}

/** Penalty interest charged through `asOf`, stored plus accrued since (accruePenalty). */
function penaltyThrough(terms: Product, item: Installment, asOf: CivilDate): bigint {
  const principal = item.principalDue - item.principalPaid;
  const basisMinor = terms.basis === 'overdue_principal'
    ? principal : principal + item.interestDue - item.interestPaid;
  const accrual = accruePenalty({
    dueDate: item.dueDate, asOf, graceDays: terms.graceDays, penaltyThrough: item.penaltyThrough, basisMinor,
    ratePpmPerDay: terms.ratePpmPerDay,
  });
  return item.penaltyAccrued + accrual.penaltyMinor;
}

const sum = (values: bigint[]) => values.reduce((total, value) => total + value, 0n);
const earliest = (dates: CivilDate[]) => dates.length === 0 ? null : dates.reduce((a, b) => (a < b ? a : b));

/** The figures the pure functions give an account on `asOf`. */
function expectedFigures(item: Account, asOf: CivilDate, scheme: readonly Bucket[]): Figures {
  const unpaid = item.installments.filter((entry) => remainingMinor(entry) > 0n);
  const pastDue = unpaid.filter((entry) => entry.dueDate < asOf);
  const dpd = daysPastDue(earliest(unpaid.map((entry) => entry.dueDate)), asOf, item.product.graceDays);
  return {
    dpd, bucket: bucketFor(dpd, scheme),
    oldest_unpaid_due: earliest(pastDue.map((entry) => entry.dueDate)),
    next_unpaid_due: earliest(unpaid.filter((entry) => entry.dueDate >= asOf).map((entry) => entry.dueDate)),
    overdue_principal_minor: sum(pastDue.map((entry) => entry.principalDue - entry.principalPaid)),
    overdue_interest_minor: sum(pastDue.map((entry) => entry.interestDue - entry.interestPaid)),
    overdue_penalty_minor: sum(pastDue.map(
      (entry) => penaltyThrough(item.product, entry, asOf) - entry.penaltyPaid,
    )),
    overdue_fee_minor: sum(pastDue.map((entry) => entry.feeDue - entry.feePaid)),
    outstanding_minor: sum(unpaid.map(
      (entry) => remainingMinor(entry) - entry.penaltyAccrued + penaltyThrough(item.product, entry, asOf),
    )),
  };
}

/** Writes the batch's products, accounts and installments; returns the accounts' ids in order. */
async function writeBatch(accounts: readonly Account[]): Promise<bigint[]> {
  const first = accountsWritten;
  accountsWritten += accounts.length;
  const keyed = accounts.map((item, index) => ({ key: `dpd-${first + index}`, item }));
  await db.query(`INSERT INTO product (id, name, kind, jurisdiction, currency, interest_rate_bp,
      penalty_rate_ppm_per_day, penalty_basis, grace_days)
    SELECT v.key, v.key, 'cash_loan', 'CN', 'CNY', 0, v.rate, v.basis, v.grace
    FROM jsonb_to_recordset($1::jsonb) AS v(key text, rate integer, basis text, grace integer)`,
  [JSON.stringify(keyed.map(({ key, item }) => ({
    key, rate: item.product.ratePpmPerDay, basis: item.product.basis, grace: item.product.graceDays,
  })))]);
  const ids = await db.query<{ id: bigint }>(`INSERT INTO account (external_id, borrower_id, product_id,
      currency, principal_minor, opened_on)
    SELECT v.key, $2, v.key, 'CNY', 0, '1990-01-01'
    FROM jsonb_to_recordset($1::jsonb) AS v(ord integer, key text)
    ORDER BY v.ord RETURNING id`, [JSON.stringify(keyed.map(({ key }, ord) => ({ ord, key }))), borrowerId]);
  const rows = keyed.flatMap(({ key, item }) => item.installments.map((entry, index) => ({
    key, seq: index + 1, due: entry.dueDate, through: entry.penaltyThrough,
    pd: `${entry.principalDue}`, id: `${entry.interestDue}`, fd: `${entry.feeDue}`,
    pa: `${entry.penaltyAccrued}`, pp: `${entry.principalPaid}`, ip: `${entry.interestPaid}`,
    fp: `${entry.feePaid}`, pep: `${entry.penaltyPaid}`,
  })));
  await db.query(`INSERT INTO installment (account_id, seq, borrower_id, due_date, penalty_through,
      principal_due_minor, interest_due_minor, fee_due_minor, penalty_accrued_minor,
      principal_paid_minor, interest_paid_minor, fee_paid_minor, penalty_paid_minor)
    SELECT a.id, v.seq, a.borrower_id, v.due, v.through, v.pd, v.id, v.fd, v.pa, v.pp, v.ip, v.fp, v.pep
    FROM jsonb_to_recordset($1::jsonb) AS v(key text, seq integer, due date, through date, pd bigint,
      id bigint, fd bigint, pa bigint, pp bigint, ip bigint, fp bigint, pep bigint)
    JOIN account a ON a.external_id = v.key`, [JSON.stringify(rows)]);
  // Inserted rows order as the ORDER BY of their SELECT in both engines; checked, not assumed.
  const order = await db.query<{ external_id: string }>(
    'SELECT external_id FROM account WHERE id = ANY($1::bigint[]) ORDER BY id', [ids.map((row) => row.id)]);
  assert.deepEqual(order.map((row) => row.external_id), keyed.map(({ key }) => key));
  return ids.map((row) => row.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

async function checkBatch({ asOf, buckets: scheme, accounts }: Batch): Promise<void> {
  const ids = await writeBatch(accounts);
  const strategy = { ...DEFAULT_STRATEGY, buckets: scheme };
  await db.transaction((tx) => recomputeDelinquency(tx, asOf, strategy));
  const rows = await db.query<Figures & { account_id: bigint }>(`SELECT account_id, dpd, bucket,
      oldest_unpaid_due, next_unpaid_due, overdue_principal_minor, overdue_interest_minor,
      overdue_penalty_minor, overdue_fee_minor, outstanding_minor
    FROM delinquency WHERE account_id = ANY($1::bigint[]) ORDER BY account_id`, [ids]);
  assert.equal(rows.length, accounts.length, 'every account has a delinquency row');
  for (const [index, item] of accounts.entries()) {
    const { account_id: _id, ...figures } = rows[index]!;
    assert.deepEqual(figures, expectedFigures(item, asOf, scheme),
      `account ${index} on ${asOf}: ${JSON.stringify(item, bigintText)}`);
  }
}

function bigintText(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

test('the recompute gives each account the DPD, bucket and overdue figures of the pure twins', async (t) => {
  t.diagnostic(`seed ${SEED} (replay with FAIRCOLLECT_PROPERTY_SEED=${SEED})`);
  await fc.assert(fc.asyncProperty(batch, checkBatch), { seed: SEED, numRuns: BATCHES });
});
