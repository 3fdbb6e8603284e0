import type { Db } from '../../db/database.ts';
import type { CivilDate } from '../../stdx/civil-date.ts';
import { countRows } from './count-rows.ts';

/**
 * R4: a credit line is frozen once it is past due beyond grace (DPD > 0) and unfrozen when it is
 * cured (DPD back to 0). Only freezes this rule made are lifted by it; a line frozen for another
 * reason stays frozen.
 *
 * Both happen when DPD crosses zero, which changes the account's delinquency row on the date
 * (`changed_on`, with the DPD before in `prev_dpd`; a new row has none): only those rows are read,
 * not every delinquent account each day.
 */
export async function updateAccountStatus(
  tx: Db, asOf: CivilDate,
): Promise<{ frozen: number; unfrozen: number }> {
  const frozen = await countRows(tx, `UPDATE account a
    SET status = 'frozen', frozen_reason = 'overdue', frozen_on = $1
    FROM delinquency d WHERE d.account_id = a.id AND d.changed_on = $1 AND d.dpd > 0
      AND coalesce(d.prev_dpd, 0) = 0 AND a.status = 'active'
    RETURNING 1`, [asOf]);
  const unfrozen = await countRows(tx, `UPDATE account a
    SET status = 'active', frozen_reason = NULL, frozen_on = NULL
    FROM delinquency d WHERE d.account_id = a.id AND d.changed_on = $1 AND d.dpd = 0
      AND d.prev_dpd > 0 AND a.status = 'frozen' AND a.frozen_reason = 'overdue'
    RETURNING 1`, [asOf]);
  return { frozen, unfrozen };
}
