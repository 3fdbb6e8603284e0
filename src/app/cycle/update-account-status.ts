import type { Db } from '../../db/database.ts';
import type { Row } from '../../db/schema.ts';
import type { CivilDate } from '../../stdx/civil-date.ts';

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
  // Both in one statement, so the day's figures are read once.
  const rows = await tx.query<Pick<Row<'account'>, 'status'>>(`UPDATE account a
    SET status = CASE WHEN d.dpd > 0 THEN 'frozen' ELSE 'active' END,
      frozen_reason = CASE WHEN d.dpd > 0 THEN 'overdue' END,
      frozen_on = CASE WHEN d.dpd > 0 THEN $1::date END
    FROM delinquency d WHERE d.account_id = a.id AND d.changed_on = $1
      AND ((d.dpd > 0 AND coalesce(d.prev_dpd, 0) = 0 AND a.status = 'active')
        OR (d.dpd = 0 AND d.prev_dpd > 0 AND a.status = 'frozen' AND a.frozen_reason = 'overdue'))
    RETURNING a.status`, [asOf]);
  const frozen = rows.filter((row) => row.status === 'frozen').length;
  const unfrozen = rows.length - frozen;
  return { frozen, unfrozen };
}
