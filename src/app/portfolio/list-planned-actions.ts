import { PAGE_ROWS_MAX } from '../../config/limits.ts';
import type { Db } from '../../db/database.ts';
import type { Row } from '../../db/schema.ts';
import { assert } from '../../stdx/assert.ts';
import type { DataScope } from '../scope/load-scope.ts';
import { caseInScopeSql } from '../scope/scope-filters.ts';
import { toPlannedAction, type PlannedActionSummary } from './list-cases.ts';

/**
 * One page of the actions the strategy planned on one cycle date, in id order (keyset pagination),
 * on the cases in `scope`.
 */
export type ListPlannedActionsOptions = { scope: DataScope; asOf: string; limit: number; after?: string };

export async function listPlannedActions(
  db: Db, options: ListPlannedActionsOptions,
): Promise<PlannedActionSummary[]> {
  assert(options.limit >= 1 && options.limit <= PAGE_ROWS_MAX, 'page size within bounds');
  const params: unknown[] = [options.asOf, options.after ?? '0', options.limit];
  // Without a filter there is no case to join: the unscoped page reads planned_action alone.
  const scoped = options.scope.records.kind !== 'all';
  const inScope = caseInScopeSql(options.scope, 'c', params);
  const rows = await db.query<Row<'planned_action'>>(`SELECT pa.* FROM planned_action pa
    ${scoped ? 'JOIN collection_case c ON c.id = pa.case_id' : ''}
    WHERE pa.as_of = $1 AND pa.id > $2 AND ${inScope}
    ORDER BY pa.id LIMIT $3`, params);
  return rows.map(toPlannedAction);
}
