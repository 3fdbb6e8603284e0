import { PAGE_ROWS_MAX } from '../../config/limits.ts';
import type { Db } from '../../db/database.ts';
import type { Row } from '../../db/schema.ts';
import { assert } from '../../stdx/assert.ts';
import { toPlannedAction, type PlannedActionSummary } from './list-cases.ts';

/** One page of the actions the strategy planned on one cycle date, in id order (keyset pagination). */
export type ListPlannedActionsOptions = { asOf: string; limit: number; after?: string };

export async function listPlannedActions(
  db: Db, options: ListPlannedActionsOptions,
): Promise<PlannedActionSummary[]> {
  assert(options.limit >= 1 && options.limit <= PAGE_ROWS_MAX, 'page size within bounds');
  const rows = await db.query<Row<'planned_action'>>(`SELECT * FROM planned_action
    WHERE as_of = $1 AND id > $2
    ORDER BY id LIMIT $3`, [options.asOf, options.after ?? '0', options.limit]);
  return rows.map(toPlannedAction);
}
