import type { Db } from '../../db/database.ts';
import type { Row } from '../../db/schema.ts';
import type { FieldProblem } from '../../domain/import/field-rules.ts';
import type {
  AccountRecord, ContactPointRecord, ImportKind, InstallmentRecord, PartyRecord, PaymentRecord, ProductRecord,
} from '../../domain/import/import-records.ts';
import { loadAccounts } from './load-accounts.ts';
import { loadContactPoints } from './load-contact-points.ts';
import { loadInstallments } from './load-installments.ts';
import { loadParties } from './load-parties.ts';
import { loadPayments } from './load-payments.ts';
import { loadProducts } from './load-products.ts';
import type { BatchResult } from './stage-rows.ts';

/**
 * Loads one batch of checked records of one kind in the caller's transaction, the step shared by
 * `importFile` (rows of a lender's file) and `importRecords` (records made in memory). Installments
 * and payments name their account by external id; the caller resolves the batch's accounts once
 * (`findAccounts`), which also gives installments their currency and borrower.
 */
export type Item<T> = { line: number; record: T };
export type AccountRef = { id: bigint; borrowerId: bigint; currency: string };

export async function loadRecords(tx: Db, kind: ImportKind, items: readonly Item<unknown>[],
  accounts: ReadonlyMap<string, AccountRef>): Promise<BatchResult> {
  if (items.length === 0) return { loaded: 0, unchanged: 0, errors: [] };
  // The scratch table has no statistics, so the planner overestimates every statement of a batch
  // and would JIT-compile each one, which costs more than running it.
  await tx.query('SET LOCAL jit = off');
  switch (kind) {
    case 'products': return loadProducts(tx, items as Item<ProductRecord>[]);
    case 'parties': return loadParties(tx, items as Item<PartyRecord>[]);
    case 'contact_points': return loadContactPoints(tx, items as Item<ContactPointRecord>[]);
    case 'accounts': return loadAccounts(tx, items as Item<AccountRecord>[]);
    case 'installments': return loadInstallments(tx, items as Item<InstallmentRecord>[], accounts);
    case 'payments': return loadPayments(tx, items as Item<PaymentRecord>[], accounts);
  }
}

export const NEEDS_ACCOUNTS: ReadonlySet<ImportKind> = new Set(['installments', 'payments']);

export async function findAccounts(tx: Db, externalIds: Iterable<string>): Promise<Map<string, AccountRef>> {
  const rows = await tx.query<Pick<Row<'account'>, 'external_id' | 'id' | 'borrower_id' | 'currency'>>(
    'SELECT external_id, id, borrower_id, currency FROM account WHERE external_id = ANY($1::text[])',
    [[...new Set(externalIds)]]);
  return new Map(rows.map((row) => [row.external_id, { id: row.id, borrowerId: row.borrower_id,
    currency: row.currency }]));
}

/** The account of an installment or payment must exist, and a payment must be in its currency. */
export function accountProblem(accountExternalId: string, account: AccountRef | undefined,
  paymentCurrency: string | null): FieldProblem | null {
  if (account === undefined) {
    const message = `No account has the external id "${accountExternalId}".`;
    return { field: 'account_external_id', reason: 'unknown_account', message };
  }
  if (paymentCurrency !== null && paymentCurrency !== account.currency) {
    const message = `The payment is in ${paymentCurrency} but the account is in ${account.currency}.`;
    return { field: 'currency', reason: 'currency_mismatch', message };
  }
  return null;
}
