import type { Db } from '../../db/database.ts';
import type { ActiveStrategy } from '../strategy/active-strategy.ts';
import type { CivilDate } from '../../stdx/civil-date.ts';
import { stageCaseSql } from './bucket-sql.ts';
import { countRows } from './count-rows.ts';

/**
 * One open case per borrower in collection (DPD > 0 on any account). Cases open, move along the
 * ladder and close set-based. The stage comes from the strategy document; a stage change resets
 * `stage_since`, which drives the treatments' cadence.
 */
// Per borrower in collection: the worst DPD, and the overdue amount in the currency of the most
// delinquent account (a borrower with lines in two currencies is staged on the worse one), and that
// account (highest DPD, then the oldest), which planned actions are decided on.
const BORROWER_FIGURES = `WITH per_currency AS (
    SELECT d.borrower_id, p.currency, max(d.dpd) AS max_dpd, min(d.account_id) AS first_account,
      (array_agg(d.account_id ORDER BY d.dpd DESC, d.account_id))[1] AS account_id,
      sum(d.overdue_principal_minor + d.overdue_interest_minor + d.overdue_penalty_minor
        + d.overdue_fee_minor)::bigint AS overdue
    FROM delinquency d JOIN product p ON p.id = d.product_id
    WHERE d.borrower_id IN (SELECT borrower_id FROM delinquency WHERE dpd > 0)
    GROUP BY d.borrower_id, p.currency
  ), ranked AS (
    SELECT *, row_number() OVER (PARTITION BY borrower_id ORDER BY max_dpd DESC, first_account) AS rank
    FROM per_currency
  )
  SELECT borrower_id, max_dpd, overdue, currency, account_id FROM ranked WHERE rank = 1`;

export async function updateCases(
  tx: Db, asOf: CivilDate, active: ActiveStrategy,
): Promise<{ opened: number; moved: number; closed: number }> {
  // Figures and stage are computed once into a scratch table the two statements below share.
  const stage = stageCaseSql(active.strategy, 'b.max_dpd', 'b.overdue', 'b.currency');
  await tx.query('DROP TABLE IF EXISTS case_figures');
  await tx.query(`CREATE TEMP TABLE case_figures ON COMMIT DROP AS
    SELECT b.*, ${stage} AS stage FROM (${BORROWER_FIGURES}) b`);
  const opened = await countRows(tx, `INSERT INTO collection_case (borrower_id, status, opened_on, stage,
      stage_since, strategy_version, max_dpd, overdue_minor, currency, account_id)
    SELECT b.borrower_id, 'open', $1, b.stage, $1, $2, b.max_dpd, b.overdue, b.currency, b.account_id
    FROM case_figures b
    WHERE NOT EXISTS (SELECT 1 FROM collection_case c
      WHERE c.borrower_id = b.borrower_id AND c.status = 'open')
    RETURNING 1`, [asOf, active.version]);
  const moved = await countRows(tx, `UPDATE collection_case c
    SET max_dpd = b.max_dpd, overdue_minor = b.overdue,
      currency = b.currency, account_id = b.account_id, strategy_version = $2, stage = b.stage,
      stage_since = CASE WHEN c.stage = b.stage THEN c.stage_since ELSE $1 END
    FROM case_figures b
    WHERE c.borrower_id = b.borrower_id AND c.status = 'open'
      AND (c.max_dpd, c.overdue_minor, c.currency, c.account_id, c.strategy_version, c.stage)
        IS DISTINCT FROM (b.max_dpd, b.overdue, b.currency, b.account_id, $2, b.stage)
    RETURNING 1`, [asOf, active.version]);
  // A case closes when no account of its borrower is past due: no row of case_figures is its.
  const closed = await countRows(tx, `UPDATE collection_case c SET status = 'closed', closed_on = $1,
      close_reason = CASE WHEN (SELECT coalesce(sum(outstanding_minor), 0) FROM delinquency d
        WHERE d.borrower_id = c.borrower_id) = 0 THEN 'paid_off' ELSE 'cured' END
    WHERE c.status = 'open'
      AND NOT EXISTS (SELECT 1 FROM case_figures b WHERE b.borrower_id = c.borrower_id)
    RETURNING 1`, [asOf]);
  return { opened, moved, closed };
}
