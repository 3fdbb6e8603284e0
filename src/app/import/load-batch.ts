import type { Db } from '../../db/database.ts';
import type {
  AccountRecord,
  ContactPointRecord,
  ImportKind,
  InstallmentRecord,
  PartyRecord,
  PaymentRecord,
  ProductRecord,
} from '../../domain/import/import-records.ts';
import { paymentBodyHash } from '../../domain/payment/payment-body-hash.ts';
import type { ImportRowError } from './import-contract.ts';
import { stageRows, unresolved } from './stage-rows.ts';
import { countRows } from '../cycle/count-rows.ts';

/**
 * Upserts one batch of validated records of a kind, in the caller's transaction. A row changes the
 * database only when its content differs from what is stored, so a re-import reports its rows as
 * unchanged; rows whose references do not resolve are returned as errors with their lines.
 */
export type Item<T> = { line: number; record: T };
export type BatchResult = { loaded: number; unchanged: number; errors: ImportRowError[] };

const text = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);

function rowError(line: number, field: string, reason: string, message: string): ImportRowError {
  return { line, field, reason, message };
}

export async function loadProducts(tx: Db, items: readonly Item<ProductRecord>[]): Promise<BatchResult> {
  const loaded = await countRows(
    tx,
    `INSERT INTO product (id, name, kind, jurisdiction, currency, interest_rate_bp,
      penalty_rate_ppm_per_day, penalty_basis, grace_days, late_fee_minor, allocation_mode,
        component_order, cost_cap_bp)
    SELECT id, name, kind, jurisdiction, currency, rate, ppm, basis, grace, fee, mode,
      component_order::text[], cap
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::int[], $8::text[],
      $9::int[], $10::bigint[], $11::text[], $12::text[], $13::int[]) AS u(id, name, kind,
        jurisdiction, currency, rate, ppm,
      basis, grace, fee, mode, component_order, cap)
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind,
      jurisdiction = excluded.jurisdiction,
      currency = excluded.currency, interest_rate_bp = excluded.interest_rate_bp,
      penalty_rate_ppm_per_day = excluded.penalty_rate_ppm_per_day, penalty_basis = excluded.penalty_basis,
      grace_days = excluded.grace_days, late_fee_minor = excluded.late_fee_minor,
        allocation_mode = excluded.allocation_mode,
      component_order = excluded.component_order, cost_cap_bp = excluded.cost_cap_bp
    WHERE (product.name, product.kind, product.jurisdiction, product.currency, product.interest_rate_bp,
      product.penalty_rate_ppm_per_day, product.penalty_basis, product.grace_days, product.late_fee_minor,
      product.allocation_mode, product.component_order, product.cost_cap_bp) IS DISTINCT FROM (excluded.name,
      excluded.kind, excluded.jurisdiction, excluded.currency, excluded.interest_rate_bp,
        excluded.penalty_rate_ppm_per_day,
      excluded.penalty_basis, excluded.grace_days, excluded.late_fee_minor, excluded.allocation_mode,
      excluded.component_order, excluded.cost_cap_bp)
    RETURNING 1`,
    columnsOf(
      items.map((item) => item.record),
      [
        'id',
        'name',
        'kind',
        'jurisdiction',
        'currency',
        'interestRateBp',
        'penaltyRatePpmPerDay',
        'penaltyBasis',
        'graceDays',
        'lateFeeMinor',
        'allocationMode',
        'componentOrder',
        'costCapBp',
      ],
      { componentOrder: (value) => `{${(value as string[]).join(',')}}` },
    ),
  );
  return { loaded, unchanged: items.length - loaded, errors: [] };
}

function columnsOf<T>(
  records: readonly T[],
  keys: (keyof T & string)[],
  format: Partial<Record<string, (value: unknown) => string>> = {},
): (string | null)[][] {
  return keys.map((key) =>
    records.map((record) => {
      const value = record[key];
      const formatter = format[key];
      return formatter === undefined ? text(value) : formatter(value);
    }),
  );
}

