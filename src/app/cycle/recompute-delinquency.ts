import type { Db } from '../../db/database.ts';
import { columnsOf, FIGURE_COLUMNS, oldFigure, type FigureColumn } from '../../db/schema.ts';
import type { StrategyDocument } from '../../policy/strategy/strategy-document.ts';
import type { CivilDate } from '../../stdx/civil-date.ts';
import { bucketCaseSql } from './bucket-sql.ts';
import { countRows } from './count-rows.ts';
import { recomputeScopeSql } from './ledger-change-sql.ts';
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
 * Each figure as the recompute computes it, from the account in scope (`r`), its unpaid amounts
 * (`s`) and its DPD (`x`), named as stored; `bucket` is the strategy's bucket of `x.dpd`. A figure
 * added to schema.ts and not here fails the type check.
 */
function freshFiguresSql(bucket: string): string {
  const figures: Readonly<Record<FigureColumn, string>> = {
    product_id: 'r.product_id', dpd: 'x.dpd', bucket,
    oldest_unpaid_due: 's.oldest_unpaid_due', next_unpaid_due: 's.next_unpaid_due',
    overdue_principal_minor: 'coalesce(s.principal, 0)', overdue_interest_minor: 'coalesce(s.interest, 0)',
    overdue_penalty_minor: 'coalesce(s.penalty, 0)', overdue_fee_minor: 'coalesce(s.fee, 0)',
    outstanding_minor: 'coalesce(s.outstanding, 0)',
  };
  return FIGURE_COLUMNS.map((column) => `${figures[column]} AS ${column}`).join(', ');
}

// The lists of figures, built once: the stored ones, the last ones beside the fresh ones in scope
// (`r`) and in the scratch table (`f`), the fresh ones there, and the UPDATE's SET.
const FIGURES = FIGURE_COLUMNS.join(', ');
const OLD_IN_SCOPE = FIGURE_COLUMNS.map((column) => `r.${oldFigure(column)}`).join(', ');
const OLD_FRESH = FIGURE_COLUMNS.map((column) => `f.${oldFigure(column)}`).join(', ');
const NEW_FRESH = FIGURE_COLUMNS.map((column) => `f.${column}`).join(', ');
const SET_FRESH = FIGURE_COLUMNS.map((column) => `${column} = f.${column}`).join(', ');
const SCOPE_COLUMNS = columnsOf('recompute_scope').join(', ');

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
  await tx.query(`INSERT INTO recompute_scope (${SCOPE_COLUMNS})
    ${recomputeScopeSql(`d.bucket IS DISTINCT FROM (${bucketCaseSql(strategy.buckets, 'd.dpd')})`)}`, [asOf]);
  await tx.exec('ANALYZE recompute_scope (account_id, product_id)');
  // The fresh figures of the rows that are new or changed go to a scratch table first, then one
  // UPDATE and one INSERT write them. Not a single statement with data-modifying CTEs, nor
  // INSERT … ON CONFLICT: the latter locks (and so dirties) every existing row before its WHERE can
  // skip it, though many accounts in scope do not change on a day.
  // The fresh figures carry the same names as the stored ones (FIGURE_COLUMNS), so comparing and
  // writing them is a list, not three hand-kept ones.
  await tx.query(`CREATE TEMP TABLE fresh_delinquency ON COMMIT DROP AS
    SELECT f.* FROM (
      SELECT r.account_id, r.borrower_id, NOT r.has_figures AS is_new,
        ${freshFiguresSql(bucketCaseSql(strategy.buckets, 'x.dpd'))}, ${OLD_IN_SCOPE}
      FROM recompute_scope r JOIN product p ON p.id = r.product_id
      LEFT JOIN (${UNPAID_BY_ACCOUNT}) s ON s.account_id = r.account_id
      CROSS JOIN LATERAL (SELECT ${dpd} AS dpd) x
    ) f
    WHERE f.is_new OR (${OLD_FRESH}) IS DISTINCT FROM (${NEW_FRESH})`, [asOf]);
  const updated = await countRows(tx, `UPDATE delinquency d SET
      ${SET_FRESH},
      prev_dpd = CASE WHEN d.changed_on = $1::date THEN d.prev_dpd ELSE d.dpd END,
      prev_bucket = CASE WHEN d.changed_on = $1::date THEN d.prev_bucket ELSE d.bucket END,
      changed_on = $1::date
    FROM fresh_delinquency f WHERE NOT f.is_new AND d.account_id = f.account_id
    RETURNING 1`, [asOf]);
  const inserted = await countRows(tx, `INSERT INTO delinquency (account_id, borrower_id, ${FIGURES},
      changed_on)
    SELECT account_id, borrower_id, ${FIGURES}, $1::date FROM fresh_delinquency WHERE is_new
    RETURNING 1`, [asOf]);
  // The marks read are done with; a mark renewed meanwhile stays for the next recompute.
  await tx.query(`DELETE FROM ledger_change l USING recompute_scope r
    WHERE l.account_id = r.account_id AND l.marked = r.marked`);
  await tx.exec('TRUNCATE recompute_scope');
  return { changed: updated + inserted };
}
