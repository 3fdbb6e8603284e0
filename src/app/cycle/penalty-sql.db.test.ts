// Penalty interest computed in SQL when a figure is read or charged (penalty-sql.ts) must equal the
// pure accruePenalty (domain/delinquency/accrue-penalty.ts). Property tests over generated
// installments, products (rate, basis, grace), stored charges and sequences of charge dates with
// payments between them, evaluated in batches through the builders the cycle and the ledger call,
// on rows of the real installment and product types. A charge must also be a fixed point: reading
// an installment charged through a date, through that same date, adds nothing. The seed is printed;
// FAIRCOLLECT_PROPERTY_SEED=<seed> replays a run.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import fc from 'fast-check';
import type { Db } from '../../db/database.ts';
import { openTestDatabase } from '../../../test/support/test-database.ts';
import { GRACE_DAYS_MAX, IMPORT_AMOUNT_MINOR_MAX, RATE_BP_MAX } from '../../config/limits.ts';
import { accruePenalty } from '../../domain/delinquency/accrue-penalty.ts';
import { addDays, type CivilDate } from '../../stdx/civil-date.ts';
import { penaltyThroughDateSql, penaltyThroughSql, remainingThroughSql } from './penalty-sql.ts';

const SEED = process.env.FAIRCOLLECT_PROPERTY_SEED === undefined
  ? randomInt(2 ** 31) : Number(process.env.FAIRCOLLECT_PROPERTY_SEED);
const BATCHES = 40;
const INSTALLMENTS_PER_BATCH_MAX = 50;
const CHARGES_PER_INSTALLMENT = 4;
/** How far apart two charges of one installment fall: a day, a month, up to a year and a half. */
const CHARGE_GAP_DAYS_MAX = 550;

let db: Db;
before(async () => {
  db = await openTestDatabase();
});
after(async () => {
  await db.close();
});

type Terms = {
  ratePpmPerDay: number; basis: 'overdue_principal' | 'overdue_principal_interest'; graceDays: number;
};
type State = {
  dueDate: CivilDate; principalDue: bigint; interestDue: bigint; principalPaid: bigint; interestPaid: bigint;
  penaltyAccrued: bigint; penaltyThrough: CivilDate | null;
};
/**
 * A charge falls `gapDays` after the previous one, or, when `graceEdge` is set, that many days from
 * the last day of grace (-1, 0 or 1), where accrual starts.
 */
type Charge = { gapDays: number; graceEdge: number | null; principalPaid: number; interestPaid: number };
type Ledger = { terms: Terms; state: State; charges: Charge[] };

const civilDate = fc.integer({ min: 0, max: 365 * 150 }).map((offset) => addDays('1990-01-01', offset));

const terms = (rateMin: number): fc.Arbitrary<Terms> => fc.record({
  ratePpmPerDay: fc.oneof(
    fc.constantFrom(rateMin, 1, 500, RATE_BP_MAX), fc.integer({ min: rateMin, max: RATE_BP_MAX }),
  ),
  basis: fc.constantFrom('overdue_principal' as const, 'overdue_principal_interest' as const),
  graceDays: fc.integer({ min: 0, max: GRACE_DAYS_MAX }),
});

const amountMinor = fc.oneof(
  fc.constant(0n), fc.bigInt({ min: 0n, max: 1_000_000n }),
  fc.bigInt({ min: 0n, max: IMPORT_AMOUNT_MINOR_MAX }),
);

/** A share of what is due, in thousandths: nothing, some, or all of it. */
const share = fc.oneof(fc.constantFrom(0, 1000), fc.integer({ min: 0, max: 1000 }));
const part = (whole: bigint, thousandths: number) => whole * BigInt(thousandths) / 1000n;