/** Upserts staged parties of one kind; borrowers first, so contact persons can join to them. */
function partyUpsertSql(kindFilter: string, borrowerId: string, join: string): string {
  return `INSERT INTO party AS p (external_id, kind,
      borrower_id, relationship, full_name, time_zone, extra_time_zones, city, country, locale)
    SELECT s.external_id, s.kind, ${borrowerId}, s.relationship, s.full_name, s.time_zone,
      s.extra_time_zones::text[], s.city,
      s.country, s.locale FROM stage_party s ${join} WHERE s.kind = '${kindFilter}'
    ON CONFLICT (external_id) DO UPDATE SET kind = excluded.kind,
      borrower_id = CASE WHEN excluded.kind = 'borrower' THEN p.borrower_id ELSE excluded.borrower_id END,
      relationship = excluded.relationship, full_name = excluded.full_name, time_zone = excluded.time_zone,
      extra_time_zones = excluded.extra_time_zones, city = excluded.city, country = excluded.country,
        locale = excluded.locale
    WHERE (p.kind, p.relationship, p.full_name, p.time_zone, p.extra_time_zones, p.city, p.country, p.locale,
        CASE WHEN excluded.kind = 'borrower' THEN p.borrower_id ELSE excluded.borrower_id END)
      IS DISTINCT FROM (excluded.kind, excluded.relationship, excluded.full_name, excluded.time_zone,
        excluded.extra_time_zones, excluded.city, excluded.country, excluded.locale, p.borrower_id)
    RETURNING 1`;
}

export async function loadParties(tx: Db, items: readonly Item<PartyRecord>[]): Promise<BatchResult> {
  await stageRows(
    tx,
    'stage_party',
    [
      'external_id',
      'kind',
      'borrower_external_id',
      'relationship',
      'full_name',
      'time_zone',
      'extra_time_zones',
      'city',
      'country',
      'locale',
    ],
    items.map(({ line, record }) => [
      String(line),
      record.externalId,
      record.kind,
      record.borrowerExternalId,
      record.relationship,
      record.fullName,
      record.timeZone,
      `{${record.extraTimeZones.join(',')}}`,
      record.city,
      record.country,
      record.locale,
    ]),
  );
  let loaded = await countRows(tx, partyUpsertSql('borrower', '0', ''), []);
  await tx.query(`UPDATE party SET borrower_id = id WHERE kind = 'borrower' AND borrower_id = 0`);
  const missing = await unresolved(
    tx,
    `SELECT s.line FROM stage_party s WHERE s.kind = 'contact_person' AND NOT EXISTS
    (SELECT 1 FROM party b WHERE b.external_id = s.borrower_external_id AND b.kind = 'borrower') ORDER
      BY s.line`,
  );
  loaded += await countRows(
    tx,
    partyUpsertSql(
      'contact_person',
      'b.id',
      `JOIN party b ON b.external_id = s.borrower_external_id AND b.kind = 'borrower'`,
    ),
    [],
  );
  return {
    loaded,
    unchanged: items.length - loaded - missing.length,
    errors: missing.map((line) =>
      rowError(line, 'borrower_external_id', 'unknown_borrower', 'no borrower with this external id'),
    ),
  };
}

export async function loadContactPoints(
  tx: Db,
  items: readonly Item<ContactPointRecord>[],
): Promise<BatchResult> {
  await stageRows(
    tx,
    'stage_contact_point',
    ['external_id', 'party_external_id', 'kind', 'value', 'status', 'employer_provided'],
    items.map(({ line, record }) => [
      String(line),
      record.externalId,
      record.partyExternalId,
      record.kind,
      record.value,
      record.status,
      String(record.employerProvided),
    ]),
  );
  const missing = await unresolved(
    tx,
    `SELECT s.line FROM stage_contact_point s WHERE NOT EXISTS
    (SELECT 1 FROM party p WHERE p.external_id = s.party_external_id) ORDER BY s.line`,
  );
  const loaded = await countRows(
    tx,
    `INSERT INTO contact_point AS c (external_id, party_id, borrower_id, kind, value,
      status, employer_provided)
    SELECT s.external_id, p.id, p.borrower_id, s.kind, s.value, s.status, s.employer_provided::boolean
    FROM stage_contact_point s JOIN party p ON p.external_id = s.party_external_id
    ON CONFLICT (external_id) DO UPDATE SET party_id = excluded.party_id, borrower_id = excluded.borrower_id,
      kind = excluded.kind, value = excluded.value, status = excluded.status,
        employer_provided = excluded.employer_provided
    WHERE (c.party_id, c.kind, c.value, c.status, c.employer_provided) IS DISTINCT FROM
      (excluded.party_id, excluded.kind, excluded.value, excluded.status, excluded.employer_provided)
    RETURNING 1`,
    [],
  );
  return {
    loaded,
    unchanged: items.length - loaded - missing.length,
    errors: missing.map((line) =>
      rowError(line, 'party_external_id', 'unknown_party', 'no party with this external id'),
    ),
  };
}

