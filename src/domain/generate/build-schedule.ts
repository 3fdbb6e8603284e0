import { assert } from '../../stdx/assert.ts';
import { mulDivRound, type Minor } from '../../stdx/money.ts';

/**
 * The repayment schedule of a loan in equal monthly periods, by one of the two methods Chinese
 * and US lenders offer:
 *
 * - equal principal (等额本金): the principal in equal parts (the rounding remainder on the last
 *   instalment) plus interest on the balance still owed, so instalments shrink over time;
 * - annuity (等额本息): the same total each month, computed exactly in integers from
 *   P·r·(1+r)^n / ((1+r)^n − 1), its interest part on the balance and the rest principal; the last
 *   instalment takes whatever principal is left, so the schedule always repays P exactly.
 *
 * Interest per period is the annual rate over twelve, rounded half to even to the minor unit.
 */
export const SCHEDULE_METHODS = ['equal_principal', 'annuity'] as const;
export type ScheduleMethod = (typeof SCHEDULE_METHODS)[number];

export type ScheduleLine = { principalMinor: Minor; interestMinor: Minor };

/** Basis points a year over twelve months: the denominator of a monthly rate in bp. */
const BP_MONTHS = 120_000n;

/** Annuity factors per (rate, terms): one pair of bigint powers each, reused by every loan. */
const annuityFactors = new Map<string, { numerator: bigint; denominator: bigint }>();

function annuityFactor(rateBp: number, terms: number): { numerator: bigint; denominator: bigint } {
  const key = `${rateBp}:${terms}`;
  let factor = annuityFactors.get(key);
  if (factor === undefined) {
    const grown = (BP_MONTHS + BigInt(rateBp)) ** BigInt(terms);
    const base = BP_MONTHS ** BigInt(terms);
    factor = { numerator: BigInt(rateBp) * grown, denominator: BP_MONTHS * (grown - base) };
    annuityFactors.set(key, factor);
  }
  return factor;
}

export function buildSchedule(loan: {
  principalMinor: Minor; terms: number; rateBp: number; method: ScheduleMethod;
}): ScheduleLine[] {
  const { principalMinor, terms, rateBp, method } = loan;
  assert(principalMinor > 0n && Number.isInteger(terms) && terms >= 1, 'a loan has principal and terms');
  assert(Number.isInteger(rateBp) && rateBp >= 0, 'the rate is whole basis points');
  const rate = BigInt(rateBp);
  const annuity = method === 'annuity' && rateBp > 0;
  const factor = annuity ? annuityFactor(rateBp, terms) : null;
  const instalment = factor === null ? 0n : mulDivRound(principalMinor, factor.numerator, factor.denominator);
  const equalPart = principalMinor / BigInt(terms);
  const lines: ScheduleLine[] = [];
  let balance = principalMinor;
  for (let term = 1; term <= terms; term += 1) {
    const interestMinor = mulDivRound(balance, rate, BP_MONTHS);
    const regular = annuity ? instalment - interestMinor : equalPart;
    const principal = term === terms ? balance : regular < balance ? regular : balance;
    lines.push({ principalMinor: principal, interestMinor });
    balance -= principal;
  }
  assert(balance === 0n, 'the schedule repays the whole principal');
  return lines;
}
