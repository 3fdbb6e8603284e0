import type { Db } from '../../db/database.ts';
import type { CivilDate } from '../../stdx/civil-date.ts';
import { countRows } from './count-rows.ts';

/**
 * Late fees and penalty interest for the whole portfolio in two set-based statements. The
 * formulas are those of domain/delinquency/accrue-penalty.ts (the reference the tests compare
 * against): nothing inside grace; past grace, every day since the due date not yet charged
 * (`penalty_through`), rounded half up per run.
 */
const BASIS = `(CASE p.penalty_basis
  WHEN 'overdue_principal' THEN i.principal_due_minor - i.principal_paid_minor
  ELSE i.principal_due_minor - i.principal_paid_minor + i.interest_due_minor - i.interest_paid_minor END)`;
/** The last day already charged; before any charge, the due date itself. */
const CHARGED_THROUGH = 'greatest(coalesce(i.penalty_through, i.due_date), i.due_date)';

export async function accrueCharges(
  tx: Db, asOf: CivilDate,
): Promise<{ lateFees: number; penalties: number }> {
  const lateFees = await countRows(tx, `UPDATE installment i
    SET fee_due_minor = i.fee_due_minor + p.late_fee_minor, late_fee_charged = true
    FROM account a JOIN product p ON p.id = a.product_id
    WHERE a.id = i.account_id AND i.remaining_minor > 0 AND NOT i.late_fee_charged
      AND p.late_fee_minor > 0 AND i.due_date < $1::date - p.grace_days
    RETURNING 1`, [asOf]);
  const penalties = await countRows(tx, `UPDATE installment i
    SET penalty_accrued_minor = i.penalty_accrued_minor
        + (${BASIS} * p.penalty_rate_ppm_per_day * ($1::date - ${CHARGED_THROUGH}) + 500000) / 1000000,
      penalty_through = $1::date
    FROM account a JOIN product p ON p.id = a.product_id
    WHERE a.id = i.account_id AND i.remaining_minor > 0 AND p.penalty_rate_ppm_per_day > 0
      AND i.due_date < $1::date - p.grace_days AND ${CHARGED_THROUGH} < $1::date AND ${BASIS} > 0
    RETURNING 1`, [asOf]);
  return { lateFees, penalties };
}
