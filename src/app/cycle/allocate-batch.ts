import type { Db } from '../../db/database.ts';
import {
  allocatePayment, type AllocationLine, type InstallmentBalance,
} from '../../domain/payment/allocate-payment.ts';
import { accruePenalty } from '../../domain/delinquency/accrue-penalty.ts';
import { lateFeeDue } from '../../domain/delinquency/late-fee-due.ts';
import type { ProductTerms } from '../../domain/product/product-terms.ts';
import { assert } from '../../stdx/assert.ts';
import { addDays, type CivilDate } from '../../stdx/civil-date.ts';
import type { Minor } from '../../stdx/money.ts';

/**
 * Shared by payment posting and credit application: load the open installments of a batch of
 * accounts in one query, allocate in memory with the pure allocator, and write the results back
 * set-based (COPY for allocation lines, one UPDATE ... FROM for installments). Never a query per
 * account.
 *
 * Late charges are written here and nowhere else: before an amount is allocated, each installment
 * is charged its late fee and its penalty interest up to the day before the value date, on the
 * basis that was outstanding on those days (the value date itself is charged on what is left after
 * the payment). The daily cycle reads what accrued since without writing it
 * (pending-charges-sql.ts).
 */
type InstallmentRow = {
  account_id: bigint; seq: number; due_date: string; fee_due_minor: bigint;
  penalty_accrued_minor: bigint; interest_due_minor: bigint; principal_due_minor: bigint;
  fee_paid_minor: bigint; penalty_paid_minor: bigint; interest_paid_minor: bigint;
  principal_paid_minor: bigint; penalty_through: string | null; late_fee_charged: boolean;
};

export type AccountLedger = {
  accountId: bigint;
  borrowerId: bigint;
  terms: ProductTerms;
  installments: InstallmentBalance[];
  /** The last day each installment's penalty interest has been charged through (null: none yet). */
  penaltyThrough: Map<number, CivilDate | null>;
  /** The installments whose late fee has been charged. */
  lateFeeCharged: Set<number>;
  touched: Set<number>;
  /** The value date that last changed each installment (its paid_off_on if it is settled). */
  settledOn: Map<number, CivilDate>;
};

