import type { Db } from '../../db/database.ts';
import { columnsOf, copyRowOf, type Row } from '../../db/schema.ts';
import {
  allocatePayment, type AllocationLine, type InstallmentBalance,
} from '../../domain/payment/allocate-payment.ts';
import type { ProductTerms } from '../../domain/product/product-terms.ts';
import { assert } from '../../stdx/assert.ts';
import type { CivilDate } from '../../stdx/civil-date.ts';
import type { Minor } from '../../stdx/money.ts';
import { LAST_ACCRUAL_SQL, penaltyThroughDateSql, penaltyThroughSql } from './penalty-sql.ts';

/**
 * Shared by payment posting and credit application: load the open installments of a batch of
 * accounts in one query, allocate in memory with the pure allocator, and write the results back
 * set-based (COPY for allocation lines, one UPDATE ... FROM for installments). Never a query per
 * account.
 *
 * Penalty interest is read charged through the last cycle date that accrued (penalty-sql.ts), and
 * written with the paid amounts on each installment the allocation touches, since its basis changes
 * from there on.
 */
type InstallmentRow = Pick<Row<'installment'>, 'account_id' | 'seq' | 'due_date' | 'fee_due_minor'
  | 'penalty_accrued_minor' | 'interest_due_minor' | 'principal_due_minor' | 'fee_paid_minor'
  | 'penalty_paid_minor' | 'interest_paid_minor' | 'principal_paid_minor'>;

export type AccountLedger = {
  accountId: bigint;
  borrowerId: bigint;
  terms: ProductTerms;
  installments: InstallmentBalance[];
  touched: Set<number>;
  /** The value date that last changed each installment (its paid_off_on if it is settled). */
  settledOn: Map<number, CivilDate>;
};

/**
 * The unpaid installments due by `asOf` of the accounts, locked, in allocation order. A payment or
 * a credit on or before `asOf` pays nothing else (allocatePayment), so later ones are not read.
 */
export async function loadOpenInstallments(
  tx: Db, asOf: CivilDate, accountIds: readonly bigint[],
): Promise<Map<bigint, InstallmentBalance[]>> {
  const rows = await tx.query<InstallmentRow>(`SELECT i.account_id, i.seq, i.due_date, i.fee_due_minor,
      ${penaltyThroughSql(LAST_ACCRUAL_SQL)} AS penalty_accrued_minor, i.interest_due_minor,
      i.principal_due_minor, i.fee_paid_minor, i.penalty_paid_minor, i.interest_paid_minor,
      i.principal_paid_minor
    FROM installment i JOIN account a ON a.id = i.account_id JOIN product p ON p.id = a.product_id
    WHERE i.account_id = ANY($2::bigint[]) AND a.id = ANY($2::bigint[]) AND i.remaining_minor > 0
      AND i.due_date <= $1::date
    ORDER BY i.account_id, i.due_date, i.seq FOR UPDATE OF i`, [asOf, accountIds.map(String)]);
  const byAccount = new Map<bigint, InstallmentBalance[]>();
  for (const row of rows) {
    const list = byAccount.get(row.account_id) ?? [];
    list.push({
      seq: row.seq,
      dueDate: row.due_date,
      due: {
        fee: row.fee_due_minor, penalty: row.penalty_accrued_minor,
        interest: row.interest_due_minor, principal: row.principal_due_minor,
      },
      paid: {
        fee: row.fee_paid_minor, penalty: row.penalty_paid_minor,
        interest: row.interest_paid_minor, principal: row.principal_paid_minor,
      },
    });
    byAccount.set(row.account_id, list);
  }
  return byAccount;
}

/** Applies one amount to an account's ledger in memory; returns the lines and what became credit. */
export function applyAmount(
  ledger: AccountLedger, amountMinor: Minor, valueDate: CivilDate,
): { lines: AllocationLine[]; creditedMinor: Minor } {
  const result = allocatePayment({
    installments: ledger.installments, amountMinor, valueDate, terms: ledger.terms,
  });
  for (const line of result.lines) {
    if (line.seq === null) continue;
    ledger.touched.add(line.seq);
    ledger.settledOn.set(line.seq, valueDate);
  }
  ledger.installments = result.installments;
  return { lines: result.lines, creditedMinor: result.creditedMinor };
}

export type AllocationRow = {
  paymentId: bigint | null; accountId: bigint; borrowerId: bigint; seq: number | null;
  component: string; amountMinor: Minor; allocatedOn: CivilDate;
};

/** Every column of an allocation line but its id, which the database assigns. */
const ALLOCATION_COLUMNS = columnsOf('allocation', ['id']);
const allocationRow = copyRowOf(ALLOCATION_COLUMNS);

export async function writeAllocations(tx: Db, rows: readonly AllocationRow[]): Promise<void> {
  await tx.copyRows('allocation', ALLOCATION_COLUMNS, rows.map((row) => allocationRow({
    payment_id: row.paymentId === null ? null : String(row.paymentId), account_id: String(row.accountId),
    borrower_id: String(row.borrowerId), installment_seq: row.seq === null ? null : String(row.seq),
    component: row.component, amount_minor: String(row.amountMinor), allocated_on: row.allocatedOn,
  })));
}

/**
 * Writes the paid amounts of every touched installment back in one statement, with its penalty
 * charged through the date loadOpenInstallments read it at (`asOf` is the same).
 */
export async function writeInstallments(
  tx: Db, asOf: CivilDate, ledgers: readonly AccountLedger[],
): Promise<void> {
  const columns: string[][] = [[], [], [], [], [], [], [], [], []];
  for (const ledger of ledgers) {
    for (const installment of ledger.installments) {
      if (!ledger.touched.has(installment.seq)) continue;
      assert(installment.paid.principal <= installment.due.principal, 'principal paid within due');
      columns[0]!.push(String(ledger.accountId));
      columns[1]!.push(String(installment.seq));
      columns[2]!.push(String(installment.paid.fee));
      columns[3]!.push(String(installment.paid.penalty));
      columns[4]!.push(String(installment.paid.interest));
      columns[5]!.push(String(installment.paid.principal));
      columns[6]!.push(ledger.settledOn.get(installment.seq)!);
      columns[7]!.push(String(installment.due.penalty));
      columns[8]!.push(ledger.terms.id);
    }
  }
  if (columns[0]!.length === 0) return;
  // The charge date is computed from the row as it was read (it is locked since), so it is the date
  // the penalty in the ledger was computed through.
  // The database marks the accounts for the recompute of their figures (migration 0013's triggers).
  await tx.query(`UPDATE installment i
    SET fee_paid_minor = u.fee, penalty_paid_minor = u.penalty,
      interest_paid_minor = u.interest, principal_paid_minor = u.principal,
      penalty_accrued_minor = u.penalty_due,
      penalty_through = ${penaltyThroughDateSql(LAST_ACCRUAL_SQL)},
      paid_off_on = CASE
        WHEN i.principal_due_minor + i.interest_due_minor + i.fee_due_minor + u.penalty_due
        = u.fee + u.penalty + u.interest + u.principal THEN u.settled_on ELSE NULL END
    FROM unnest($2::bigint[], $3::int[], $4::bigint[], $5::bigint[], $6::bigint[], $7::bigint[],
        $8::date[], $9::bigint[], $10::text[])
      AS u(account_id, seq, fee, penalty, interest, principal, settled_on, penalty_due, product_id)
    JOIN product p ON p.id = u.product_id
    WHERE i.account_id = u.account_id AND i.seq = u.seq`, [asOf, ...columns]);
}