export async function loadAccounts(tx: Db, items: readonly Item<AccountRecord>[]): Promise<BatchResult> {
  await stageRows(
    tx,
    'stage_account',
    [
      'external_id',
      'borrower_external_id',
      'product_id',
      'currency',
      'credit_limit',
      'principal',
      'opened_on',
      'status',
    ],
    items.map(({ line, record }) => [
      String(line),
      record.externalId,
      record.borrowerExternalId,
      record.productId,
      record.currency,
      String(record.creditLimitMinor),
      String(record.principalMinor),
      record.openedOn,
      record.status,
    ]),
  );
  const checks = await tx.query<{
    line: number;
    borrower: boolean;
    product: boolean;
    currency: boolean;
  }>(`SELECT s.line,
      b.id IS NOT NULL AS borrower, p.id IS NOT NULL AS product,
        p.currency IS NOT DISTINCT FROM s.currency AS currency
    FROM stage_account s LEFT JOIN party b ON b.external_id = s.borrower_external_id AND b.kind = 'borrower'
    LEFT JOIN product p ON p.id = s.product_id
    WHERE b.id IS NULL OR p.id IS NULL OR p.currency <> s.currency ORDER BY s.line`);
  const errors = checks.map((check) =>
    !check.borrower
      ? rowError(check.line, 'borrower_external_id', 'unknown_borrower', 'no borrower with this external id')
      : !check.product
        ? rowError(check.line, 'product_id', 'unknown_product', 'no product with this id')
        : rowError(
            check.line,
            'currency',
            'currency_mismatch',
            "the account currency differs from its product's",
          ),
  );
  const loaded = await countRows(
    tx,
    `INSERT INTO account AS a (external_id, borrower_id, product_id, currency,
      credit_limit_minor, principal_minor, opened_on, status)
    SELECT s.external_id, b.id, s.product_id, s.currency, s.credit_limit::bigint, s.principal::bigint,
      s.opened_on::date, s.status
    FROM stage_account s JOIN party b ON b.external_id = s.borrower_external_id AND b.kind = 'borrower'
    JOIN product p ON p.id = s.product_id AND p.currency = s.currency
    ON CONFLICT (external_id) DO UPDATE SET credit_limit_minor = excluded.credit_limit_minor,
      principal_minor = excluded.principal_minor, opened_on = excluded.opened_on,
        product_id = excluded.product_id
    WHERE (a.credit_limit_minor, a.principal_minor, a.opened_on, a.product_id) IS DISTINCT FROM
      (excluded.credit_limit_minor, excluded.principal_minor, excluded.opened_on, excluded.product_id)
    RETURNING 1`,
    [],
  );
  return { loaded, unchanged: items.length - loaded - errors.length, errors };
}

/**
 * Installments upsert on (account, seq). Due amounts and dates follow the file; paid amounts are
 * only taken when the installment is new, because afterwards the ledger's own postings own them.
 */