export async function loadOpenInstallments(
  tx: Db, accountIds: readonly bigint[],
): Promise<Map<bigint, OpenInstallments>> {
  const rows = await tx.query<InstallmentRow>(`SELECT account_id, seq, due_date, fee_due_minor,
      penalty_accrued_minor, interest_due_minor, principal_due_minor, fee_paid_minor,
      penalty_paid_minor, interest_paid_minor, principal_paid_minor, penalty_through,
      late_fee_charged
    FROM installment WHERE account_id = ANY($1::bigint[]) AND remaining_minor > 0
    ORDER BY account_id, due_date, seq FOR UPDATE`, [accountIds.map(String)]);
  const byAccount = new Map<bigint, OpenInstallments>();
  for (const row of rows) {
    const open: OpenInstallments = byAccount.get(row.account_id)
      ?? { installments: [], penaltyThrough: new Map(), lateFeeCharged: new Set() };
    open.penaltyThrough.set(row.seq, row.penalty_through);
    if (row.late_fee_charged) open.lateFeeCharged.add(row.seq);
    open.installments.push({
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
    byAccount.set(row.account_id, open);
  }
  return byAccount;
}

export type OpenInstallments = Pick<AccountLedger, 'installments' | 'penaltyThrough' | 'lateFeeCharged'>;

export function openLedger(
  accountId: bigint, borrowerId: bigint, terms: ProductTerms, open: OpenInstallments | undefined,
): AccountLedger {
  return { accountId, borrowerId, terms, installments: open?.installments ?? [],
    penaltyThrough: open?.penaltyThrough ?? new Map(), lateFeeCharged: open?.lateFeeCharged ?? new Set(),
    touched: new Set(), settledOn: new Map() };
}

/** Charges every installment's late fee and penalty interest through `through` (see the top). */
function chargeLateCharges(ledger: AccountLedger, through: CivilDate): void {
  const { terms } = ledger;
  ledger.installments = ledger.installments.map((installment) => {
    const { seq, dueDate } = installment;
    const fee = lateFeeDue({ dueDate, asOf: through, graceDays: terms.graceDays,
      lateFeeMinor: terms.lateFeeMinor, charged: ledger.lateFeeCharged.has(seq) });
    const owed = (component: 'principal' | 'interest') =>
      installment.due[component] - installment.paid[component];
    const basisMinor = terms.penaltyBasis === 'overdue_principal'
      ? owed('principal')
      : owed('principal') + owed('interest');
    const accrual = accruePenalty({ dueDate, asOf: through, graceDays: terms.graceDays,
      penaltyThrough: ledger.penaltyThrough.get(seq) ?? null, basisMinor,
      ratePpmPerDay: terms.penaltyRatePpmPerDay });
    if (fee === 0n && accrual.days === 0) return installment;
    if (fee > 0n) ledger.lateFeeCharged.add(seq);
    ledger.penaltyThrough.set(seq, accrual.penaltyThrough);
    ledger.touched.add(seq);
    return { ...installment, due: { ...installment.due, fee: installment.due.fee + fee,
      penalty: installment.due.penalty + accrual.penaltyMinor } };
  });
}

/** Applies one amount to an account's ledger in memory; returns the lines and what became credit. */
export function applyAmount(
  ledger: AccountLedger, amountMinor: Minor, valueDate: CivilDate,
): { lines: AllocationLine[]; creditedMinor: Minor } {
  chargeLateCharges(ledger, addDays(valueDate, -1));
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

export async function writeAllocations(tx: Db, rows: readonly AllocationRow[]): Promise<void> {
  await tx.copyRows('allocation',
    [
      'payment_id', 'account_id', 'borrower_id', 'installment_seq', 'component', 'amount_minor',
      'allocated_on',
    ],
    rows.map((row) => [row.paymentId === null ? null : String(row.paymentId), String(row.accountId),
      String(row.borrowerId), row.seq === null ? null : String(row.seq), row.component,
      String(row.amountMinor), row.allocatedOn]));
}

/** Writes the paid amounts of every touched installment back in one statement. */
export async function writeInstallments(tx: Db, ledgers: readonly AccountLedger[]): Promise<void> {
  const columns: (string | null)[][] = [[], [], [], [], [], [], [], [], [], [], []];
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
      columns[6]!.push(ledger.settledOn.get(installment.seq) ?? null);
      columns[7]!.push(String(installment.due.penalty));
      columns[8]!.push(ledger.penaltyThrough.get(installment.seq) ?? null);
      columns[9]!.push(String(installment.due.fee));
      columns[10]!.push(String(ledger.lateFeeCharged.has(installment.seq)));
    }
  }
  if (columns[0]!.length === 0) return;
  await tx.query(`UPDATE installment i SET fee_paid_minor = u.fee, penalty_paid_minor = u.penalty,
      interest_paid_minor = u.interest, principal_paid_minor = u.principal,
      penalty_accrued_minor = u.penalty_accrued, penalty_through = u.penalty_through,
      fee_due_minor = u.fee_due, late_fee_charged = u.late_fee_charged,
      paid_off_on = CASE
        WHEN i.principal_due_minor + i.interest_due_minor + u.fee_due + u.penalty_accrued
        = u.fee + u.penalty + u.interest + u.principal THEN u.settled_on ELSE NULL END
    FROM unnest($1::bigint[], $2::int[], $3::bigint[], $4::bigint[], $5::bigint[], $6::bigint[],
        $7::date[], $8::bigint[], $9::date[], $10::bigint[], $11::boolean[])
      AS u(account_id, seq, fee, penalty, interest, principal, settled_on, penalty_accrued, penalty_through,
        fee_due, late_fee_charged)
    WHERE i.account_id = u.account_id AND i.seq = u.seq`, columns);
}
