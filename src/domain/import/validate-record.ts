import {
  GRACE_DAYS_MAX, INSTALLMENTS_PER_ACCOUNT_MAX, PAYMENT_AMOUNT_MINOR_MAX, PAYMENT_AMOUNT_MINOR_MAX_DEFAULT,
  PAYMENT_VALUE_DATE_AHEAD_DAYS_MAX, RATE_BP_MAX,
} from '../../config/limits.ts';
import { addDays, type CivilDate } from '../../stdx/civil-date.ts';
import type { Minor } from '../../stdx/money.ts';
import {
  amount, boolean, civilDate, currency, EXTERNAL_ID_PATTERN, fail, integer, list, oneOf, optionalText,
  requiredText, timeZone, type FieldProblem, type Parsed, type RawRow,
} from './field-rules.ts';
import {
  ACCOUNT_STATUSES, ALLOCATION_MODES, COMPONENTS, CONTACT_POINT_KINDS, CONTACT_POINT_STATUSES,
  JURISDICTIONS, PARTY_KINDS, PENALTY_BASES, PRODUCT_KINDS, RELATIONSHIPS, type AccountRecord,
  type Component, type ContactPointRecord, type ImportKind, type InstallmentRecord, type PartyRecord,
  type PaymentRecord, type ProductRecord,
} from './import-records.ts';

/**
 * Validates one raw import row (column → text) into its record, collecting every problem of the
 * row rather than stopping at the first, so one pass over a file tells the lender all that is
 * wrong. Amounts of installments are validated against the account's currency, which the caller
 * looks up and passes in (`accountCurrency`); a row whose account is unknown is reported as such.
 */
export type Validation<T> = { ok: true; record: T } | { ok: false; problems: FieldProblem[] };

type Fields = Record<string, Parsed<unknown>>;

export const COST_CAP_BP_DEFAULT = 2400;
export const PAYMENT_KEY_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;
export const CHANNEL_PATTERN = /^[a-z][a-z0-9_]{0,31}$/;
export const COUNTRY_PATTERN = /^[A-Z]{2}$/;
export const LOCALE_PATTERN = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
export const LOCALE_DEFAULT = 'zh-CN';

function collect<T>(fields: Fields): Validation<T> {
  const problems: FieldProblem[] = [];
  const values: Record<string, unknown> = {};
  for (const name in fields) {
    const parsed = fields[name]!;
    if (parsed.ok) values[name] = parsed.value;
    else problems.push(parsed.problem);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, record: values as T };
}

const id = (row: RawRow, field: string) => requiredText(row, field, EXTERNAL_ID_PATTERN);

function componentOrder(row: RawRow): Parsed<Component[]> {
  const order = list(row, 'component_order');
  if (order.length === 0) return { ok: true, value: [...COMPONENTS] };
  const known = order.every((item) => (COMPONENTS as readonly string[]).includes(item));
  if (order.length === COMPONENTS.length && new Set(order).size === COMPONENTS.length && known) {
    return { ok: true, value: order as Component[] };
  }
  return fail('component_order', 'invalid_value',
    'component_order must name fee, penalty, interest and principal once each, separated by ";".');
}

export function validateProduct(row: RawRow): Validation<ProductRecord> {
  const code = currency(row, 'currency');
  return collect({
    id: id(row, 'id'), name: requiredText(row, 'name'), kind: oneOf(row, 'kind', PRODUCT_KINDS),
    jurisdiction: oneOf(row, 'jurisdiction', JURISDICTIONS), currency: code,
    interestRateBp: integer(row, 'interest_rate_bp', 0, RATE_BP_MAX),
    penaltyRatePpmPerDay: integer(row, 'penalty_rate_ppm_per_day', 0, RATE_BP_MAX),
    penaltyBasis: oneOf(row, 'penalty_basis', PENALTY_BASES, 'overdue_principal'),
    graceDays: integer(row, 'grace_days', 0, GRACE_DAYS_MAX, 0),
    lateFeeMinor: code.ok ? amount(row, 'late_fee', code.value, 0n) : { ok: true, value: 0n },
    allocationMode: oneOf(row, 'allocation_mode', ALLOCATION_MODES, 'installment_first'),
    componentOrder: componentOrder(row),
    costCapBp: integer(row, 'cost_cap_bp', 1, RATE_BP_MAX, COST_CAP_BP_DEFAULT),
  });
}