const ledger = (rateMin: number): fc.Arbitrary<Ledger> => fc.record({
  terms: terms(rateMin),
  dueDate: civilDate,
  principalDue: amountMinor, interestDue: amountMinor,
  principalPaid: share, interestPaid: share,
  // Before any charge, or charged through a date around the due date (the ledger charges only past
  // grace, but the formula must hold for any stored date).
  through: fc.option(fc.integer({ min: -40, max: 400 }), { nil: null, freq: 2 }),
  penaltyAccrued: fc.oneof(fc.constant(0n), amountMinor),
  charges: fc.array(fc.record({
    gapDays: fc.oneof(fc.integer({ min: -5, max: 40 }), fc.integer({ min: 0, max: CHARGE_GAP_DAYS_MAX })),
    graceEdge: fc.option(fc.integer({ min: -1, max: 1 }), { nil: null, freq: 3 }),
    principalPaid: share, interestPaid: share,
  }), { minLength: CHARGES_PER_INSTALLMENT, maxLength: CHARGES_PER_INSTALLMENT }),
}).map((drawn) => ({
  terms: drawn.terms,
  state: {
    dueDate: drawn.dueDate, principalDue: drawn.principalDue, interestDue: drawn.interestDue,
    principalPaid: part(drawn.principalDue, drawn.principalPaid),
    interestPaid: part(drawn.interestDue, drawn.interestPaid),
    penaltyAccrued: drawn.penaltyAccrued,
    penaltyThrough: drawn.through === null ? null : addDays(drawn.dueDate, drawn.through),
  },
  charges: drawn.charges,
}));

function basisMinor(terms: Terms, state: State): bigint {
  const principal = state.principalDue - state.principalPaid;
  return terms.basis === 'overdue_principal' ? principal : principal + state.interestDue - state.interestPaid;
}

type Read = { penalty: bigint; through: CivilDate | null; remaining: bigint };

/** The three expressions for each (terms, state, date), in order, from one query. */
type Item = { terms: Terms; state: State; date: CivilDate };

async function readThrough(items: readonly Item[]): Promise<Read[]> {
  const rows = await db.query<{ penalty: bigint; through: string | null; remaining: bigint }>(`SELECT
      ${penaltyThroughSql('v.through')} AS penalty, ${penaltyThroughDateSql('v.through')} AS through,
      ${remainingThroughSql('v.through')} AS remaining
    FROM jsonb_to_recordset($1::jsonb) AS v(ord integer, through date, installment jsonb, product jsonb)
    CROSS JOIN LATERAL jsonb_populate_record(NULL::installment, v.installment) i
    CROSS JOIN LATERAL jsonb_populate_record(NULL::product, v.product) p
    ORDER BY v.ord`, [JSON.stringify(items.map(({ terms: productTerms, state, date }, ord) => ({
    ord, through: date,
    installment: {
      due_date: state.dueDate, penalty_through: state.penaltyThrough,
      principal_due_minor: `${state.principalDue}`, principal_paid_minor: `${state.principalPaid}`,
      interest_due_minor: `${state.interestDue}`, interest_paid_minor: `${state.interestPaid}`,
      penalty_accrued_minor: `${state.penaltyAccrued}`, fee_due_minor: '0', fee_paid_minor: '0',
      penalty_paid_minor: '0', remaining_minor: `${remainingMinor(state)}`,
    },
    product: {
      penalty_rate_ppm_per_day: productTerms.ratePpmPerDay, penalty_basis: productTerms.basis,
      grace_days: productTerms.graceDays,
    },
  })))]);
  return rows.map((row) => ({ penalty: row.penalty, through: row.through, remaining: row.remaining }));
}

/** The stored generated column's formula (migration 0001), for a row built without the table. */
function remainingMinor(state: State): bigint {
  return state.principalDue + state.interestDue + state.penaltyAccrued
    - state.principalPaid - state.interestPaid;
}

/** What the pure function says an installment holds once charged through `date`. */
function chargePure(terms: Terms, state: State, date: CivilDate): State {
  const accrual = accruePenalty({
    dueDate: state.dueDate, asOf: date, graceDays: terms.graceDays, penaltyThrough: state.penaltyThrough,
    basisMinor: basisMinor(terms, state), ratePpmPerDay: terms.ratePpmPerDay,
  });
  const penaltyAccrued = state.penaltyAccrued + accrual.penaltyMinor;
  return { ...state, penaltyAccrued, penaltyThrough: accrual.penaltyThrough };
}

/**
 * Charges every ledger through its successive dates, paying a share of what is due after each
 * charge (the moment the ledger charges), and checks SQL against the pure function at each step.
 * `compareThrough` says whether the charged-through date is compared as well as the amounts.
 */
