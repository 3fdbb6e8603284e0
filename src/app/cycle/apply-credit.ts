import type { Db } from '../../db/database.ts';
import type { Row } from '../../db/schema.ts';
import type { ProductTerms } from '../../domain/product/product-terms.ts';
import { assert } from '../../stdx/assert.ts';
import type { CivilDate } from '../../stdx/civil-date.ts';
import { applyAmount, loadOpenInstallments, writeAllocations, writeInstallments,
  type AccountLedger, type AllocationRow } from './allocate-batch.ts';
import { mayHaveDueSql } from './ledger-change-sql.ts';

/**
 * A credit balance (an earlier overpayment) pays installments as they fall due, in the same
 * contractual order as a payment. The ledger records it as allocation lines without a payment plus
 * one negative 'credit' line, so allocations always add up to what was paid in.
 */
type CreditRow = Pick<Row<'account'>, 'id' | 'borrower_id' | 'product_id' | 'credit_balance_minor'>;

export async function applyCredit(
  tx: Db, asOf: CivilDate, products: Map<string, ProductTerms>,
): Promise<{ accounts: number }> {
  // Which accounts have a credit balance and may have something due (mayHaveDueSql), asked
  // without locking so the server may answer in parallel (a locking query never runs in parallel);
  // the accounts are then locked, and checked again. Whether something is due is the allocation's
  // to find: an account with nothing due uses none of its credit and is not written.
  const candidates = await tx.query<Pick<Row<'account'>, 'id'>>(`SELECT a.id
    FROM (${mayHaveDueSql('$1::date + 1')}) c JOIN account a ON a.id = c.account_id
    WHERE a.credit_balance_minor > 0`, [asOf]);
  const accounts = await tx.query<CreditRow>(`SELECT a.id, a.borrower_id, a.product_id,
      a.credit_balance_minor
    FROM account a WHERE a.id = ANY($1::bigint[]) AND a.credit_balance_minor > 0
    ORDER BY a.id FOR UPDATE`, [candidates.map((row) => String(row.id))]);
  if (accounts.length === 0) return { accounts: 0 };
  const installments = await loadOpenInstallments(tx, asOf, accounts.map((account) => account.id));
  const ledgers: AccountLedger[] = [];
  const allocations: AllocationRow[] = [];
  const balances: [string, string][] = [];
  for (const account of accounts) {
    const terms = products.get(account.product_id);
    assert(terms !== undefined, `product ${account.product_id} has no terms`);
    const ledger: AccountLedger = { accountId: account.id, borrowerId: account.borrower_id, terms,
      installments: installments.get(account.id) ?? [], touched: new Set(), settledOn: new Map() };
    const { lines, creditedMinor } = applyAmount(ledger, account.credit_balance_minor, asOf);
    const used = account.credit_balance_minor - creditedMinor;
    assert(used >= 0n, 'credit application never adds credit');
    if (used === 0n) continue;
    for (const line of lines) {
      if (line.seq === null) continue;
      allocations.push({ paymentId: null, accountId: account.id, borrowerId: account.borrower_id,
        seq: line.seq, component: line.component, amountMinor: line.amountMinor, allocatedOn: asOf });
    }
    allocations.push({ paymentId: null, accountId: account.id, borrowerId: account.borrower_id, seq: null,
      component: 'credit', amountMinor: -used, allocatedOn: asOf });
    ledgers.push(ledger);
    balances.push([String(account.id), String(creditedMinor)]);
  }
  await writeAllocations(tx, allocations);
  await writeInstallments(tx, asOf, ledgers);
  // The accounts are named twice so that they are found by key, not by hashing every account.
  await tx.query(`UPDATE account a SET credit_balance_minor = u.balance
    FROM unnest($1::bigint[], $2::bigint[]) AS u(id, balance) WHERE a.id = u.id AND a.id = ANY($1::bigint[])`,
  [balances.map((row) => row[0]), balances.map((row) => row[1])]);
  return { accounts: ledgers.length };
}
