import type { Db } from '../../db/database.ts';
import type { DataScope } from './load-scope.ts';
import { accountInScopeSql, thirdPartiesShownSql } from './scope-filters.ts';

/**
 * An account a use case acts on, as the scope sees it: its borrower, and whether the person it
 * names (`targetPartyId`, an external party id) is a third party the scope hides. Null when the
 * account is unknown or outside the scope, which callers answer alike.
 */
type AccountInScope = { borrowerId: bigint; targetHidden: boolean };

export async function findAccountInScope(
  db: Db, scope: DataScope, accountExternalId: string, targetPartyId: string | null,
): Promise<AccountInScope | null> {
  const params: unknown[] = [accountExternalId, targetPartyId];
  const inScope = accountInScopeSql(scope, 'a', params);
  const thirdParties = thirdPartiesShownSql(scope, 'a', params);
  const [row] = await db.query<{ borrower_id: bigint; target_hidden: boolean }>(`SELECT a.borrower_id,
      NOT ${thirdParties} AND EXISTS (SELECT 1 FROM party t WHERE t.external_id = $2::text
        AND t.borrower_id = a.borrower_id AND t.kind <> 'borrower') AS target_hidden
    FROM account a WHERE a.external_id = $1 AND ${inScope}`, params);
  return row === undefined ? null : { borrowerId: row.borrower_id, targetHidden: row.target_hidden };
}
