import type { Db } from '../../db/database.ts';
import type { DataScope } from './load-scope.ts';
import { accountInScopeSql, thirdPartiesShownSql } from './scope-filters.ts';

/**
 * The borrower of an account a principal acts on (a check, a reservation), when the account is in
 * the scope and the person the request names (`targetPartyId`, an external party id; the borrower
 * when absent) is one the scope shows. An account outside the scope is answered as an unknown
 * one, and a hidden third party as an unknown target, the gate's own reason codes, so the answer
 * tells nobody that a debt or a contact person exists outside what they may see.
 */
type AccountInScope =
  | { ok: true; borrowerId: bigint }
  | {
      ok: false;
      rejection:
        | { reason: 'unknown_account'; field: 'accountId' }
        | { reason: 'unknown_target_party'; field: 'targetPartyId' };
    };

export async function findAccountInScope(
  db: Db, scope: DataScope, request: { accountId: string; targetPartyId?: string },
): Promise<AccountInScope> {
  const params: unknown[] = [request.accountId, request.targetPartyId ?? null];
  const inScope = accountInScopeSql(scope, 'a', params);
  const thirdParties = thirdPartiesShownSql(scope, 'a', params);
  const [row] = await db.query<{ borrower_id: bigint; target_hidden: boolean }>(`SELECT a.borrower_id,
      NOT ${thirdParties} AND EXISTS (SELECT 1 FROM party t WHERE t.external_id = $2::text
        AND t.borrower_id = a.borrower_id AND t.kind <> 'borrower') AS target_hidden
    FROM account a WHERE a.external_id = $1 AND ${inScope}`, params);
  if (row === undefined) return { ok: false, rejection: { reason: 'unknown_account', field: 'accountId' } };
  if (row.target_hidden) {
    return { ok: false, rejection: { reason: 'unknown_target_party', field: 'targetPartyId' } };
  }
  return { ok: true, borrowerId: row.borrower_id };
}
