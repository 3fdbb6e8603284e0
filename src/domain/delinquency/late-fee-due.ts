import { assert } from '../../stdx/assert.ts';
import { daysBetween, type CivilDate } from '../../stdx/civil-date.ts';
import type { Minor } from '../../stdx/money.ts';

/**
 * The late fee (R4) on one open installment by `asOf`: charged once, for the first day the
 * installment is past grace with anything unpaid; nothing if it was charged already. Like penalty
 * interest it is written to the ledger only when a payment is allocated (app/cycle/allocate-batch.ts)
 * and read by the cycle with the same rule in SQL (app/cycle/pending-charges-sql.ts), so whether
 * the cycle ran on the day it fell due makes no difference.
 */
export function lateFeeDue(options: {
  dueDate: CivilDate;
  asOf: CivilDate;
  graceDays: number;
  lateFeeMinor: Minor;
  charged: boolean;
}): Minor {
  const { dueDate, asOf, graceDays, lateFeeMinor, charged } = options;
  assert(lateFeeMinor >= 0n, 'a late fee is non-negative');
  if (charged) return 0n;
  return daysBetween(dueDate, asOf) > graceDays ? lateFeeMinor : 0n;
}
