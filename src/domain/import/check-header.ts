import { findInvalidCharacter } from '../input/find-invalid-character.ts';
import type { FieldProblem } from './field-rules.ts';
import { invalidCharacterProblem } from './find-invalid-cell.ts';
import type { ImportKind } from './import-records.ts';

/**
 * The columns of each kind of import file (docs/import.md), and the check of a CSV header against
 * them. A header is checked once, before any row: a missing required column would otherwise fail
 * every row of a million-row file with the same message, and an unknown column is most often a
 * misspelt optional one (`fee_du`) whose amounts would silently default to zero.
 */
export type ColumnSpec = { readonly name: string; readonly required: boolean };

const required = (...names: string[]): ColumnSpec[] => names.map((name) => ({ name, required: true }));
const optional = (...names: string[]): ColumnSpec[] => names.map((name) => ({ name, required: false }));

export const IMPORT_COLUMN_SPECS: { readonly [K in ImportKind]: readonly ColumnSpec[] } = {
  products: [
    ...required('id', 'name', 'kind', 'jurisdiction', 'currency', 'interest_rate_bp',
      'penalty_rate_ppm_per_day'),
    ...optional('penalty_basis', 'grace_days', 'late_fee', 'allocation_mode', 'component_order',
      'cost_cap_bp'),
  ],
  parties: [
    ...required('external_id', 'kind'),
    ...optional('borrower_external_id', 'relationship'),
    ...required('full_name', 'time_zone'),
    ...optional('extra_time_zones', 'city'),
    ...required('country'),
    ...optional('locale'),
  ],
  contact_points: [
    ...required('external_id', 'party_external_id', 'kind', 'value'),
    ...optional('status', 'employer_provided', 'workplace'),
  ],
  accounts: [
    ...required('external_id', 'borrower_external_id', 'product_id', 'currency'),
    ...optional('credit_limit'),
    ...required('principal', 'opened_on'),
    ...optional('status'),
  ],
  installments: [
    ...required('account_external_id', 'seq', 'due_date', 'principal_due'),
    ...optional('interest_due', 'fee_due', 'principal_paid', 'interest_paid', 'fee_paid'),
  ],
  payments: required('idempotency_key', 'account_external_id', 'amount', 'currency', 'value_date', 'channel'),
};

/** Problems of a CSV header, in column order; an empty list means the header is good. */
export function checkHeader(kind: ImportKind, header: readonly string[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name) && findInvalidCharacter(name) === -1) {
      const message = `The column ${name} appears twice.`;
      problems.push({ field: name, reason: 'duplicate_column', message });
    }
    seen.add(name);
  }
  problems.push(...unknownFields(kind, header));
  for (const spec of IMPORT_COLUMN_SPECS[kind]) {
    if (spec.required && !seen.has(spec.name)) {
      const message = `The required column ${spec.name} is absent.`;
      problems.push({ field: spec.name, reason: 'missing_column', message });
    }
  }
  return problems;
}

/**
 * Names that are not columns of the kind (for a CSV header or the keys of a JSONL object). A name
 * holding a NUL or a lone surrogate is reported as such, unnamed, since echoing it would carry the
 * character into the error report.
 */
export function unknownFields(kind: ImportKind, names: readonly string[]): FieldProblem[] {
  const known = IMPORT_COLUMN_SPECS[kind];
  return names.filter((name) => !known.some((spec) => spec.name === name)).map((name) => {
    const index = findInvalidCharacter(name);
    if (index !== -1) return invalidCharacterProblem(null, name, index, 'A column name');
    const column = name === '' ? 'An unnamed column' : `The column ${name}`;
    const message = `${column} is not part of the ${kind} format.`;
    return { field: name, reason: 'unknown_column', message };
  });
}
