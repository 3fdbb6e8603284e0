import { assert } from '../../stdx/assert.ts';
import type { CivilDate } from '../../stdx/civil-date.ts';
import { minMinor, type Minor } from '../../stdx/money.ts';
import type { Component } from '../import/import-records.ts';
import type { ProductTerms } from '../product/product-terms.ts';

/**
 * Splits a payment over what a borrower owes, in the order the product's contract declares (R16).
 *
 * Only installments already due on the value date are paid; whatever is left becomes a credit
 * balance on the account, which later pays each installment as it falls due. That keeps a
 * payment's effect explainable line by line ("¥30.00 paid the late fee of bill 2, ¥12.40 its
 * penalty interest …") and turns an overpayment into money the borrower can see and reclaim,
 * rather than silently prepaying principal.
 */
export type ComponentAmounts = Record<Component, Minor>;

export type InstallmentBalance = {
  readonly seq: number;
  readonly dueDate: CivilDate;
  readonly due: Readonly<ComponentAmounts>;
  readonly paid: Readonly<ComponentAmounts>;
};

export type AllocationLine = {
  /** null for the part that became a credit balance. */
  seq: number | null;
  component: Component | 'credit';
  amountMinor: Minor;
};

export type AllocationResult = {
  lines: AllocationLine[];
  creditedMinor: Minor;
  /** The installments after the payment, in the order given. */
  installments: InstallmentBalance[];
};

export type AllocatePaymentOptions = {
  installments: readonly InstallmentBalance[];
  amountMinor: Minor;
  valueDate: CivilDate;
  terms: Pick<ProductTerms, 'allocationMode' | 'componentOrder'>;
};

export function allocatePayment(options: AllocatePaymentOptions): AllocationResult {
  const { amountMinor, valueDate, terms } = options;
  assert(amountMinor > 0n, 'a payment allocates a positive amount');
  assert(new Set(terms.componentOrder).size === 4, 'component order names each component once');
  const paid = options.installments.map((installment) => ({ ...installment.paid }));
  const eligible = options.installments
    .map((installment, index) => ({ installment, index }))
    .filter(({ installment }) => installment.dueDate <= valueDate)
    .sort((left, right) => compareInstallments(left.installment, right.installment));
  const steps: { index: number; component: Component }[] = [];
  if (terms.allocationMode === 'installment_first') {
    for (const { index } of eligible) {
      for (const component of terms.componentOrder) steps.push({ index, component });
    }
  } else {
    for (const component of terms.componentOrder) {
      for (const { index } of eligible) steps.push({ index, component });
    }
  }
  const lines: AllocationLine[] = [];
  let left = amountMinor;
  for (const { index, component } of steps) {
    if (left === 0n) break;
    const installment = options.installments[index]!;
    const owed = installment.due[component] - paid[index]![component];
    assert(owed >= 0n, `installment ${installment.seq} has ${component} paid above due`);
    const amount = minMinor(owed, left);
    if (amount === 0n) continue;
    paid[index]![component] += amount;
    left -= amount;
    lines.push({ seq: installment.seq, component, amountMinor: amount });
  }
  if (left > 0n) lines.push({ seq: null, component: 'credit', amountMinor: left });
  const allocated = lines.reduce((total, line) => total + line.amountMinor, 0n);
  assert(allocated === amountMinor, 'allocation lines must add up to the payment');
  return {
    lines,
    creditedMinor: left,
    installments: options.installments.map((installment, index) => ({ ...installment, paid: paid[index]! })),
  };
}

function compareInstallments(left: InstallmentBalance, right: InstallmentBalance): number {
  if (left.dueDate !== right.dueDate) return left.dueDate < right.dueDate ? -1 : 1;
  return left.seq - right.seq;
}

export function remainingMinor(installment: InstallmentBalance): Minor {
  let total = 0n;
  for (const component of ['fee', 'penalty', 'interest', 'principal'] as const) {
    total += installment.due[component] - installment.paid[component];
  }
  return total;
}
