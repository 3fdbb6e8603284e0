import {
  GRACE_DAYS_MAX, IMPORT_AMOUNT_MINOR_MAX, INSTALLMENTS_PER_ACCOUNT_MAX, RATE_BP_MAX,
} from '../../config/limits.ts';
import type { CivilDate } from '../../stdx/civil-date.ts';
import { isCurrency } from '../../stdx/money.ts';
import { findInvalidCharacter } from '../input/find-invalid-character.ts';
import { EXTERNAL_ID_PATTERN, isRealDate, isTimeZone, type FieldProblem } from './field-rules.ts';
import { invalidCharacterProblem } from './find-invalid-cell.ts';
import {
  ACCOUNT_STATUSES, ALLOCATION_MODES, COMPONENTS, CONTACT_POINT_KINDS, CONTACT_POINT_STATUSES, JURISDICTIONS,
  PARTY_KINDS, PENALTY_BASES, PRODUCT_KINDS, RELATIONSHIPS, type AccountRecord, type ContactPointRecord,
  type ImportKind, type InstallmentRecord, type PartyRecord, type PaymentRecord, type ProductRecord,
} from './import-records.ts';
import {
  CHANNEL_PATTERN, COUNTRY_PATTERN, PAYMENT_KEY_PATTERN, paidAboveDue, paymentAmountMinorMax,
  valueDateAheadProblem,
} from './validate-record.ts';

/**
 * The cheap checks of a record that arrives already typed (from the portfolio generator or another
 * caller of `importRecords`): the invariants the database would otherwise enforce by failing the
 * whole batch (text holding a NUL or a lone surrogate, negative amounts, paid above due, unknown
 * values, impossible dates) and the bounds that keep absurd amounts and value dates off the ledger.
 * Text parsing is skipped, since the values are already numbers and bigints. Returns the first
 * problem, named by its column in the file format, or null.
 */
type Check = [field: string, reason: string, failed: boolean];

const MESSAGES: Readonly<Record<string, string>> = {
  invalid_value: 'is not one of the allowed values or formats',
  out_of_range: 'is outside its bounds',
  negative_amount: 'is negative',
  invalid_amount: 'must be above zero',
  amount_out_of_range: 'is above the largest amount accepted',
  invalid_currency: 'is not a supported ISO 4217 code',
  invalid_date: 'is not a real date YYYY-MM-DD',
  invalid_time_zone: 'is not an IANA time zone',
  missing_field: 'is required',
};

function first(checks: readonly Check[]): FieldProblem | null {
  for (const [field, reason, failed] of checks) {
    if (failed) return { field, reason, message: `${field} ${MESSAGES[reason] ?? 'is not valid'}.` };
  }
  return null;
}

const notIn = (values: readonly string[], value: string) => !values.includes(value);
const badId = (value: string) => !EXTERNAL_ID_PATTERN.test(value);
const negative = (value: bigint) => value < 0n;
const absurd = (value: bigint) => value > IMPORT_AMOUNT_MINOR_MAX;
const badInteger = (value: number, min: number, max: number) =>
  !Number.isInteger(value) || value < min || value > max;

/** `today` is the business date of the import, which bounds a payment's value date from above. */
export function checkRecord(
  kind: ImportKind, record: unknown, today: CivilDate | null = null,
): FieldProblem | null {
  return findInvalidText(record as Readonly<Record<string, unknown>>) ?? checkKind(kind, record, today);
}

/**
 * The first text of a record (a string, or a string in a list) holding a NUL or a lone surrogate,
 * named by its column in the file format (`fullName` → `full_name`). Every text of a record reaches
 * a `text` column or a lookup, where such a character would fail the batch or be silently replaced.
 */
export function findInvalidText(record: Readonly<Record<string, unknown>>): FieldProblem | null {
  for (const key in record) {
    const value = record[key];
    if (typeof value === 'string') {
      const index = findInvalidCharacter(value);
      if (index !== -1) return invalidCharacterProblem(columnOf(key), value, index);
    } else if (Array.isArray(value)) {
      for (const item of value as unknown[]) {
        const index = typeof item === 'string' ? findInvalidCharacter(item) : -1;
        if (index !== -1) return invalidCharacterProblem(columnOf(key), item as string, index);
      }
    }
  }
  return null;
}

const columnOf = (key: string) => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

function checkKind(kind: ImportKind, record: unknown, today: CivilDate | null): FieldProblem | null {
  switch (kind) {
    case 'products': return checkProduct(record as ProductRecord);
    case 'parties': return checkParty(record as PartyRecord);
    case 'contact_points': return checkContactPoint(record as ContactPointRecord);
    case 'accounts': return checkAccount(record as AccountRecord);
    case 'installments': return checkInstallment(record as InstallmentRecord);
    case 'payments': return checkPayment(record as PaymentRecord, today);
  }
}

