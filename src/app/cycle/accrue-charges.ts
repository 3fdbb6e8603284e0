import type { Db } from '../../db/database.ts';
import type { CivilDate } from '../../stdx/civil-date.ts';
import { countRows } from './count-rows.ts';

/**
 * Late fees for the whole portfolio in one set-based statement: nothing inside grace; past grace, a
 * late fee once per installment still unpaid (domain/delinquency/accrue-penalty.ts states the
 * rules). Penalty interest is not written here: it is computed when read, from the charge stored on
 * the installment and the days since (penalty-sql.ts), and this step's date is the day through
 * which it counts for the payments of the next cycle date.
 *
 * Only the installments that can owe a fee since the last date this step ran are read, not every
 * installment: those whose grace ended since (by due date, migration 0010's index), and those of
 * accounts whose installments changed since (marked: ledger-change-sql.ts). Any other unpaid
 * installment past grace had its fee charged when its grace ended. A change to a product's late fee
 * applies to installments whose grace ends after it, not to those already past grace.
 */
export async function accrueCharges(tx: Db, asOf: CivilDate): Promise<{ charged: number }> {
  // The due dates whose grace can have ended since the last run, over every product that charges a
  // fee, as constants: the planner then knows how few installments that is.
  const [window] = await tx.query<{ since: string | null; until: string | null }>(`SELECT
      (SELECT max(as_of) FROM cycle_step WHERE step = 'accrue_charges' AND as_of < $1::date)
        - max(grace_days) AS since,
      $1::date - min(grace_days) AS until
    FROM product WHERE late_fee_minor > 0`, [asOf]);
  if (window?.until == null) return { charged: 0 };
  // One read of the installments, by due date or by marked account (a bitmap of both indexes). A
  // fee falls due on each that is unpaid past its own product's grace and not yet charged. On the
  // first run every installment is in the window, and the marks (every account) add nothing.
  const marked = window.since === null
    ? '' : 'OR i.account_id = ANY (ARRAY(SELECT account_id FROM ledger_change))';
  const charged = await countRows(tx, `UPDATE installment i
    SET fee_due_minor = i.fee_due_minor + p.late_fee_minor, late_fee_charged = true
    FROM product p
    WHERE ((i.due_date >= $2::date AND i.due_date < $3::date) ${marked})
      AND i.due_date < $3::date AND p.late_fee_minor > 0
      AND p.id = (SELECT a.product_id FROM account a WHERE a.id = i.account_id)
      AND NOT i.late_fee_charged AND i.remaining_minor > 0 AND i.due_date < $1::date - p.grace_days
    RETURNING 1`, [asOf, window.since ?? '-infinity', window.until]);
  return { charged };
}