export async function loadInstallments(
  tx: Db,
  items: readonly Item<InstallmentRecord>[],
): Promise<BatchResult> {
  await stageRows(
    tx,
    'stage_installment',
    [
      'account_external_id',
      'seq',
      'due_date',
      'principal_due',
      'interest_due',
      'fee_due',
      'principal_paid',
      'interest_paid',
      'fee_paid',
    ],
    items.map(({ line, record }) => [
      String(line),
      record.accountExternalId,
      String(record.seq),
      record.dueDate,
      String(record.principalDueMinor),
      String(record.interestDueMinor),
      String(record.feeDueMinor),
      String(record.principalPaidMinor),
      String(record.interestPaidMinor),
      String(record.feePaidMinor),
    ]),
  );
  const overpaid = await unresolved(
    tx,
    `SELECT line FROM stage_installment WHERE principal_paid::bigint > principal_due::bigint
    OR interest_paid::bigint > interest_due::bigint OR fee_paid::bigint > fee_due::bigint ORDER BY line`,
  );
  const loaded = await countRows(
    tx,
    `INSERT INTO installment AS i (account_id, seq, borrower_id, due_date,
      principal_due_minor, interest_due_minor, fee_due_minor, principal_paid_minor,
        interest_paid_minor, fee_paid_minor)
    SELECT a.id, s.seq::int, a.borrower_id, s.due_date::date, s.principal_due::bigint, s.interest_due::bigint,
      s.fee_due::bigint, s.principal_paid::bigint, s.interest_paid::bigint, s.fee_paid::bigint
    FROM stage_installment s JOIN account a ON a.external_id = s.account_external_id
    WHERE s.principal_paid::bigint <= s.principal_due::bigint AND s.interest_paid::bigint <=
      s.interest_due::bigint
      AND s.fee_paid::bigint <= s.fee_due::bigint
    ON CONFLICT (account_id, seq) DO UPDATE SET due_date = excluded.due_date,
      principal_due_minor = greatest(excluded.principal_due_minor, i.principal_paid_minor),
      interest_due_minor = greatest(excluded.interest_due_minor, i.interest_paid_minor),
      fee_due_minor = greatest(excluded.fee_due_minor, i.fee_paid_minor)
    WHERE (i.due_date, i.principal_due_minor, i.interest_due_minor, i.fee_due_minor) IS DISTINCT FROM
      (excluded.due_date, greatest(excluded.principal_due_minor, i.principal_paid_minor),
        greatest(excluded.interest_due_minor, i.interest_paid_minor), greatest(excluded.fee_due_minor,
          i.fee_paid_minor))
    RETURNING 1`,
    [],
  );
  return {
    loaded,
    unchanged: items.length - loaded - overpaid.length,
    errors: overpaid.map((line) =>
      rowError(line, 'principal_paid', 'paid_above_due', 'a paid amount is larger than the amount due'),
    ),
  };
}

export type AccountRef = { id: bigint; borrowerId: bigint; currency: string };

export async function loadPayments(
  tx: Db,
  items: readonly Item<PaymentRecord>[],
  accounts: ReadonlyMap<string, AccountRef>,
): Promise<BatchResult> {
  const rows = items.map(({ line, record }) => {
    const account = accounts.get(record.accountExternalId)!;
    return [
      String(line),
      record.idempotencyKey,
      String(account.id),
      String(account.borrowerId),
      String(record.amountMinor),
      record.currency,
      record.valueDate,
      record.channel,
      paymentBodyHash(record),
    ];
  });
  await stageRows(
    tx,
    'stage_payment',
    [
      'idempotency_key',
      'account_id',
      'borrower_id',
      'amount',
      'currency',
      'value_date',
      'channel',
      'body_hash',
    ],
    rows,
  );
  const conflicts = await unresolved(
    tx,
    `SELECT s.line FROM stage_payment s JOIN payment p
    ON p.idempotency_key = s.idempotency_key WHERE p.body_hash <> s.body_hash ORDER BY s.line`,
  );
  const loaded = await countRows(
    tx,
    `INSERT INTO payment (idempotency_key, account_id, borrower_id, amount_minor, currency,
      value_date, channel, body_hash)
    SELECT idempotency_key, account_id::bigint, borrower_id::bigint, amount::bigint, currency,
      value_date::date, channel,
      body_hash FROM stage_payment
    ON CONFLICT (idempotency_key) DO NOTHING RETURNING 1`,
    [],
  );
  return {
    loaded,
    unchanged: items.length - loaded - conflicts.length,
    errors: conflicts.map((line) =>
      rowError(
        line,
        'idempotency_key',
        'payment_key_conflict',
        'this idempotency key was already used for a different payment',
      ),
    ),
  };
}

export const LOADED_KINDS: readonly ImportKind[] = [
  'products',
  'parties',
  'contact_points',
  'accounts',
  'installments',
  'payments',
];
