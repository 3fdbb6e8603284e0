import type { DataScope } from './load-scope.ts';

/**
 * The scope as SQL conditions for the read models. Each function appends its parameters to
 * `params` (the query's own come first) and returns a condition naming them by position, so one
 * query reads a page already filtered: no row is fetched only to be dropped, and no query runs per
 * row. `alias` is the query's alias of the account or case table.
 */
export function accountInScopeSql(scope: DataScope, alias: string, params: unknown[]): string {
  const records = scope.records;
  switch (records.kind) {
    case 'all':
      return 'true';
    case 'none':
      return 'false';
    case 'team':
      params.push(records.teamId);
      return `EXISTS (SELECT 1 FROM collection_case scope_case
        WHERE scope_case.borrower_id = ${alias}.borrower_id AND scope_case.owner_team = $${params.length})`;
    case 'agency':
      return `EXISTS (SELECT 1 FROM placement scope_placement WHERE scope_placement.account_id = ${alias}.id
        AND ${placedNowSql(records.agencyId, records.today, params)})`;
  }
}

/** A case is in scope when it is the team's, or when an account of its borrower is placed now. */
export function caseInScopeSql(scope: DataScope, alias: string, params: unknown[]): string {
  const records = scope.records;
  switch (records.kind) {
    case 'all':
      return 'true';
    case 'none':
      return 'false';
    case 'team':
      params.push(records.teamId);
      return `${alias}.owner_team = $${params.length}`;
    case 'agency':
      return `EXISTS (SELECT 1 FROM placement scope_placement
        WHERE scope_placement.borrower_id = ${alias}.borrower_id
        AND ${placedNowSql(records.agencyId, records.today, params)})`;
  }
}

/**
 * Whether the third parties on the file of the account `alias` are shown: always, or (for an
 * agency) when the account's current placement with the agency allows it.
 */
export function thirdPartiesShownSql(scope: DataScope, alias: string, params: unknown[]): string {
  const records = scope.records;
  if (scope.thirdParties === 'shown') return 'true';
  if (records.kind !== 'agency') return 'false';
  return `EXISTS (SELECT 1 FROM placement scope_placement WHERE scope_placement.account_id = ${alias}.id
    AND scope_placement.shows_third_parties AND ${placedNowSql(records.agencyId, records.today, params)})`;
}

/** The placement `scope_placement` is the agency's and current on `today`. */
function placedNowSql(agencyId: string, today: string, params: unknown[]): string {
  params.push(agencyId, today);
  const agency = `$${params.length - 1}`;
  const day = `$${params.length}::date`;
  return `scope_placement.agency_id = ${agency} AND scope_placement.placed_on <= ${day}
    AND (scope_placement.recalled_on IS NULL OR scope_placement.recalled_on > ${day})`;
}
