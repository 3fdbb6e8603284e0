import type { Db } from '../../db/database.ts';
import { columnsLike, columnsOf, copyRowOf } from '../../db/schema.ts';
import type { ProductRecord } from '../../domain/import/import-records.ts';
import type { Item } from './load-records.ts';
import {
  rejectStaged, stageRows, text, updateChanged, upsertStaged, type BatchResult,
} from './stage-rows.ts';

/**
 * Upserts products by id. A product's currency cannot change once it exists: its accounts are
 * kept in that currency.
 */
const STAGE = 'import_stage_product';
/** Every column of a product but the instant it was written, staged as the table types them. */
const NAMES = columnsOf('product', ['created_at']);
const COLUMNS = columnsLike('product', NAMES);
const stagedRow = copyRowOf(['line', ...NAMES]);
const UPDATED = columnsOf('product', ['id', 'created_at']);

export async function loadProducts(tx: Db, items: readonly Item<ProductRecord>[]): Promise<BatchResult> {
  await stageRows(tx, STAGE, COLUMNS, items.map(({ line, record: r }) => stagedRow({
    line: String(line),
    id: r.id, name: r.name, kind: r.kind, jurisdiction: r.jurisdiction, currency: r.currency,
    interest_rate_bp: text(r.interestRateBp), penalty_rate_ppm_per_day: text(r.penaltyRatePpmPerDay),
    penalty_basis: r.penaltyBasis, grace_days: text(r.graceDays), late_fee_minor: text(r.lateFeeMinor),
    allocation_mode: r.allocationMode, component_order: `{${r.componentOrder.join(',')}}`,
    cost_cap_bp: text(r.costCapBp),
  })));
  const errors = await rejectStaged(tx, [{
    sql: `DELETE FROM ${STAGE} s WHERE (SELECT p.currency FROM product p WHERE p.id = s.id) <> s.currency
      RETURNING s.line`,
    field: 'currency', reason: 'immutable_field',
    message: 'The currency of an existing product cannot change.',
  }]);
  return upsertStaged(tx, `INSERT INTO product AS t (${NAMES.join(', ')})
    SELECT ${NAMES.join(', ')} FROM ${STAGE} ORDER BY line
    ON CONFLICT (id) ${updateChanged('t', UPDATED)} RETURNING 1`, items.length, errors);
}
