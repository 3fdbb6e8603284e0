import type { Db } from '../../db/database.ts';
import type { CivilDate } from '../../stdx/civil-date.ts';
import { countRows } from './count-rows.ts';

/**
 * Late fees for the whole portfolio in one set-based statement: nothing inside grace; past grace, a
 * late fee once per installment still unpaid (domain/delinquency/accrue-penalty.ts states the
 * rules). Penalty interest is not written here: it is computed when read, from the charge stored on
 * the installment and the days since (penalty-sql.ts), and this step's date is the day through
 * which it counts for the payments of the next cycle date.
 */
export async function accrueCharges(tx: Db, asOf: CivilDate): Promise<{ charged: number }> {
  const charged = await countRows(tx, `UPDATE installment i
    SET fee_due_minor = i.fee_due_minor + p.late_fee_minor, late_fee_charged = true
    FROM account a JOIN product p ON p.id = a.product_id
    WHERE a.id = i.account_id AND NOT i.late_fee_charged AND p.late_fee_minor > 0
      AND i.remaining_minor > 0 AND i.due_date < $1::date - p.grace_days
    RETURNING 1`, [asOf]);
  return { charged };
}
