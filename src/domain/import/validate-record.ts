import type { Minor } from '../../stdx/money.ts';
import {
  amount,
  boolean,
  civilDate,
  currency,
  EXTERNAL_ID_PATTERN,
  integer,
  list,
  oneOf,
  optionalText,
  requiredText,
  timeZone,
  type FieldProblem,
  type Parsed,
  type RawRow,
} from './field-rules.ts';
import {
  ACCOUNT_STATUSES,
  ALLOCATION_MODES,
  COMPONENTS,
  CONTACT_POINT_KINDS,
  CONTACT_POINT_STATUSES,
  JURISDICTIONS,
  PARTY_KINDS,
  PENALTY_BASES,
  PRODUCT_KINDS,
  RELATIONSHIPS,
  type AccountRecord,
  type Component,
  type ContactPointRecord,
  type ImportKind,
  type InstallmentRecord,
  type PartyRecord,
  type PaymentRecord,
  type ProductRecord,
} from './import-records.ts';

/**
 * Validates one raw import row (column → text) into its record, collecting every problem of the
 * row rather than stopping at the first, so one pass over a file tells the lender all that is
 * wrong. Amounts of installments are validated against the account's currency, which the caller
 * looks up and passes in (`accountCurrency`); a row whose account is unknown is reported as such.
 */
export type Validation<T> = { ok: true; record: T } | { ok: false; problems: FieldProblem[] };

type Fields = Record<string, Parsed<unknown>>;

function collect<T>(fields: Fields, build: (values: Record<string, unknown>) => T): Validation<T> {
  const problems: FieldProblem[] = [];
  const values: Record<string, unknown> = {};
  for (const [name, parsed] of Object.entries(fields)) {
    if (parsed.ok) values[name] = parsed.value;
    else problems.push(parsed.problem);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, record: build(values) };
}

const id = (row: RawRow, field: string) => requiredText(row, field, EXTERNAL_ID_PATTERN);

export function validateProduct(row: RawRow): Validation<ProductRecord> {
  const code = currency(row, 'currency');
  const order = list(row, 'component_order');
  const componentOrder: Parsed<Component[]> =
    order.length === 0
      ? { ok: true, value: [...COMPONENTS] }
      : order.length === 4 &&
          new Set(order).size === 4 &&
          order.every((item) => (COMPONENTS as readonly string[]).includes(item))
        ? { ok: true, value: order as Component[] }
        : {
            ok: false,
            problem: {
              field: 'component_order',
              reason: 'invalid_value',
              message:
                'component_order must name fee, penalty, interest and principal once each, separated by ";"',
            },
          };
  return collect(
    {
      id: id(row, 'id'),
      name: requiredText(row, 'name'),
      kind: oneOf(row, 'kind', PRODUCT_KINDS),
      jurisdiction: oneOf(row, 'jurisdiction', JURISDICTIONS),
      currency: code,
      interestRateBp: integer(row, 'interest_rate_bp', 0, 100_000),
      penaltyRatePpmPerDay: integer(row, 'penalty_rate_ppm_per_day', 0, 100_000),
      penaltyBasis: oneOf(row, 'penalty_basis', PENALTY_BASES, 'overdue_principal'),
      graceDays: integer(row, 'grace_days', 0, 30, 0),
      lateFeeMinor: code.ok ? amount(row, 'late_fee', code.value, 0n) : { ok: true, value: 0n },
      allocationMode: oneOf(row, 'allocation_mode', ALLOCATION_MODES, 'installment_first'),
      componentOrder,
      costCapBp: integer(row, 'cost_cap_bp', 1, 100_000, 2400),
    },
    (values) => values as ProductRecord,
  );
}

