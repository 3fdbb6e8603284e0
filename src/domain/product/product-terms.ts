import type { Minor } from '../../stdx/money.ts';
import type { Component, ProductRecord } from '../import/import-records.ts';

/**
 * The terms of a credit product that the ledger applies: contract interest, penalty interest
 * (罚息) with its rate and basis, grace days, the late fee, and the order in which a payment pays
 * down what is owed. Products are data; nothing in the ledger special-cases a product by name.
 */
export type ProductTerms = Pick<ProductRecord,
  'id' | 'currency' | 'jurisdiction' | 'interestRateBp' | 'penaltyRatePpmPerDay' | 'penaltyBasis'
  | 'graceDays' | 'allocationMode' | 'costCapBp'> & {
  lateFeeMinor: Minor;
  componentOrder: readonly Component[];
};

/** Fees, then penalty, then interest, then principal: the default of most lenders' contracts. */
export const DEFAULT_COMPONENT_ORDER: readonly Component[] = ['fee', 'penalty', 'interest', 'principal'];

/** Parts per million per day → basis points per year (365-day year: penalty accrues every day). */
export const DAYS_PER_YEAR = 365;

export function penaltyAnnualBp(penaltyRatePpmPerDay: number): number {
  // ppm is 1e-6 and a basis point is 1e-4, so ppm/day × 365 / 100 = bp/year.
  return (penaltyRatePpmPerDay * DAYS_PER_YEAR) / 100;
}
