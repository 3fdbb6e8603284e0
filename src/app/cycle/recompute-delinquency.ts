import type { Db } from '../../db/database.ts';
import type { StrategyDocument } from '../../policy/strategy/strategy-document.ts';
import type { CivilDate } from '../../stdx/civil-date.ts';
import { bucketCaseSql } from './bucket-sql.ts';
import { countRows } from './count-rows.ts';

/** Per account, what is unpaid and past due on `$1`, by component, and everything outstanding. */
const UNPAID_BY_ACCOUNT = `SELECT account_id,
    min(due_date) FILTER (WHERE due_date < $1::date) AS oldest_unpaid_due,
    sum(principal_due_minor - principal_paid_minor) FILTER (WHERE due_date < $1::date)::bigint AS principal,
    sum(interest_due_minor - interest_paid_minor) FILTER (WHERE due_date < $1::date)::bigint AS interest,
    sum(penalty_accrued_minor - penalty_paid_minor) FILTER (WHERE due_date < $1::date)::bigint AS penalty,
    sum(fee_due_minor - fee_paid_minor) FILTER (WHERE due_date < $1::date)::bigint AS fee,
    sum(remaining_minor)::bigint AS outstanding
  FROM installment WHERE remaining_minor > 0 GROUP BY account_id`;

/**
 * DPD, bucket and overdue components for every account, set-based: three statements whatever the
 * size of the portfolio (R1).
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
  // The fresh figures of the rows that are new or changed go to a scratch table first, then one
  // UPDATE and one INSERT write them. Not a single statement with data-modifying CTEs: PostgreSQL
  // never runs such a statement in parallel, and aggregating every unpaid installment is the
  // cycle's largest read. Not INSERT … ON CONFLICT either: it locks (and so dirties) every
  // existing row before its WHERE can skip it, though most accounts do not change on a day.
  await tx.query(`CREATE TEMP TABLE fresh_delinquency ON COMMIT DROP AS
    SELECT f.*, d.account_id IS NULL AS is_new FROM (
      SELECT a.id AS account_id, a.borrower_id, x.dpd, ${bucketCaseSql(strategy.buckets, 'x.dpd')} AS bucket,
        s.oldest_unpaid_due,
        coalesce(s.principal, 0) AS principal, coalesce(s.interest, 0) AS interest,
        coalesce(s.penalty, 0) AS penalty, coalesce(s.fee, 0) AS fee,
        coalesce(s.outstanding, 0) AS outstanding
      FROM account a JOIN product p ON p.id = a.product_id
      LEFT JOIN (${UNPAID_BY_ACCOUNT}) s ON s.account_id = a.id
      CROSS JOIN LATERAL (SELECT ${dpd} AS dpd) x
    ) f LEFT JOIN delinquency d ON d.account_id = f.account_id
    WHERE d.account_id IS NULL
      OR (d.dpd, d.bucket, d.oldest_unpaid_due, d.overdue_principal_minor, d.overdue_interest_minor,
        d.overdue_penalty_minor, d.overdue_fee_minor, d.outstanding_minor)
      IS DISTINCT FROM (f.dpd, f.bucket, f.oldest_unpaid_due, f.principal, f.interest, f.penalty, f.fee,
        f.outstanding)`, [asOf]);
  const updated = await countRows(tx, `UPDATE delinquency d SET
      dpd = f.dpd, bucket = f.bucket, oldest_unpaid_due = f.oldest_unpaid_due,
      overdue_principal_minor = f.principal, overdue_interest_minor = f.interest,
      overdue_penalty_minor = f.penalty, overdue_fee_minor = f.fee, outstanding_minor = f.outstanding,
      prev_dpd = CASE WHEN d.changed_on = $1::date THEN d.prev_dpd ELSE d.dpd END,
      prev_bucket = CASE WHEN d.changed_on = $1::date THEN d.prev_bucket ELSE d.bucket END,
      changed_on = $1::date
    FROM fresh_delinquency f WHERE NOT f.is_new AND d.account_id = f.account_id
    RETURNING 1`, [asOf]);
  const inserted = await countRows(tx, `INSERT INTO delinquency (account_id, borrower_id, dpd, bucket,
      oldest_unpaid_due, overdue_principal_minor, overdue_interest_minor, overdue_penalty_minor,
      overdue_fee_minor, outstanding_minor, changed_on)
    SELECT account_id, borrower_id, dpd, bucket, oldest_unpaid_due, principal, interest, penalty, fee,
      outstanding, $1::date
    FROM fresh_delinquency WHERE is_new
    RETURNING 1`, [asOf]);
  return { changed: updated + inserted };
}
