import { assert } from '../../stdx/assert.ts';
import { daysBetween, maxCivil, type CivilDate } from '../../stdx/civil-date.ts';
import type { Minor } from '../../stdx/money.ts';

/**
 * Penalty interest (罚息, R4) accrued on one installment since its last charge.
 *
 * - It accrues for each calendar day the installment is unpaid after its due date, on the basis
 *   the product declares (overdue principal, or principal plus interest), at a rate in parts per
 *   million per day.
 * - Inside the grace days nothing accrues; once the installment goes past grace, the days since
 *   the due date are charged (grace forgives lateness only when the borrower pays within it).
 * - `penaltyThrough` records the last day already charged, so asking again for the same date adds
 *   nothing, and one charge covers every day since.
 * - Each charge rounds half up to the minor unit. The ledger charges when the basis is about to
 *   change (a payment or credit allocated to the installment) and otherwise computes the charge
 *   when read, with the same formula in SQL (app/cycle/penalty-sql.ts): so the figures do not
 *   depend on how often the cycle runs.
 */
export type PenaltyAccrual = { penaltyMinor: Minor; days: number; penaltyThrough: CivilDate | null };

export const PPM = 1_000_000n;

export function accruePenalty(options: {
  dueDate: CivilDate;
  asOf: CivilDate;
  graceDays: number;
  penaltyThrough: CivilDate | null;
  basisMinor: Minor;
  ratePpmPerDay: number;
}): PenaltyAccrual {
  const { dueDate, asOf, graceDays, penaltyThrough, basisMinor, ratePpmPerDay } = options;
  assert(basisMinor >= 0n && ratePpmPerDay >= 0, 'basis and rate are non-negative');
  const daysLate = daysBetween(dueDate, asOf);
  if (daysLate <= graceDays || basisMinor === 0n) return { penaltyMinor: 0n, days: 0, penaltyThrough };
  const from = penaltyThrough === null ? dueDate : maxCivil(penaltyThrough, dueDate);
  const days = Math.max(0, daysBetween(from, asOf));
  const penaltyMinor = (basisMinor * BigInt(ratePpmPerDay) * BigInt(days) + PPM / 2n) / PPM;
  return { penaltyMinor, days, penaltyThrough: days > 0 ? asOf : penaltyThrough };
}
