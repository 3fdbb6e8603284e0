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
const BORROWER_FIGURES = `SELECT d.borrower_id, max(d.dpd) AS max_dpd,
    (sum(d.overdue_principal_minor + d.overdue_interest_minor + d.overdue_penalty_minor
        + d.overdue_fee_minor)
      FILTER (WHERE a.currency = w.currency))::bigint AS overdue,
    w.currency
  FROM delinquency d JOIN account a ON a.id = d.account_id
  JOIN LATERAL (SELECT a2.currency FROM delinquency d2 JOIN account a2 ON a2.id = d2.account_id
    WHERE d2.borrower_id = d.borrower_id ORDER BY d2.dpd DESC, a2.id LIMIT 1) w ON true
  WHERE d.borrower_id IN (SELECT borrower_id FROM delinquency WHERE dpd > 0)
  GROUP BY d.borrower_id, w.currency`;

export async function updateCases(
  tx: Db, asOf: CivilDate, active: ActiveStrategy,
): Promise<{ opened: number; moved: number; closed: number }> {
  const stage = stageCaseSql(active.strategy, 'b.max_dpd', 'b.overdue', 'b.currency');
  const opened = await countRows(tx, `INSERT INTO collection_case (borrower_id, status, opened_on, stage,
      stage_since, strategy_version, max_dpd, overdue_minor, currency)
    SELECT b.borrower_id, 'open', $1, ${stage}, $1, $2, b.max_dpd, b.overdue, b.currency
    FROM (${BORROWER_FIGURES}) b
    WHERE NOT EXISTS (SELECT 1 FROM collection_case c
      WHERE c.borrower_id = b.borrower_id AND c.status = 'open')
    RETURNING 1`, [asOf, active.version]);
  const moved = await countRows(tx, `UPDATE collection_case c
    SET max_dpd = b.max_dpd, overdue_minor = b.overdue,
      currency = b.currency, strategy_version = $2, stage = ${stage},
      stage_since = CASE WHEN c.stage = ${stage} THEN c.stage_since ELSE $1 END
    FROM (${BORROWER_FIGURES}) b
    WHERE c.borrower_id = b.borrower_id AND c.status = 'open'
      AND (c.max_dpd, c.overdue_minor, c.currency, c.strategy_version, c.stage)
        IS DISTINCT FROM (b.max_dpd, b.overdue, b.currency, $2, ${stage})
    RETURNING 1`, [asOf, active.version]);
  const closed = await countRows(tx, `UPDATE collection_case c SET status = 'closed', closed_on = $1,
      close_reason = CASE WHEN (SELECT coalesce(sum(outstanding_minor), 0) FROM delinquency d
        WHERE d.borrower_id = c.borrower_id) = 0 THEN 'paid_off' ELSE 'cured' END
    WHERE c.status = 'open'
      AND NOT EXISTS (SELECT 1 FROM delinquency d WHERE d.borrower_id = c.borrower_id AND d.dpd > 0)
    RETURNING 1`, [asOf]);
  return { opened, moved, closed };
}
