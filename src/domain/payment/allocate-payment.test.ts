// Allocation order is a contract term and a frequent dispute topic, so each ordering rule and the
// overpayment path are pinned down here with exact amounts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allocatePayment, type InstallmentBalance } from './allocate-payment.ts';
import { DEFAULT_COMPONENT_ORDER } from '../product/product-terms.ts';

const zero = { fee: 0n, penalty: 0n, interest: 0n, principal: 0n };

function bill(seq: number, dueDate: string, due: Partial<typeof zero>): InstallmentBalance {
  return { seq, dueDate, due: { ...zero, ...due }, paid: { ...zero } };
}

const twoOverdue = [
  bill(2, '2026-03-10', { fee: 3000n, penalty: 500n, interest: 2000n, principal: 50000n }),
  bill(1, '2026-02-10', { fee: 3000n, penalty: 900n, interest: 2000n, principal: 50000n }),
  bill(3, '2026-04-10', { interest: 2000n, principal: 50000n }),
];
const defaultTerms = {
  allocationMode: 'installment_first' as const, componentOrder: DEFAULT_COMPONENT_ORDER,
};

test('default order: oldest installment first, then fee → penalty → interest → principal', () => {
  const result = allocatePayment({
    installments: twoOverdue, amountMinor: 60000n, valueDate: '2026-03-20', terms: defaultTerms,
  });
  assert.deepEqual(result.lines, [
    { seq: 1, component: 'fee', amountMinor: 3000n },
    { seq: 1, component: 'penalty', amountMinor: 900n },
    { seq: 1, component: 'interest', amountMinor: 2000n },
    { seq: 1, component: 'principal', amountMinor: 50000n },
    { seq: 2, component: 'fee', amountMinor: 3000n },
    { seq: 2, component: 'penalty', amountMinor: 500n },
    { seq: 2, component: 'interest', amountMinor: 600n },
  ]);
  assert.equal(result.creditedMinor, 0n);
});

test('component-first order pays every fee before any penalty', () => {
  const terms = { allocationMode: 'component_first' as const, componentOrder: DEFAULT_COMPONENT_ORDER };
  const result = allocatePayment({
    installments: twoOverdue, amountMinor: 7000n, valueDate: '2026-03-20', terms,
  });
  assert.deepEqual(result.lines, [
    { seq: 1, component: 'fee', amountMinor: 3000n },
    { seq: 2, component: 'fee', amountMinor: 3000n },
    { seq: 1, component: 'penalty', amountMinor: 900n },
    { seq: 2, component: 'penalty', amountMinor: 100n },
  ]);
});

test('a declared principal-first order is honoured', () => {
  const terms = {
    allocationMode: 'installment_first' as const,
    componentOrder: ['principal', 'interest', 'penalty', 'fee'] as const,
  };
  const result = allocatePayment({
    installments: twoOverdue, amountMinor: 51000n, valueDate: '2026-03-20',
    terms: { ...terms, componentOrder: [...terms.componentOrder] },
  });
  assert.deepEqual(result.lines.slice(0, 2), [
    { seq: 1, component: 'principal', amountMinor: 50000n },
    { seq: 1, component: 'interest', amountMinor: 1000n },
  ]);
});

test('installments not yet due on the value date are not paid; the rest becomes credit', () => {
  const result = allocatePayment({
    installments: twoOverdue, amountMinor: 200000n, valueDate: '2026-03-20', terms: defaultTerms,
  });
  const owedDue = 3000n + 900n + 2000n + 50000n + 3000n + 500n + 2000n + 50000n;
  assert.equal(result.creditedMinor, 200000n - owedDue);
  assert.deepEqual(
    result.lines.at(-1), { seq: null, component: 'credit', amountMinor: 200000n - owedDue },
  );
  assert.ok(result.lines.every((line) => line.seq !== 3));
  assert.deepEqual(result.installments[2]!.paid, zero);
});

test('the value date equal to a due date pays that installment (due today is payable today)', () => {
  const result = allocatePayment({
    installments: twoOverdue, amountMinor: 1000n, valueDate: '2026-02-10', terms: defaultTerms,
  });
  assert.deepEqual(result.lines, [{ seq: 1, component: 'fee', amountMinor: 1000n }]);
});

test('partially paid installments are continued, not restarted', () => {
  const partly: InstallmentBalance = {
    ...bill(1, '2026-02-10', { fee: 3000n, interest: 2000n, principal: 5000n }),
    paid: { ...zero, fee: 3000n, interest: 500n },
  };
  const result = allocatePayment({
    installments: [partly], amountMinor: 2000n, valueDate: '2026-02-11', terms: defaultTerms,
  });
  assert.deepEqual(result.lines, [
    { seq: 1, component: 'interest', amountMinor: 1500n },
    { seq: 1, component: 'principal', amountMinor: 500n },
  ]);
  assert.deepEqual(
    result.installments[0]!.paid, { fee: 3000n, penalty: 0n, interest: 2000n, principal: 500n },
  );
});