/** A borrower is its own party ("self"); a contact person names its borrower and is never "self". */
function relationship(row: RawRow, kind: Parsed<PartyRecord['kind']>): Parsed<PartyRecord['relationship']> {
  const borrower = kind.ok && kind.value === 'borrower';
  const parsed = oneOf(row, 'relationship', RELATIONSHIPS, borrower ? 'self' : 'other');
  if (!parsed.ok || !kind.ok || borrower === (parsed.value === 'self')) return parsed;
  return fail('relationship', 'invalid_value', borrower ? 'A borrower\'s relationship is "self".'
    : 'A contact person\'s relationship to the borrower cannot be "self".');
}

function borrowerOf(row: RawRow, kind: Parsed<PartyRecord['kind']>): Parsed<string | null> {
  if (kind.ok && kind.value === 'borrower') return { ok: true, value: null };
  const borrower = optionalText(row, 'borrower_external_id', EXTERNAL_ID_PATTERN);
  if (!kind.ok || !borrower.ok || borrower.value !== null) return borrower;
  return fail('borrower_external_id', 'missing_field', 'A contact person names the borrower it belongs to.');
}

function extraTimeZones(row: RawRow): Parsed<string[]> {
  const zones = list(row, 'extra_time_zones');
  for (const zone of zones) {
    const parsed = timeZone(zone, 'extra_time_zones');
    if (!parsed.ok) return parsed;
  }
  return { ok: true, value: zones };
}

export function validateParty(row: RawRow): Validation<PartyRecord> {
  const kind = oneOf(row, 'kind', PARTY_KINDS);
  const zone = requiredText(row, 'time_zone');
  const locale = optionalText(row, 'locale', LOCALE_PATTERN);
  return collect({
    externalId: id(row, 'external_id'), kind, borrowerExternalId: borrowerOf(row, kind),
    relationship: relationship(row, kind), fullName: requiredText(row, 'full_name'),
    timeZone: zone.ok ? timeZone(zone.value, 'time_zone') : zone, extraTimeZones: extraTimeZones(row),
    city: optionalText(row, 'city'), country: requiredText(row, 'country', COUNTRY_PATTERN),
    locale: locale.ok ? { ok: true, value: locale.value ?? LOCALE_DEFAULT } : locale,
  });
}

export function validateContactPoint(row: RawRow): Validation<ContactPointRecord> {
  return collect({
    externalId: id(row, 'external_id'), partyExternalId: id(row, 'party_external_id'),
    kind: oneOf(row, 'kind', CONTACT_POINT_KINDS), value: requiredText(row, 'value'),
    status: oneOf(row, 'status', CONTACT_POINT_STATUSES, 'valid'),
    employerProvided: boolean(row, 'employer_provided', false),
    workplace: boolean(row, 'workplace', false),
  });
}

export function validateAccount(row: RawRow): Validation<AccountRecord> {
  const code = currency(row, 'currency');
  const money = (field: string, fallback?: Minor): Parsed<Minor> =>
    (code.ok ? amount(row, field, code.value, fallback) : { ok: true, value: 0n });
  return collect({
    externalId: id(row, 'external_id'), borrowerExternalId: id(row, 'borrower_external_id'),
    productId: id(row, 'product_id'), currency: code, creditLimitMinor: money('credit_limit', 0n),
    principalMinor: money('principal'), openedOn: civilDate(row, 'opened_on'),
    status: oneOf(row, 'status', ACCOUNT_STATUSES, 'active'),
  });
}

/** The amounts paid before the import can be at most what was due, component by component. */
export const PAID_AND_DUE = [
  ['principalPaidMinor', 'principalDueMinor', 'principal_paid'],
  ['interestPaidMinor', 'interestDueMinor', 'interest_paid'],
  ['feePaidMinor', 'feeDueMinor', 'fee_paid'],
] as const;

