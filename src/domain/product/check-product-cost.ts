import { penaltyAnnualBp, type ProductTerms } from './product-terms.ts';

/**
 * The all-in annualised cost of a product once a borrower is overdue: contract interest plus
 * penalty interest, as a yearly rate. Chinese courts cut the part of interest, penalty interest
 * and fees that together exceed 24% a year for licensed lenders (CN-RATE-03; the 4×LPR private-
 * lending cap does not apply to them, CN-RATE-02), so a product above its cap is flagged for
 * review: collecting the excess invites a court to cut it and a regulator to ask why.
 *
 * Late fees are flat amounts, not rates; they are listed but not annualised here, because their
 * weight depends on the balance. The per-account view shows them itemised.
 */
export const COST_CAP_CITATION = 'CN-RATE-03 (SPC 2017 opinion, 法发〔2017〕22号; Civil Code art 680); CN-RATE-02';

export type ProductCostCheck = {
  productId: string;
  annualisedCostBp: number;
  costCapBp: number;
  exceedsCap: boolean;
  reason: 'within_cost_cap' | 'all_in_cost_above_cap';
  citation: string;
};

export function checkProductCost(terms: Pick<ProductTerms,
  'id' | 'interestRateBp' | 'penaltyRatePpmPerDay' | 'costCapBp'>): ProductCostCheck {
  const annualisedCostBp = Math.round(terms.interestRateBp + penaltyAnnualBp(terms.penaltyRatePpmPerDay));
  const exceedsCap = annualisedCostBp > terms.costCapBp;
  return {
    productId: terms.id,
    annualisedCostBp,
    costCapBp: terms.costCapBp,
    exceedsCap,
    reason: exceedsCap ? 'all_in_cost_above_cap' : 'within_cost_cap',
    citation: COST_CAP_CITATION,
  };
}
