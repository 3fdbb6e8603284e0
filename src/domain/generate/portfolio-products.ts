import { assert } from '../../stdx/assert.ts';
import type { Component, ProductRecord } from '../import/import-records.ts';

/**
 * The three products of the synthetic portfolio, modelled on what borrowers describe of JD's
 * Baitiao (白条) and Jintiao (金条) and on a typical US instalment loan.
 *
 * - The BNPL line splits purchases into 3, 6 or 12 monthly instalments; an overdue bill carries a
 *   违约金 of 0.05% a day on the overdue principal and interest after a 3-day grace. Its instalment
 *   interest (5% a year here, a discounted rate like the frequent fee promotions) plus the 18.25%
 *   a year of the overdue charge stays just under the 24% cap of CN-RATE-03.
 * - The cash loan charges 18% a year (inside the advertised 7.2%–24% range) and penalty interest
 *   (罚息) of 1.5 times the contract rate on the overdue principal: 27% a year, 740 ppm a day.
 *   All-in that is 45% a year, far above the 24% cap; real contracts do this, and the product
 *   cost check flags it rather than the generator hiding it.
 * - The US instalment loan charges 24.99% a year, no penalty interest, a flat $25 late fee per
 *   late instalment after a 10-day grace, under a 36% cap (a common state-law ceiling).
 */
export const PRODUCT_ID = { bnpl: 'cn-bnpl', cash: 'cn-cash', us: 'us-installment' } as const;

export const CN_COST_CAP_BP = 2400;
export const US_COST_CAP_BP = 3600;
export const DAYS_PER_YEAR = 365;
const PPM_PER_BP = 100;

/** Penalty interest at `multiplier` times an annual rate, as parts per million a day. */
export function penaltyPpmPerDay(annualRateBp: number, multiplierPercent: number): number {
  return Math.round((annualRateBp * multiplierPercent * PPM_PER_BP) / (100 * DAYS_PER_YEAR));
}

const ORDER: Component[] = ['fee', 'penalty', 'interest', 'principal'];
const CASH_RATE_BP = 1800;

export const PRODUCTS: readonly ProductRecord[] = [
  {
    id: PRODUCT_ID.bnpl, name: '消费分期 BNPL line (Baitiao-style)', kind: 'bnpl_line', jurisdiction: 'CN',
    currency: 'CNY', interestRateBp: 500, penaltyRatePpmPerDay: 500,
    penaltyBasis: 'overdue_principal_interest', graceDays: 3, lateFeeMinor: 0n,
    allocationMode: 'installment_first', componentOrder: ORDER, costCapBp: CN_COST_CAP_BP,
  },
  {
    id: PRODUCT_ID.cash, name: '现金借款 cash loan (Jintiao-style)', kind: 'cash_loan', jurisdiction: 'CN',
    currency: 'CNY', interestRateBp: CASH_RATE_BP, penaltyRatePpmPerDay: penaltyPpmPerDay(CASH_RATE_BP, 150),
    penaltyBasis: 'overdue_principal', graceDays: 3, lateFeeMinor: 0n, allocationMode: 'installment_first',
    componentOrder: ORDER, costCapBp: CN_COST_CAP_BP,
  },
  {
    id: PRODUCT_ID.us, name: 'US installment loan', kind: 'installment_loan', jurisdiction: 'US',
    currency: 'USD', interestRateBp: 2499, penaltyRatePpmPerDay: 0, penaltyBasis: 'overdue_principal',
    graceDays: 10, lateFeeMinor: 2500n, allocationMode: 'installment_first', componentOrder: ORDER,
    costCapBp: US_COST_CAP_BP,
  },
];

export function productById(id: string): ProductRecord {
  const product = PRODUCTS.find((candidate) => candidate.id === id);
  assert(product !== undefined, `unknown generated product ${id}`);
  return product;
}