export function paidAboveDue(record: InstallmentRecord): FieldProblem | null {
  for (const [paid, due, field] of PAID_AND_DUE) {
    if (record[paid] > record[due]) {
      return { field, reason: 'paid_above_due', message: `${field} is larger than the amount due.` };
    }
  }
  return null;
}

export function validateInstallment(row: RawRow, accountCurrency: string): Validation<InstallmentRecord> {
  const money = (field: string, fallback?: Minor) => amount(row, field, accountCurrency, fallback);
  const validation = collect<InstallmentRecord>({
    accountExternalId: id(row, 'account_external_id'),
    seq: integer(row, 'seq', 1, INSTALLMENTS_PER_ACCOUNT_MAX),
    dueDate: civilDate(row, 'due_date'), principalDueMinor: money('principal_due'),
    interestDueMinor: money('interest_due', 0n), feeDueMinor: money('fee_due', 0n),
    principalPaidMinor: money('principal_paid', 0n), interestPaidMinor: money('interest_paid', 0n),
    feePaidMinor: money('fee_paid', 0n),
  });
  const overpaid = validation.ok ? paidAboveDue(validation.record) : null;
  return overpaid === null ? validation : { ok: false, problems: [overpaid] };
}

/**
 * A payment row. Its amount is at most the bound of its currency, and with `today` (the business
 * date the import runs on) its value date lies at most PAYMENT_VALUE_DATE_AHEAD_DAYS_MAX days after
 * it. The other bound of the value date, the account's opening, is checked against the database.
 */
export function validatePayment(row: RawRow, today: CivilDate | null = null): Validation<PaymentRecord> {
  const code = currency(row, 'currency');
  const value = code.ok ? amount(row, 'amount', code.value, undefined, paymentAmountMinorMax(code.value))
    : { ok: true as const, value: 1n };
  const positive: Parsed<Minor> = value.ok && value.value === 0n
    ? fail('amount', 'invalid_amount', 'A payment amount must be above zero.') : value;
  const date = civilDate(row, 'value_date');
  const ahead = date.ok ? valueDateAheadProblem(date.value, today) : null;
  return collect({
    idempotencyKey: requiredText(row, 'idempotency_key', PAYMENT_KEY_PATTERN),
    accountExternalId: id(row, 'account_external_id'), amountMinor: positive, currency: code,
    valueDate: ahead === null ? date : { ok: false, problem: ahead },
    channel: requiredText(row, 'channel', CHANNEL_PATTERN),
  });
}

/** The largest payment accepted in a currency: its PAYMENT_AMOUNT_MINOR_MAX, or the default. */
export function paymentAmountMinorMax(currencyCode: string): Minor {
  return Object.hasOwn(PAYMENT_AMOUNT_MINOR_MAX, currencyCode)
    ? PAYMENT_AMOUNT_MINOR_MAX[currencyCode]! : PAYMENT_AMOUNT_MINOR_MAX_DEFAULT;
}

/**
 * A value date later than `today` plus PAYMENT_VALUE_DATE_AHEAD_DAYS_MAX, as a problem: a bank may
 * value-date a transfer a few days ahead, never years, and the cycle would post such a payment on
 * a day nobody has paid yet. Without `today` there is no such bound.
 */
export function valueDateAheadProblem(valueDate: CivilDate, today: CivilDate | null): FieldProblem | null {
  if (today === null) return null;
  const latest = addDays(today, PAYMENT_VALUE_DATE_AHEAD_DAYS_MAX);
  if (valueDate <= latest) return null;
  return { field: 'value_date', reason: 'value_date_out_of_range', message: `value_date ${valueDate} is `
    + `after ${latest}, ${PAYMENT_VALUE_DATE_AHEAD_DAYS_MAX} days after the import's date ${today}.` };
}

/**
 * Validators that need nothing but the row. Installments also need their account's currency; a
 * payment checked here, without the import's date, has no upper bound on its value date.
 */
type RowValidator = (row: RawRow) => Validation<unknown>;

export const ROW_VALIDATORS: Record<Exclude<ImportKind, 'installments'>, RowValidator> = {
  products: validateProduct, parties: validateParty, contact_points: validateContactPoint,
  accounts: validateAccount, payments: validatePayment,
};
