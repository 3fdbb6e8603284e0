import { PAGE_ROWS_MAX } from '../../config/limits.ts';
import type { Db } from '../../db/database.ts';
import type { Row } from '../../db/schema.ts';
import { assert } from '../../stdx/assert.ts';
import type { DataScope } from '../scope/load-scope.ts';
import { accountInScopeSql } from '../scope/scope-filters.ts';

/** One page of accounts with their current delinquency, in id order (keyset pagination). */
export type AccountSummary = {
  externalId: string; borrowerExternalId: string; productId: string; currency: string; status: string;
  openedOn: string; principalMinor: string; creditBalanceMinor: string; dpd: number; bucket: string;
  overdueMinor: string; outstandingMinor: string; cursor: string;
};

/** Only the accounts in `scope` are listed; the others are as if they did not exist. */
export type ListAccountsOptions = {
  scope: DataScope; limit: number; after?: string; bucket?: string; status?: string; borrower?: string;
};

/** An account with its borrower's external id and its figures (those of a current one if none). */
type AccountRow = Pick<Row<'account'>, 'id' | 'external_id' | 'product_id' | 'currency' | 'status'
  | 'opened_on' | 'principal_minor' | 'credit_balance_minor'> & Pick<Row<'delinquency'>, 'dpd' | 'bucket'>
  & { borrower: string; overdue: bigint; outstanding: bigint };

export async function listAccounts(db: Db, options: ListAccountsOptions): Promise<AccountSummary[]> {
  assert(options.limit >= 1 && options.limit <= PAGE_ROWS_MAX, 'page size within bounds');
  const params: unknown[] = [
    options.after ?? '0', options.bucket ?? null, options.status ?? null, options.borrower ?? null,
    options.limit,
  ];
  const inScope = accountInScopeSql(options.scope, 'a', params);
  const rows = await db.query<AccountRow>(`SELECT a.id, a.external_id, b.external_id AS borrower,
      a.product_id, a.currency, a.status, a.opened_on, a.principal_minor, a.credit_balance_minor,
      coalesce(d.dpd, 0) AS dpd, coalesce(d.bucket, 'M0') AS bucket,
      coalesce(d.overdue_principal_minor + d.overdue_interest_minor + d.overdue_penalty_minor
        + d.overdue_fee_minor, 0) AS overdue,
      coalesce(d.outstanding_minor, 0) AS outstanding
    FROM account a JOIN party b ON b.id = a.borrower_id
    LEFT JOIN delinquency d ON d.account_id = a.id
    WHERE a.id > $1 AND ($2::text IS NULL OR d.bucket = $2) AND ($3::text IS NULL OR a.status = $3)
      AND ($4::text IS NULL OR b.external_id = $4) AND ${inScope}
    ORDER BY a.id LIMIT $5`, params);
  return rows.map((row) => ({
    externalId: row.external_id, borrowerExternalId: row.borrower, productId: row.product_id,
    currency: row.currency, status: row.status, openedOn: row.opened_on,
    principalMinor: String(row.principal_minor), creditBalanceMinor: String(row.credit_balance_minor),
    dpd: row.dpd, bucket: row.bucket, overdueMinor: String(row.overdue),
    outstandingMinor: String(row.outstanding),
    cursor: String(row.id),
  }));
}
