import type { Db } from '../../db/database.ts';
import type { CivilDate } from '../../stdx/civil-date.ts';

/**
 * Late fees and penalty interest for the whole portfolio in one set-based statement. The
 * formulas are those of domain/delinquency/accrue-penalty.ts (the reference the tests compare
 * against): nothing inside grace; past grace, a late fee once per installment, and penalty interest
 * for every day since the due date not yet charged (`penalty_through`), rounded half up per run.
 *
 * One statement, not one per charge: each is a scan of every installment, and the fee's basis and
 * the penalty's never depend on each other (the penalty is charged on principal, or on principal
 * and interest, never on fees).
 */
const BASIS = `(CASE p.penalty_basis
  WHEN 'overdue_principal' THEN i.principal_due_minor - i.principal_paid_minor
  ELSE i.principal_due_minor - i.principal_paid_minor + i.interest_due_minor - i.interest_paid_minor END)`;
/** The last day already charged; before any charge, the due date itself. */
const CHARGED_THROUGH = 'greatest(coalesce(i.penalty_through, i.due_date), i.due_date)';
const LATE_FEE_DUE = '(NOT i.late_fee_charged AND p.late_fee_minor > 0)';
const PENALTY_DUE = `(p.penalty_rate_ppm_per_day > 0 AND ${CHARGED_THROUGH} < $1::date AND ${BASIS} > 0)`;

export async function accrueCharges(
  tx: Db, asOf: CivilDate,
): Promise<{ charged: number; penalised: number }> {
  // RETURNING sees the new row only, so a penalty charged today shows as penalty_through = today
  // (an installment already charged through today is never selected for a penalty again).
  const [counts] = await tx.query<{ charged: number; penalised: number }>(`WITH charged AS (
      UPDATE installment i SET
        fee_due_minor = i.fee_due_minor + CASE WHEN ${LATE_FEE_DUE} THEN p.late_fee_minor ELSE 0 END,
        late_fee_charged = i.late_fee_charged OR ${LATE_FEE_DUE},
        penalty_accrued_minor = i.penalty_accrued_minor + CASE WHEN ${PENALTY_DUE}
          THEN (${BASIS} * p.penalty_rate_ppm_per_day * ($1::date - ${CHARGED_THROUGH}) + 500000) / 1000000
          ELSE 0 END,
        penalty_through = CASE WHEN ${PENALTY_DUE} THEN $1::date ELSE i.penalty_through END
      FROM account a JOIN product p ON p.id = a.product_id
      WHERE a.id = i.account_id AND i.remaining_minor > 0 AND i.due_date < $1::date - p.grace_days
        AND (${LATE_FEE_DUE} OR ${PENALTY_DUE})
      RETURNING i.penalty_through)
    SELECT count(*)::int AS charged, count(*) FILTER (WHERE penalty_through = $1::date)::int AS penalised
    FROM charged`, [asOf]);
  return { charged: counts?.charged ?? 0, penalised: counts?.penalised ?? 0 };
}
