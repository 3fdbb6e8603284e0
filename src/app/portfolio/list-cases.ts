import { PAGE_ROWS_MAX } from '../../config/limits.ts';
import type { Db } from '../../db/database.ts';
import type { Row } from '../../db/schema.ts';
import { assert } from '../../stdx/assert.ts';
import type { DataScope } from '../scope/load-scope.ts';
import { caseInScopeSql } from '../scope/scope-filters.ts';

export type CaseSummary = {
  id: string; borrowerExternalId: string; borrowerName: string; status: string; stage: string;
  stageSince: string; openedOn: string; closedOn: string | null; closeReason: string | null; maxDpd: number;
  overdueMinor: string; currency: string; strategyVersion: string; timeZone: string;
};

/** A case with its borrower's external id (`borrower`), name and zone. */
type CaseRow = Row<'collection_case'> & Pick<Row<'party'>, 'full_name' | 'time_zone'> & { borrower: string };

/** Only the cases in `scope` are listed; the others are as if they did not exist. */
export type ListCasesOptions = {
  scope: DataScope; limit: number; after?: string; status?: string; stage?: string;
};

export async function listCases(db: Db, options: ListCasesOptions): Promise<CaseSummary[]> {
  assert(options.limit >= 1 && options.limit <= PAGE_ROWS_MAX, 'page size within bounds');
  const params: unknown[] = [
    options.after ?? '0', options.status ?? null, options.stage ?? null, options.limit,
  ];
  const inScope = caseInScopeSql(options.scope, 'c', params);
  const rows = await db.query<CaseRow>(`SELECT c.*, b.external_id AS borrower, b.full_name,
      b.time_zone
    FROM collection_case c JOIN party b ON b.id = c.borrower_id
    WHERE c.id > $1 AND ($2::text IS NULL OR c.status = $2) AND ($3::text IS NULL OR c.stage = $3)
      AND ${inScope}
    ORDER BY c.id LIMIT $4`, params);
  return rows.map(toCaseSummary);
}

/**
 * A case outside the principal's scope is answered exactly as an unknown one: saying it exists
 * would tell the reader that this person is in debt with the lender.
 */
type CaseLookup =
  | { ok: true; case: CaseSummary; plannedActions: PlannedActionSummary[] }
  | { ok: false; reason: 'unknown_case'; field: 'id' };

export async function getCase(db: Db, id: string, scope: DataScope): Promise<CaseLookup> {
  const unknown = { ok: false, reason: 'unknown_case', field: 'id' } as const;
  if (!/^\d{1,18}$/.test(id)) return unknown;
  const params: unknown[] = [id];
  const inScope = caseInScopeSql(scope, 'c', params);
  const [row] = await db.query<CaseRow>(`SELECT c.*, b.external_id AS borrower, b.full_name,
      b.time_zone
    FROM collection_case c JOIN party b ON b.id = c.borrower_id WHERE c.id = $1 AND ${inScope}`, params);
  if (row === undefined) return unknown;
  const actions = await db.query<Row<'planned_action'>>(
    'SELECT * FROM planned_action WHERE case_id = $1 ORDER BY as_of DESC, id DESC LIMIT $2',
    [id, PAGE_ROWS_MAX]);
  return { ok: true, case: toCaseSummary(row), plannedActions: actions.map(toPlannedAction) };
}

export type PlannedActionSummary = {
  id: string; asOf: string; caseId: string; stage: string; action: string; channel: string;
  template: string | null; status: string;
  /** The strategy that planned it and the policy that judged it (null on rows from before both). */
  strategyVersion: string | null; policyVersion: string | null;
};

export function toPlannedAction(row: Row<'planned_action'>): PlannedActionSummary {
  return {
    id: String(row.id), asOf: row.as_of, caseId: String(row.case_id), stage: row.stage, action: row.action,
    channel: row.channel, template: row.template, status: row.status, strategyVersion: row.strategy_version,
    policyVersion: row.policy_version,
  };
}

function toCaseSummary(row: CaseRow): CaseSummary {
  return {
    id: String(row.id), borrowerExternalId: row.borrower, borrowerName: row.full_name, status: row.status,
    stage: row.stage, stageSince: row.stage_since, openedOn: row.opened_on, closedOn: row.closed_on,
    closeReason: row.close_reason, maxDpd: row.max_dpd, overdueMinor: String(row.overdue_minor),
    currency: row.currency, strategyVersion: row.strategy_version, timeZone: row.time_zone,
  };
}
