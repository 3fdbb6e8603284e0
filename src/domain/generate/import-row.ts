import { formatMajor as formatMajorExact, minorDigits, type Minor } from '../../stdx/money.ts';
import type { ImportKind } from '../import/import-records.ts';
import type { RecordOf } from './record-of.ts';

/**
 * Records as rows of the import format (docs/import.md): the columns are the snake_case of the
 * record fields, amounts are decimal major units without the `_minor` suffix, lists are joined
 * with ";" and booleans are true/false. A file written this way reads back into the same records.
 */
export const IMPORT_COLUMNS: { readonly [K in ImportKind]: readonly string[] } = {
  products: ['id', 'name', 'kind', 'jurisdiction', 'currency', 'interest_rate_bp', 'penalty_rate_ppm_per_day',
    'penalty_basis', 'grace_days', 'late_fee', 'allocation_mode', 'component_order', 'cost_cap_bp'],
  parties: ['external_id', 'kind', 'borrower_external_id', 'relationship', 'full_name', 'time_zone',
    'extra_time_zones', 'city', 'country', 'locale'],
  contact_points: ['external_id', 'party_external_id', 'kind', 'value', 'status', 'employer_provided'],
  accounts: ['external_id', 'borrower_external_id', 'product_id', 'currency', 'credit_limit', 'principal',
    'opened_on', 'status'],
  installments: ['account_external_id', 'seq', 'due_date', 'principal_due', 'interest_due', 'fee_due',
    'principal_paid', 'interest_paid', 'fee_paid'],
  payments: ['idempotency_key', 'account_external_id', 'amount', 'currency', 'value_date', 'channel'],
};

export type ImportRow = (string | null)[];

/**
 * formatMajor with a fast path for the two-decimal currencies every generated product uses: the
 * files of a million borrowers hold some eighty million amounts, and digit slicing is several
 * times faster than the general bigint division. Other currencies take the general path.
 */
function formatMajor(amountMinor: Minor, currency: string): string {
  if (amountMinor < 0n || minorDigits(currency) !== 2) return formatMajorExact(amountMinor, currency);
  if (amountMinor === 0n) return '0.00';
  const digits = amountMinor < 100n ? String(amountMinor).padStart(3, '0') : String(amountMinor);
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

type Formatters = { readonly [Kind in ImportKind]: (record: RecordOf<Kind>, currency: string) => ImportRow };

const FORMATTERS: Formatters = {
  products: (r) => [r.id, r.name, r.kind, r.jurisdiction, r.currency, String(r.interestRateBp),
    String(r.penaltyRatePpmPerDay), r.penaltyBasis, String(r.graceDays),
    formatMajor(r.lateFeeMinor, r.currency), r.allocationMode, r.componentOrder.join(';'),
    String(r.costCapBp)],
  parties: (r) => [r.externalId, r.kind, r.borrowerExternalId, r.relationship, r.fullName, r.timeZone,
    r.extraTimeZones.join(';'), r.city, r.country, r.locale],
  contact_points: (r) => [
    r.externalId, r.partyExternalId, r.kind, r.value, r.status, String(r.employerProvided),
  ],
  accounts: (r) => [r.externalId, r.borrowerExternalId, r.productId, r.currency,
    formatMajor(r.creditLimitMinor, r.currency), formatMajor(r.principalMinor, r.currency), r.openedOn,
    r.status],
  installments: (r, currency) => [r.accountExternalId, String(r.seq), r.dueDate,
    formatMajor(r.principalDueMinor, currency), formatMajor(r.interestDueMinor, currency),
    formatMajor(r.feeDueMinor, currency), formatMajor(r.principalPaidMinor, currency),
    formatMajor(r.interestPaidMinor, currency), formatMajor(r.feePaidMinor, currency)],
  payments: (r) => [r.idempotencyKey, r.accountExternalId, formatMajor(r.amountMinor, r.currency), r.currency,
    r.valueDate, r.channel],
};

/**
 * One record as the cells of its row, in IMPORT_COLUMNS order. Installments carry no currency of
 * their own: `currency` is their account's.
 */
export function importRow<K extends ImportKind>(kind: K, record: RecordOf<K>, currency: string): ImportRow {
  return (FORMATTERS[kind] as (record: RecordOf<K>, currency: string) => ImportRow)(record, currency);
}

/** RFC 4180 CSV: a cell is quoted only when it must be (comma, quote, line break, edge spaces). */
export function csvLine(cells: ImportRow): string {
  const out: string[] = new Array<string>(cells.length);
  for (let index = 0; index < cells.length; index += 1) {
    const cell = cells[index] ?? '';
    out[index] = NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
  }
  return `${out.join(',')}\n`;
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
