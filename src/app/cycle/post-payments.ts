import { CYCLE_BATCH_ACCOUNTS_MAX } from '../../config/limits.ts';
import type { Db } from '../../db/database.ts';
import type { Row } from '../../db/schema.ts';
import type { ProductTerms } from '../../domain/product/product-terms.ts';
import { assert } from '../../stdx/assert.ts';
import type { CivilDate } from '../../stdx/civil-date.ts';
import { applyAmount, loadOpenInstallments, writeAllocations, writeInstallments,
  type AccountLedger, type AllocationRow } from './allocate-batch.ts';

/**
 * Posts every received payment whose value date has come, oldest value date first within an
 * account, in batches of accounts. Each batch commits on its own: a crash loses at most the batch
 * in flight, which the rerun posts, because only payments still marked 'received' are picked up.
 */
type PaymentRow = Pick<Row<'payment'>, 'id' | 'account_id' | 'borrower_id' | 'amount_minor' | 'value_date'>
  & Pick<Row<'account'>, 'product_id'>;

export async function postPayments(
  db: Db, asOf: CivilDate, products: Map<string, ProductTerms>,
): Promise<{ payments: number }> {
  let posted = 0;
  let after = -1n;
  for (;;) {
    const batch = await db.query<Pick<Row<'payment'>, 'account_id'>>(`SELECT DISTINCT account_id FROM payment
      WHERE status = 'received' AND value_date <= $1 AND account_id > $2 ORDER BY account_id LIMIT $3`,
    [asOf, after, CYCLE_BATCH_ACCOUNTS_MAX]);
    if (batch.length === 0) return { payments: posted };
    const accountIds = batch.map((row) => row.account_id);
    after = accountIds[accountIds.length - 1]!;
    posted += await db.transaction((tx) => postBatch(tx, asOf, accountIds, products));
  }
}

async function postBatch(
  tx: Db, asOf: CivilDate, accountIds: bigint[], products: Map<string, ProductTerms>,
): Promise<number> {
  const payments = await tx.query<PaymentRow>(`SELECT p.id, p.account_id, p.borrower_id, a.product_id,
      p.amount_minor, p.value_date FROM payment p JOIN account a ON a.id = p.account_id
    WHERE p.status = 'received' AND p.value_date <= $1 AND p.account_id = ANY($2::bigint[])
    ORDER BY p.account_id, p.value_date, p.id FOR UPDATE OF p`, [asOf, accountIds.map(String)]);
  const installments = await loadOpenInstallments(tx, asOf, accountIds);
  const ledgers = new Map<bigint, AccountLedger>();
  const allocations: AllocationRow[] = [];
  const credited: { id: bigint; creditedMinor: bigint }[] = [];
  for (const payment of payments) {
    let ledger = ledgers.get(payment.account_id);
    if (ledger === undefined) {
      const terms = products.get(payment.product_id);
      assert(terms !== undefined, `product ${payment.product_id} has no terms`);
      ledger = { accountId: payment.account_id, borrowerId: payment.borrower_id, terms,
        installments: installments.get(payment.account_id) ?? [], touched: new Set(), settledOn: new Map() };
      ledgers.set(payment.account_id, ledger);
    }
    const { lines, creditedMinor } = applyAmount(ledger, payment.amount_minor, payment.value_date);
    for (const line of lines) {
      allocations.push({
        paymentId: payment.id, accountId: payment.account_id, borrowerId: payment.borrower_id,
        seq: line.seq, component: line.component, amountMinor: line.amountMinor,
        allocatedOn: payment.value_date,
      });
    }
    credited.push({ id: payment.id, creditedMinor });
  }
  await writeAllocations(tx, allocations);
  await writeInstallments(tx, asOf, [...ledgers.values()]);
  await tx.query(`UPDATE payment p SET status = 'posted', posted_on = $1, credited_minor = u.credited
    FROM unnest($2::bigint[], $3::bigint[]) AS u(id, credited) WHERE p.id = u.id`,
  [asOf, credited.map((row) => String(row.id)), credited.map((row) => String(row.creditedMinor))]);
  await tx.query(`UPDATE account a SET credit_balance_minor = a.credit_balance_minor + c.total
    FROM (SELECT account_id, sum(credited_minor) AS total FROM payment
      WHERE id = ANY($1::bigint[]) AND credited_minor > 0 GROUP BY account_id) c
    WHERE a.id = c.account_id`,
  [credited.map((row) => String(row.id))]);
  return payments.length;
}
