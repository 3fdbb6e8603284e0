import type { Db } from '../../db/database.ts';
import type { StrategyDocument } from '../../policy/strategy/strategy-document.ts';
import type { CivilDate } from '../../stdx/civil-date.ts';
import { countRows } from './count-rows.ts';
import { bucketCaseSql } from './bucket-sql.ts';

/**
 * DPD, bucket and overdue components for every account in one statement (R1).
 *
 * - An installment is past due from the day after its due date while anything on it is unpaid;
 *   its unpaid components count as overdue.
 * - DPD is counted from the oldest unpaid due date, net of the product's grace days
 *   (domain/delinquency/days-past-due.ts).
 * - Paid installments are already settled first, and penalties accrued, by the earlier steps.
 * - Only rows whose figures change are written; the old figures move to prev_* the first time a row
 *   changes on a date, so a rerun of the date is a no-op and roll rates come from one row.
 */
export async function recomputeDelinquency(
  tx: Db, asOf: CivilDate, strategy: StrategyDocument,
): Promise<{ changed: number }> {
  const dpd = `CASE WHEN s.oldest_unpaid_due IS NULL THEN 0
    ELSE greatest(0, $1::date - s.oldest_unpaid_due - p.grace_days) END`;
  const changed = await countRows(tx, `INSERT INTO delinquency AS d (account_id, borrower_id, dpd, bucket,
      oldest_unpaid_due, overdue_principal_minor, overdue_interest_minor, overdue_penalty_minor,
      overdue_fee_minor, outstanding_minor, changed_on)
    SELECT a.id, a.borrower_id, x.dpd, ${bucketCaseSql(strategy.buckets, 'x.dpd')},
      s.oldest_unpaid_due,
      coalesce(s.principal, 0), coalesce(s.interest, 0), coalesce(s.penalty, 0), coalesce(s.fee, 0),
      coalesce(s.outstanding, 0), $1::date
    FROM account a JOIN product p ON p.id = a.product_id
    LEFT JOIN (
      SELECT account_id,
        min(due_date) FILTER (WHERE due_date < $1::date) AS oldest_unpaid_due,
        sum(principal_due_minor - principal_paid_minor)
          FILTER (WHERE due_date < $1::date)::bigint AS principal,
        sum(interest_due_minor - interest_paid_minor)
          FILTER (WHERE due_date < $1::date)::bigint AS interest,
        sum(penalty_accrued_minor - penalty_paid_minor)
          FILTER (WHERE due_date < $1::date)::bigint AS penalty,
        sum(fee_due_minor - fee_paid_minor) FILTER (WHERE due_date < $1::date)::bigint AS fee,
        sum(remaining_minor)::bigint AS outstanding
      FROM installment WHERE remaining_minor > 0 GROUP BY account_id
    ) s ON s.account_id = a.id
    CROSS JOIN LATERAL (SELECT ${dpd} AS dpd) x
    ON CONFLICT (account_id) DO UPDATE SET
      dpd = excluded.dpd, bucket = excluded.bucket, oldest_unpaid_due = excluded.oldest_unpaid_due,
      overdue_principal_minor = excluded.overdue_principal_minor,
      overdue_interest_minor = excluded.overdue_interest_minor,
      overdue_penalty_minor = excluded.overdue_penalty_minor, overdue_fee_minor = excluded.overdue_fee_minor,
      outstanding_minor = excluded.outstanding_minor,
      prev_dpd = CASE WHEN d.changed_on = excluded.changed_on THEN d.prev_dpd ELSE d.dpd END,
      prev_bucket = CASE WHEN d.changed_on = excluded.changed_on THEN d.prev_bucket ELSE d.bucket END,
      changed_on = excluded.changed_on
    WHERE (d.dpd, d.bucket, d.oldest_unpaid_due, d.overdue_principal_minor, d.overdue_interest_minor,
        d.overdue_penalty_minor, d.overdue_fee_minor, d.outstanding_minor)
      IS DISTINCT FROM (excluded.dpd, excluded.bucket, excluded.oldest_unpaid_due,
        excluded.overdue_principal_minor, excluded.overdue_interest_minor, excluded.overdue_penalty_minor,
        excluded.overdue_fee_minor, excluded.outstanding_minor)
    RETURNING 1`, [asOf]);
  return { changed };
}
