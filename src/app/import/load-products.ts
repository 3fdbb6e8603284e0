import type { Db } from '../../db/database.ts';
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
const COLUMNS = [
  ['id', 'text'], ['name', 'text'], ['kind', 'text'], ['jurisdiction', 'text'], ['currency', 'text'],
  ['interest_rate_bp', 'integer'], ['penalty_rate_ppm_per_day', 'integer'], ['penalty_basis', 'text'],
  ['grace_days', 'integer'], ['late_fee_minor', 'bigint'], ['allocation_mode', 'text'],
  ['component_order', 'text[]'], ['cost_cap_bp', 'integer'],
] as const;

const NAMES = COLUMNS.map(([name]) => name);

export async function loadProducts(tx: Db, items: readonly Item<ProductRecord>[]): Promise<BatchResult> {
  await stageRows(tx, STAGE, COLUMNS, items.map(({ line, record: r }) => [String(line), r.id, r.name, r.kind,
    r.jurisdiction, r.currency, text(r.interestRateBp), text(r.penaltyRatePpmPerDay), r.penaltyBasis,
    text(r.graceDays), text(r.lateFeeMinor), r.allocationMode, `{${r.componentOrder.join(',')}}`,
    text(r.costCapBp)]));
  const errors = await rejectStaged(tx, [{
    sql: `DELETE FROM ${STAGE} s WHERE (SELECT p.currency FROM product p WHERE p.id = s.id) <> s.currency
      RETURNING s.line`,
    field: 'currency', reason: 'immutable_field',
    message: 'The currency of an existing product cannot change.',
  }]);
  return upsertStaged(tx, `INSERT INTO product AS t (${NAMES.join(', ')})
    SELECT ${NAMES.join(', ')} FROM ${STAGE} ORDER BY line
    ON CONFLICT (id) ${updateChanged('t', NAMES.slice(1))} RETURNING 1`, items.length, errors);
}
