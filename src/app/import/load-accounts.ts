import type { Db } from '../../db/database.ts';
import { columnLike, columnsLike, copyRowOf } from '../../db/schema.ts';
import type { AccountRecord } from '../../domain/import/import-records.ts';
import type { Item } from './load-records.ts';
import {
  rejectStaged, stageRows, text, updateChanged, upsertStaged, type BatchResult, type StageCheck,
} from './stage-rows.ts';

/**
 * Upserts accounts by external id under a borrower and a product of the same currency. The
 * borrower and the currency of an existing account cannot change (its installments, payments and
 * contact history are kept under them); the status is taken for new accounts only, because once
 * an account exists the daily cycle owns its status (frozen when overdue, closed when paid).
 */
const STAGE = 'import_stage_account';
const UPDATED = ['product_id', 'credit_limit_minor', 'principal_minor', 'opened_on'] as const;
const NAMES = ['external_id', 'borrower_id', 'currency', 'status', ...UPDATED] as const;
/** The account's columns, and what the checks compare them with, typed as where they come from. */
const COLUMNS = [
  ...columnsLike('account', NAMES), columnLike('party', 'external_id', 'borrower_external_id'),
  columnLike('product', 'currency', 'product_currency'),
  columnLike('account', 'borrower_id', 'stored_borrower_id'),
  columnLike('account', 'currency', 'stored_currency'),
];
const stagedRow = copyRowOf(['line', ...COLUMNS.map(([name]) => name)]);

const RESOLVE = `UPDATE ${STAGE} s SET
  borrower_id = (SELECT b.id FROM party b
    WHERE b.external_id = s.borrower_external_id AND b.kind = 'borrower'),
  product_currency = (SELECT p.currency FROM product p WHERE p.id = s.product_id),
  (stored_borrower_id, stored_currency) =
    (SELECT a.borrower_id, a.currency FROM account a WHERE a.external_id = s.external_id)`;

const check = (where: string, field: string, reason: string, message: string): StageCheck =>
  ({ sql: `DELETE FROM ${STAGE} s WHERE ${where} RETURNING s.line`, field, reason, message });

const CHECKS = [
  check('s.borrower_id IS NULL', 'borrower_external_id', 'unknown_borrower',
    'No borrower has this external id.'),
  check('s.product_currency IS NULL', 'product_id', 'unknown_product', 'No product has this id.'),
  check('s.product_currency <> s.currency', 'currency', 'currency_mismatch',
    'The account currency differs from its product\'s.'),
  check('s.stored_borrower_id <> s.borrower_id', 'borrower_external_id', 'immutable_field',
    'An existing account cannot move to another borrower.'),
  check('s.stored_currency <> s.currency', 'currency', 'immutable_field',
    'The currency of an existing account cannot change.'),
];

export async function loadAccounts(tx: Db, items: readonly Item<AccountRecord>[]): Promise<BatchResult> {
  await stageRows(tx, STAGE, COLUMNS, items.map(({ line, record: r }) => stagedRow({
    line: String(line),
    external_id: r.externalId, borrower_external_id: r.borrowerExternalId, product_id: r.productId,
    currency: r.currency, credit_limit_minor: text(r.creditLimitMinor),
    principal_minor: text(r.principalMinor), opened_on: r.openedOn, status: r.status,
    // Resolved and compared in the database (RESOLVE, CHECKS).
    borrower_id: null, product_currency: null, stored_borrower_id: null, stored_currency: null,
  })));
  await tx.query(RESOLVE);
  const errors = await rejectStaged(tx, CHECKS);
  return upsertStaged(tx, `INSERT INTO account AS t (${NAMES.join(', ')})
    SELECT ${NAMES.join(', ')} FROM ${STAGE} ORDER BY line
    ON CONFLICT (external_id) ${updateChanged('t', UPDATED)} RETURNING t.id AS account_id`,
  // A new account is marked for the recompute of its figures when it is added (migration 0008), a
  // changed one (its product, say) when its terms change (0016).
  items.length, errors);
}
