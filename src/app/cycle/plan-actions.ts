import type { Db } from '../../db/database.ts';
import type { ActiveStrategy } from '../strategy/active-strategy.ts';
import type { CivilDate } from '../../stdx/civil-date.ts';
import { countRows } from './count-rows.ts';

/**
 * Writes what the strategy proposes for each open case today. Nothing is sent here: every planned
 * action must still pass the compliance gate before anyone dials, writes or visits.
 *
 * Repeating treatments fire on their cadence counted from the day the case entered its stage.
 * One-off treatments (a firm-notice letter, a bureau pre-notice) fire on the first cycle on or
 * after their start day on which they have not yet been planned in this stage, so a skipped
 * cycle date never loses a notice.
 */
export async function planActions(
  tx: Db, asOf: CivilDate, active: ActiveStrategy,
): Promise<{ planned: number }> {
  const treatments = active.strategy.treatments;
  const planned = await countRows(tx, `INSERT INTO planned_action (as_of, case_id, borrower_id, stage,
      action, channel, template, detail)
    SELECT $1, c.id, c.borrower_id, c.stage, t.action, t.channel, t.template,
      jsonb_build_object('strategyVersion', $2::text, 'dayInStage', $1::date - c.stage_since)
    FROM collection_case c
    JOIN unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[])
      AS t(stage, action, channel, template, start_day, every_days) ON t.stage = c.stage
    WHERE c.status = 'open' AND $1::date - c.stage_since >= t.start_day
      AND CASE WHEN t.every_days IS NULL THEN NOT EXISTS (SELECT 1 FROM planned_action p
          WHERE p.case_id = c.id AND p.action = t.action AND p.stage = c.stage
            AND p.as_of >= c.stage_since AND p.as_of < $1::date)
        ELSE ($1::date - c.stage_since - t.start_day) % t.every_days = 0 END
    ON CONFLICT (as_of, case_id, action) DO NOTHING
    RETURNING 1`, [
    asOf, active.version,
    treatments.map((t) => t.stage), treatments.map((t) => t.action), treatments.map((t) => t.channel),
    treatments.map((t) => t.template ?? null), treatments.map((t) => t.startDay),
    treatments.map((t) => t.everyDays ?? null),
  ]);
  return { planned };
}
