import type { Db } from '../../db/database.ts';
import type { ColumnName } from '../../db/schema.ts';
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
        + d.overdue_fee_minor)::bigint AS overdue_minor
    FROM delinquency d JOIN product p ON p.id = d.product_id
    WHERE d.borrower_id IN (SELECT borrower_id FROM delinquency WHERE dpd > 0)
    GROUP BY d.borrower_id, p.currency
  ), ranked AS (
    SELECT *, row_number() OVER (PARTITION BY borrower_id ORDER BY max_dpd DESC, first_account) AS rank
    FROM per_currency
  )
  SELECT borrower_id, max_dpd, overdue_minor, currency, account_id FROM ranked WHERE rank = 1`;

/** What the cycle computes for a borrower's case, named as the case stores it (case_figures). */
const CASE_FIGURES = ['stage', 'max_dpd', 'overdue_minor', 'currency', 'account_id'] as const satisfies
  readonly ColumnName<'collection_case'>[];
const FIGURES = CASE_FIGURES.join(', ');
const SCRATCH_FIGURES = CASE_FIGURES.map((column) => `b.${column}`).join(', ');
const STORED_FIGURES = CASE_FIGURES.map((column) => `c.${column}`).join(', ');
const SET_FIGURES = CASE_FIGURES.map((column) => `${column} = b.${column}`).join(', ');

export async function updateCases(
  tx: Db, asOf: CivilDate, active: ActiveStrategy,
): Promise<{ opened: number; moved: number; closed: number }> {
  // Figures and stage are computed once into a scratch table the two statements below share.
  const stage = stageCaseSql(active.strategy, 'b.max_dpd', 'b.overdue_minor', 'b.currency');
  await tx.query('DROP TABLE IF EXISTS case_figures');
  await tx.query(`CREATE TEMP TABLE case_figures ON COMMIT DROP AS
    SELECT b.*, ${stage} AS stage FROM (${BORROWER_FIGURES}) b`);
  const opened = await countRows(tx, `INSERT INTO collection_case (borrower_id, status, opened_on,
      stage_since, strategy_version, ${FIGURES})
    SELECT b.borrower_id, 'open', $1, $1, $2, ${SCRATCH_FIGURES}
    FROM case_figures b
    WHERE NOT EXISTS (SELECT 1 FROM collection_case c
      WHERE c.borrower_id = b.borrower_id AND c.status = 'open')
    RETURNING 1`, [asOf, active.version]);
  const moved = await countRows(tx, `UPDATE collection_case c
    SET ${SET_FIGURES}, strategy_version = $2,
      stage_since = CASE WHEN c.stage = b.stage THEN c.stage_since ELSE $1 END
    FROM case_figures b
    WHERE c.borrower_id = b.borrower_id AND c.status = 'open'
      AND (${STORED_FIGURES}, c.strategy_version) IS DISTINCT FROM (${SCRATCH_FIGURES}, $2)
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
