import type { Db } from '../../db/database.ts';
import type { Row } from '../../db/schema.ts';
import type { Component } from '../../domain/import/import-records.ts';
import type { ProductTerms } from '../../domain/product/product-terms.ts';

/** A product's terms as stored, its text columns narrowed to the values product's checks allow. */
type ProductRow = Pick<Row<'product'>, 'id' | 'currency' | 'interest_rate_bp' | 'penalty_rate_ppm_per_day'
  | 'grace_days' | 'late_fee_minor' | 'cost_cap_bp'> & {
  jurisdiction: 'CN' | 'US' | 'UK'; penalty_basis: ProductTerms['penaltyBasis'];
  allocation_mode: ProductTerms['allocationMode']; component_order: Component[];
};

/** Every product's terms, by id. Products are few; the cycle loads them once per run. */
export async function loadProductTerms(db: Db): Promise<Map<string, ProductTerms>> {
  const rows = await db.query<ProductRow>(`SELECT id, currency, jurisdiction, interest_rate_bp,
    penalty_rate_ppm_per_day, penalty_basis, grace_days, late_fee_minor, allocation_mode, component_order,
    cost_cap_bp FROM product`);
  return new Map(rows.map((row) => [row.id, {
    id: row.id,
    currency: row.currency,
    jurisdiction: row.jurisdiction,
    interestRateBp: row.interest_rate_bp,
    penaltyRatePpmPerDay: row.penalty_rate_ppm_per_day,
    penaltyBasis: row.penalty_basis,
    graceDays: row.grace_days,
    lateFeeMinor: row.late_fee_minor,
    allocationMode: row.allocation_mode,
    componentOrder: row.component_order,
    costCapBp: row.cost_cap_bp,
  }]));
}