async function checkCharges(ledgers: readonly Ledger[], compareThrough: boolean): Promise<void> {
  let states = ledgers.map((item) => item.state);
  let dates = ledgers.map((item) => item.state.dueDate);
  for (let step = 0; step < CHARGES_PER_INSTALLMENT; step += 1) {
    dates = dates.map((date, index) => {
      const { terms: productTerms, state, charges } = ledgers[index]!;
      const { gapDays, graceEdge } = charges[step]!;
      if (graceEdge === null) return addDays(date, gapDays);
      return addDays(state.dueDate, productTerms.graceDays + graceEdge);
    });
    const items: Item[] = ledgers.map(
      (item, index) => ({ terms: item.terms, state: states[index]!, date: dates[index]! }),
    );
    const read = await readThrough(items);
    const expected = items.map((item) => chargePure(item.terms, item.state, item.date));
    const context = (index: number) => `step ${step}: ${JSON.stringify(items[index], bigintText)}`;
    for (const [index, want] of expected.entries()) {
      assert.equal(read[index]!.penalty, want.penaltyAccrued, `penalty, ${context(index)}`);
      assert.equal(read[index]!.remaining, remainingMinor(want), `remaining, ${context(index)}`);
      if (compareThrough) {
        assert.equal(read[index]!.through, want.penaltyThrough, `through, ${context(index)}`);
      }
    }
    // Charged as the ledger charges: what SQL said is written back.
    const charged = states.map((state, index) => ({
      ...state, penaltyAccrued: read[index]!.penalty, penaltyThrough: read[index]!.through,
    }));
    const again = await readThrough(charged.map((state, index) => ({ ...items[index]!, state })));
    for (const [index, state] of charged.entries()) {
      assert.deepEqual(
        again[index],
        { penalty: state.penaltyAccrued, through: state.penaltyThrough, remaining: remainingMinor(state) },
        `a second read through the same date adds nothing, ${context(index)}`,
      );
    }
    states = charged.map((state, index) => pay(state, ledgers[index]!.charges[step]!));
  }
}

/** A payment after a charge: a share of what is left of each component. */
function pay(state: State, charge: Charge): State {
  const { principalDue, principalPaid, interestDue, interestPaid } = state;
  return {
    ...state,
    principalPaid: principalPaid + part(principalDue - principalPaid, charge.principalPaid),
    interestPaid: interestPaid + part(interestDue - interestPaid, charge.interestPaid),
  };
}

function bigintText(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

const batch = (rateMin: number) => fc.array(ledger(rateMin), {
  minLength: 1, maxLength: INSTALLMENTS_PER_BATCH_MAX,
});

test('penalty interest charged through a date is accruePenalty\'s, charge after charge', async (t) => {
  t.diagnostic(`seed ${SEED} (replay with FAIRCOLLECT_PROPERTY_SEED=${SEED})`);
  await fc.assert(fc.asyncProperty(batch(0), (ledgers) => checkCharges(ledgers, false)),
    { seed: SEED, numRuns: BATCHES });
});

test('at a positive rate, the charged-through date is accruePenalty\'s, charge after charge', async (t) => {
  t.diagnostic(`seed ${SEED} (replay with FAIRCOLLECT_PROPERTY_SEED=${SEED})`);
  await fc.assert(fc.asyncProperty(batch(1), (ledgers) => checkCharges(ledgers, true)),
    { seed: SEED, numRuns: BATCHES });
});

// At a rate of 0 nothing accrues, but the days past grace count as charged, in both.
test('at a rate of 0, the charged-through date is accruePenalty\'s', async () => {
  await checkCharges([{
    terms: { ratePpmPerDay: 0, basis: 'overdue_principal', graceDays: 0 },
    state: {
      dueDate: '2026-03-10', principalDue: 100n, interestDue: 0n, principalPaid: 0n, interestPaid: 0n,
      penaltyAccrued: 0n, penaltyThrough: null,
    },
    charges: [1, 0, 0, 0].map((gapDays) => ({ gapDays, graceEdge: null, principalPaid: 0, interestPaid: 0 })),
  }], true);
});

// The largest installment and rate an import accepts, 25 years past due (due dates may go back to
// CALENDAR_YEAR_MIN): basis × rate × days exceeds a bigint, which must not fail the cycle's
// statement for the whole portfolio.
test('at the import bounds, penalty interest over 25 years is accruePenalty\'s', async () => {
  await checkCharges([{
    terms: { ratePpmPerDay: RATE_BP_MAX, basis: 'overdue_principal', graceDays: 0 },
    state: {
      dueDate: '2000-01-01', principalDue: IMPORT_AMOUNT_MINOR_MAX, interestDue: 0n, principalPaid: 0n,
      interestPaid: 0n, penaltyAccrued: 0n, penaltyThrough: null,
    },
    charges: [9_224, 0, 0, 0].map(
      (gapDays) => ({ gapDays, graceEdge: null, principalPaid: 0, interestPaid: 0 }),
    ),
  }], false);
});
