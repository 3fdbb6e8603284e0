import { assert } from '../../stdx/assert.ts';
import { daysBetween, type CivilDate } from '../../stdx/civil-date.ts';

/**
 * Days past due (R1), counted from the oldest unpaid installment and net of the product's grace
 * days: a bill due on the 10th with 3 grace days is 0 DPD on the 13th and 1 DPD on the 14th.
 * Grace is what the borrower was promised (S1: "3 days' grace"), so an account inside it is
 * current: not bucketed, not frozen, not in collection.
 *
 * The SQL of the daily cycle computes the same number set-based; the cycle's database tests check
 * that both agree.
 */
export function daysPastDue(oldestUnpaidDue: CivilDate | null, asOf: CivilDate, graceDays: number): number {
  assert(Number.isInteger(graceDays) && graceDays >= 0, 'grace days are a non-negative integer');
  if (oldestUnpaidDue === null) return 0;
  return Math.max(0, daysBetween(oldestUnpaidDue, asOf) - graceDays);
}
