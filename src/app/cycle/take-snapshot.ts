import type { Db } from '../../db/database.ts';
import type { CivilDate } from '../../stdx/civil-date.ts';

/**
 * The day's portfolio picture for dashboards (R22): accounts and amounts per bucket and currency,
 * and roll counts from each account's previous bucket to today's. Rewritten whole for the date,
 * so a rerun replaces rather than adds.
 */
export async function takeSnapshot(
  tx: Db, asOf: CivilDate,
): Promise<{ buckets: number; rolls: number }> {
  await tx.query('DELETE FROM snapshot_bucket WHERE as_of = $1', [asOf]);
  await tx.query('DELETE FROM snapshot_roll WHERE as_of = $1', [asOf]);
  // Summed by product first and then by its currency: the product of each of a million rows need
  // not be looked up, only that of each group.
  const buckets = await tx.query(`INSERT INTO snapshot_bucket (as_of, currency, bucket, accounts,
      overdue_minor, outstanding_minor)
    SELECT $1, p.currency, b.bucket, sum(b.accounts), sum(b.overdue), sum(b.outstanding)
    FROM (SELECT d.product_id, d.bucket, count(*) AS accounts,
        sum(d.overdue_principal_minor + d.overdue_interest_minor + d.overdue_penalty_minor
          + d.overdue_fee_minor) AS overdue,
        sum(d.outstanding_minor) AS outstanding
      FROM delinquency d GROUP BY d.product_id, d.bucket) b
    JOIN product p ON p.id = b.product_id
    GROUP BY p.currency, b.bucket RETURNING 1`, [asOf]);
  const rolls = await tx.query(`INSERT INTO snapshot_roll (as_of, from_bucket, to_bucket, accounts)
    SELECT $1, CASE WHEN d.changed_on = $1 THEN d.prev_bucket ELSE d.bucket END, d.bucket, count(*)
    FROM delinquency d WHERE NOT (d.changed_on = $1 AND d.prev_bucket IS NULL)
    GROUP BY 2, 3 RETURNING 1`, [asOf]);
  return { buckets: buckets.length, rolls: rolls.length };
}