function checkProduct(product: ProductRecord): FieldProblem | null {
  const order = product.componentOrder;
  return first([
    ['id', 'invalid_value', badId(product.id)],
    ['kind', 'invalid_value', notIn(PRODUCT_KINDS, product.kind)],
    ['jurisdiction', 'invalid_value', notIn(JURISDICTIONS, product.jurisdiction)],
    ['currency', 'invalid_currency', !isCurrency(product.currency)],
    ['interest_rate_bp', 'out_of_range', badInteger(product.interestRateBp, 0, RATE_BP_MAX)],
    ['penalty_rate_ppm_per_day', 'out_of_range', badInteger(product.penaltyRatePpmPerDay, 0, RATE_BP_MAX)],
    ['penalty_basis', 'invalid_value', notIn(PENALTY_BASES, product.penaltyBasis)],
    ['grace_days', 'out_of_range', badInteger(product.graceDays, 0, GRACE_DAYS_MAX)],
    ['late_fee', 'negative_amount', negative(product.lateFeeMinor)],
    ['late_fee', 'amount_out_of_range', absurd(product.lateFeeMinor)],
    ['allocation_mode', 'invalid_value', notIn(ALLOCATION_MODES, product.allocationMode)],
    ['component_order', 'invalid_value', order.length !== COMPONENTS.length
      || new Set(order).size !== order.length || order.some((component) => notIn(COMPONENTS, component))],
    ['cost_cap_bp', 'out_of_range', badInteger(product.costCapBp, 1, RATE_BP_MAX)],
  ]);
}

function checkParty(party: PartyRecord): FieldProblem | null {
  const borrower = party.kind === 'borrower';
  return first([
    ['external_id', 'invalid_value', badId(party.externalId)],
    ['kind', 'invalid_value', notIn(PARTY_KINDS, party.kind)],
    ['borrower_external_id', 'missing_field', !borrower && party.borrowerExternalId === null],
    ['relationship', 'invalid_value', notIn(RELATIONSHIPS, party.relationship)
      || borrower !== (party.relationship === 'self')],
    ['full_name', 'missing_field', party.fullName.trim() === ''],
    ['time_zone', 'invalid_time_zone', !isTimeZone(party.timeZone)],
    ['extra_time_zones', 'invalid_time_zone', party.extraTimeZones.some((zone) => !isTimeZone(zone))],
    ['country', 'invalid_value', !COUNTRY_PATTERN.test(party.country)],
  ]);
}

function checkContactPoint(point: ContactPointRecord): FieldProblem | null {
  return first([
    ['external_id', 'invalid_value', badId(point.externalId)],
    ['kind', 'invalid_value', notIn(CONTACT_POINT_KINDS, point.kind)],
    ['value', 'missing_field', point.value.trim() === ''],
    ['status', 'invalid_value', notIn(CONTACT_POINT_STATUSES, point.status)],
  ]);
}

function checkAccount(account: AccountRecord): FieldProblem | null {
  return first([
    ['external_id', 'invalid_value', badId(account.externalId)],
    ['currency', 'invalid_currency', !isCurrency(account.currency)],
    ['credit_limit', 'negative_amount', negative(account.creditLimitMinor)],
    ['principal', 'negative_amount', negative(account.principalMinor)],
    ['credit_limit', 'amount_out_of_range', absurd(account.creditLimitMinor)],
    ['principal', 'amount_out_of_range', absurd(account.principalMinor)],
    ['opened_on', 'invalid_date', !isRealDate(account.openedOn)],
    ['status', 'invalid_value', notIn(ACCOUNT_STATUSES, account.status)],
  ]);
}

function checkInstallment(line: InstallmentRecord): FieldProblem | null {
  return first([
    ['seq', 'out_of_range', badInteger(line.seq, 1, INSTALLMENTS_PER_ACCOUNT_MAX)],
    ['due_date', 'invalid_date', !isRealDate(line.dueDate)],
    ['principal_due', 'negative_amount', negative(line.principalDueMinor)],
    ['interest_due', 'negative_amount', negative(line.interestDueMinor)],
    ['fee_due', 'negative_amount', negative(line.feeDueMinor)],
    ['principal_paid', 'negative_amount', negative(line.principalPaidMinor)],
    ['interest_paid', 'negative_amount', negative(line.interestPaidMinor)],
    ['fee_paid', 'negative_amount', negative(line.feePaidMinor)],
    // The paid amounts are at most the due ones (paidAboveDue), so bounding these bounds all six.
    ['principal_due', 'amount_out_of_range', absurd(line.principalDueMinor)],
    ['interest_due', 'amount_out_of_range', absurd(line.interestDueMinor)],
    ['fee_due', 'amount_out_of_range', absurd(line.feeDueMinor)],
  ]) ?? paidAboveDue(line);
}

function checkPayment(payment: PaymentRecord, today: CivilDate | null): FieldProblem | null {
  const realDate = isRealDate(payment.valueDate);
  return first([
    ['idempotency_key', 'invalid_value', !PAYMENT_KEY_PATTERN.test(payment.idempotencyKey)],
    ['amount', 'negative_amount', negative(payment.amountMinor)],
    ['amount', 'invalid_amount', payment.amountMinor === 0n],
    ['amount', 'amount_out_of_range', payment.amountMinor > paymentAmountMinorMax(payment.currency)],
    ['currency', 'invalid_currency', !isCurrency(payment.currency)],
    ['value_date', 'invalid_date', !realDate],
    ['channel', 'invalid_value', !CHANNEL_PATTERN.test(payment.channel)],
  ]) ?? (realDate ? valueDateAheadProblem(payment.valueDate, today) : null);
}
