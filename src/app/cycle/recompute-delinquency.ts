import type { Db } from '../../db/database.ts';
import type { StrategyDocument } from '../../policy/strategy/strategy-document.ts';
import type { CivilDate } from '../../stdx/civil-date.ts';
import { bucketCaseSql } from './bucket-sql.ts';
import { countRows } from './count-rows.ts';
import { FIGURE_COLUMNS, recomputeScopeSql } from './ledger-change-sql.ts';
import { penaltyThroughSql, remainingThroughSql } from './penalty-sql.ts';

const PAST_DUE = 'FILTER (WHERE i.due_date < $1::date)';
/**
 * Per account in scope, what is unpaid and past due on `$1`, by component, and everything
 * outstanding; penalty interest counted through `$1` (penalty-sql.ts).
 */
const UNPAID_BY_ACCOUNT = `SELECT i.account_id,
    min(i.due_date) ${PAST_DUE} AS oldest_unpaid_due,
    min(i.due_date) FILTER (WHERE i.due_date >= $1::date) AS next_unpaid_due,
    sum(i.principal_due_minor - i.principal_paid_minor) ${PAST_DUE}::bigint AS principal,
    sum(i.interest_due_minor - i.interest_paid_minor) ${PAST_DUE}::bigint AS interest,
    sum(${penaltyThroughSql('$1::date')} - i.penalty_paid_minor) ${PAST_DUE}::bigint AS penalty,
    sum(i.fee_due_minor - i.fee_paid_minor) ${PAST_DUE}::bigint AS fee,
    sum(${remainingThroughSql('$1::date')})::bigint AS outstanding
  FROM recompute_scope r JOIN installment i ON i.account_id = r.account_id
  JOIN product p ON p.id = r.product_id
  WHERE i.remaining_minor > 0 GROUP BY i.account_id`;

/**
 * DPD, bucket and overdue components for every account, set-based: a fixed number of statements
 * whatever the size of the portfolio (R1). Only the accounts whose figures can have changed are
 * read (recomputeScopeSql): on a day, mostly those with something past due.
 *
 * - An installment is past due from the day after its due date while anything on it is unpaid;
 *   its unpaid components count as overdue.
 * - DPD is counted from the oldest unpaid due date, net of the product's grace days
 *   (domain/delinquency/days-past-due.ts).
 * - Paid installments are already settled, and late fees charged, by the earlier steps.
 * - Only rows whose figures change are written; the old figures move to prev_* the first time a row
 *   changes on a date, so a rerun of the date is a no-op and roll rates come from one row.
 */
export async function recomputeDelinquency(
  tx: Db, asOf: CivilDate, strategy: StrategyDocument,
): Promise<{ changed: number }> {
  const dpd = `CASE WHEN s.oldest_unpaid_due IS NULL THEN 0
    ELSE greatest(0, $1::date - s.oldest_unpaid_due - p.grace_days) END`;
  // Accounts out of scope keep their figures, unless the strategy's buckets changed under them.
  // The scope goes to a table of its own (unlogged: scratch, emptied by every recompute, which
  // TRUNCATE also serialises), not a temporary one, so the server may read the installments in
  // parallel against it; it is analysed, as its size and so the best plan differ between the first
  // cycle (every account) and a later day (the delinquent share of the portfolio).
  await tx.exec('TRUNCATE recompute_scope');
  await tx.query(`INSERT INTO recompute_scope
    ${recomputeScopeSql(`d.bucket IS DISTINCT FROM (${bucketCaseSql(strategy.buckets, 'd.dpd')})`)}`, [asOf]);
  await tx.exec('ANALYZE recompute_scope (account_id, product_id)');
  // The fresh figures of the rows that are new or changed go to a scratch table first, then one
  // UPDATE and one INSERT write them. Not a single statement with data-modifying CTEs, nor
  // INSERT … ON CONFLICT: the latter locks (and so dirties) every existing row before its WHERE can
  // skip it, though many accounts in scope do not change on a day.
  // The fresh figures carry the same names as the stored ones (FIGURE_COLUMNS), so comparing and
  // writing them is a list, not three hand-kept ones.
  const figures = FIGURE_COLUMNS.join(', ');
  await tx.query(`CREATE TEMP TABLE fresh_delinquency ON COMMIT DROP AS
    SELECT f.* FROM (
      SELECT r.account_id, r.borrower_id, r.product_id, NOT r.has_figures AS is_new, x.dpd,
        ${bucketCaseSql(strategy.buckets, 'x.dpd')} AS bucket,
        s.oldest_unpaid_due, s.next_unpaid_due,
        coalesce(s.principal, 0) AS overdue_principal_minor,
        coalesce(s.interest, 0) AS overdue_interest_minor,
        coalesce(s.penalty, 0) AS overdue_penalty_minor, coalesce(s.fee, 0) AS overdue_fee_minor,
        coalesce(s.outstanding, 0) AS outstanding_minor,
        ${FIGURE_COLUMNS.map((column) => `r.old_${column}`).join(', ')}
      FROM recompute_scope r JOIN product p ON p.id = r.product_id
      LEFT JOIN (${UNPAID_BY_ACCOUNT}) s ON s.account_id = r.account_id
      CROSS JOIN LATERAL (SELECT ${dpd} AS dpd) x
    ) f
    WHERE f.is_new OR (${FIGURE_COLUMNS.map((column) => `f.old_${column}`).join(', ')})
      IS DISTINCT FROM (${FIGURE_COLUMNS.map((column) => `f.${column}`).join(', ')})`, [asOf]);
  const updated = await countRows(tx, `UPDATE delinquency d SET
      ${FIGURE_COLUMNS.map((column) => `${column} = f.${column}`).join(', ')},
      prev_dpd = CASE WHEN d.changed_on = $1::date THEN d.prev_dpd ELSE d.dpd END,
      prev_bucket = CASE WHEN d.changed_on = $1::date THEN d.prev_bucket ELSE d.bucket END,
      changed_on = $1::date
    FROM fresh_delinquency f WHERE NOT f.is_new AND d.account_id = f.account_id
    RETURNING 1`, [asOf]);
  const inserted = await countRows(tx, `INSERT INTO delinquency (account_id, borrower_id, ${figures},
      changed_on)
    SELECT account_id, borrower_id, ${figures}, $1::date FROM fresh_delinquency WHERE is_new
    RETURNING 1`, [asOf]);
  // The marks read are done with; a mark renewed meanwhile stays for the next recompute.
  await tx.query(`DELETE FROM ledger_change l USING recompute_scope r
    WHERE l.account_id = r.account_id AND l.marked = r.marked`);
  await tx.exec('TRUNCATE recompute_scope');
  return { changed: updated + inserted };
}