export function validateParty(row: RawRow): Validation<PartyRecord> {
  const kind = oneOf(row, 'kind', PARTY_KINDS);
  const borrower = optionalText(row, 'borrower_external_id');
  const zone = requiredText(row, 'time_zone');
  const extra = list(row, 'extra_time_zones').map((item) => timeZone(item, 'extra_time_zones'));
  const fields: Fields = {
    externalId: id(row, 'external_id'),
    kind,
    borrowerExternalId: borrower,
    relationship: oneOf(
      row,
      'relationship',
      RELATIONSHIPS,
      kind.ok && kind.value === 'borrower' ? 'self' : 'other',
    ),
    fullName: requiredText(row, 'full_name'),
    timeZone: zone.ok ? timeZone(zone.value, 'time_zone') : zone,
    extraTimeZones: extra.find((parsed) => !parsed.ok) ?? {
      ok: true,
      value: extra.map((parsed) => parsed.ok && parsed.value),
    },
    city: optionalText(row, 'city'),
    country: requiredText(row, 'country', /^[A-Z]{2}$/),
    locale: { ok: true, value: row.locale?.trim() || 'zh-CN' },
  };
  if (kind.ok && kind.value === 'contact_person' && borrower.ok && borrower.value === null) {
    fields.borrowerExternalId = {
      ok: false,
      problem: {
        field: 'borrower_external_id',
        reason: 'missing_field',
        message: 'a contact person names the borrower it belongs to',
      },
    };
  }
  return collect(
    fields,
    (values) =>
      ({
        ...values,
        borrowerExternalId: values.kind === 'borrower' ? null : values.borrowerExternalId,
      }) as PartyRecord,
  );
}

export function validateContactPoint(row: RawRow): Validation<ContactPointRecord> {
  return collect(
    {
      externalId: id(row, 'external_id'),
      partyExternalId: id(row, 'party_external_id'),
      kind: oneOf(row, 'kind', CONTACT_POINT_KINDS),
      value: requiredText(row, 'value'),
      status: oneOf(row, 'status', CONTACT_POINT_STATUSES, 'valid'),
      employerProvided: boolean(row, 'employer_provided', false),
    },
    (values) => values as ContactPointRecord,
  );
}

export function validateAccount(row: RawRow): Validation<AccountRecord> {
  const code = currency(row, 'currency');
  const money = (field: string, fallback?: Minor): Parsed<Minor> =>
    code.ok ? amount(row, field, code.value, fallback) : { ok: true, value: 0n };
  return collect(
    {
      externalId: id(row, 'external_id'),
      borrowerExternalId: id(row, 'borrower_external_id'),
      productId: id(row, 'product_id'),
      currency: code,
      creditLimitMinor: money('credit_limit', 0n),
      principalMinor: money('principal'),
      openedOn: civilDate(row, 'opened_on'),
      status: oneOf(row, 'status', ACCOUNT_STATUSES, 'active'),
    },
    (values) => values as AccountRecord,
  );
}

export function validateInstallment(row: RawRow, accountCurrency: string): Validation<InstallmentRecord> {
  const money = (field: string, fallback?: Minor) => amount(row, field, accountCurrency, fallback);
  return collect(
    {
      accountExternalId: id(row, 'account_external_id'),
      seq: integer(row, 'seq', 1, 360),
      dueDate: civilDate(row, 'due_date'),
      principalDueMinor: money('principal_due'),
      interestDueMinor: money('interest_due', 0n),
      feeDueMinor: money('fee_due', 0n),
      principalPaidMinor: money('principal_paid', 0n),
      interestPaidMinor: money('interest_paid', 0n),
      feePaidMinor: money('fee_paid', 0n),
    },
    (values) => values as InstallmentRecord,
  );
}

export function validatePayment(row: RawRow): Validation<PaymentRecord> {
  const code = currency(row, 'currency');
  const value = code.ok ? amount(row, 'amount', code.value) : { ok: true as const, value: 1n };
  const positive: Parsed<Minor> =
    value.ok && value.value === 0n
      ? {
          ok: false,
          problem: {
            field: 'amount',
            reason: 'invalid_amount',
            message: 'a payment amount must be above zero',
          },
        }
      : value;
  return collect(
    {
      idempotencyKey: requiredText(row, 'idempotency_key', /^[A-Za-z0-9._:-]{1,128}$/),
      accountExternalId: id(row, 'account_external_id'),
      amountMinor: positive,
      currency: code,
      valueDate: civilDate(row, 'value_date'),
      channel: requiredText(row, 'channel', /^[a-z][a-z0-9_]{0,31}$/),
    },
    (values) => values as PaymentRecord,
  );
}

/** Validators that need nothing but the row. Installments also need their account's currency. */
export const ROW_VALIDATORS: Record<
  Exclude<ImportKind, 'installments'>,
  (row: RawRow) => Validation<unknown>
> = {
  products: validateProduct,
  parties: validateParty,
  contact_points: validateContactPoint,
  accounts: validateAccount,
  payments: validatePayment,
};
