import type { CivilDate } from '../stdx/civil-date.ts';

/**
 * The tables the migrations build, declared once: each column with its SQL type, spelled as the
 * migrations spell it, and whether it may be null. Row types (`Row<'account'>`) and the column lists
 * of COPY, staging and scratch tables are derived from here rather than kept by hand beside each
 * statement, so a column a migration adds or changes is declared in one place, and the type check
 * finds every writer and reader that must follow. The migrations stay the source of the database
 * itself; this declaration is held to the migrated database, in both directions, by
 * schema.db.test.ts.
 */
type SqlType =
  | 'bigint' | 'integer' | 'boolean' | 'text' | 'text[]' | 'char(2)' | 'char(3)' | 'date' | 'timestamptz'
  | 'json' | 'jsonb';

/**
 * A column: its SQL type, then ` null` when it may hold null, then ` generated` when the database
 * computes it (such a column is read, never written).
 */
type ColumnSpec = SqlType | `${SqlType} null` | `${SqlType} null generated`;

/**
 * The figures the recompute of delinquency writes on an account's delinquency row and compares to
 * tell whether they changed. recompute_scope carries the last ones beside each account in scope as
 * `old_<figure>` (null for an account that has none yet).
 */
const FIGURES = {
  product_id: 'text', dpd: 'integer', bucket: 'text', oldest_unpaid_due: 'date null',
  next_unpaid_due: 'date null', overdue_principal_minor: 'bigint', overdue_interest_minor: 'bigint',
  overdue_penalty_minor: 'bigint', overdue_fee_minor: 'bigint', outstanding_minor: 'bigint',
} as const satisfies Readonly<Record<string, ColumnSpec>>;

const OLD_FIGURES = previousOf(FIGURES);

const TABLES = {
  account: {
    id: 'bigint', external_id: 'text', borrower_id: 'bigint', product_id: 'text', currency: 'char(3)',
    credit_limit_minor: 'bigint', principal_minor: 'bigint', opened_on: 'date', status: 'text',
    frozen_reason: 'text null', frozen_on: 'date null', credit_balance_minor: 'bigint',
    created_at: 'timestamptz',
  },
  api_token: {
    id: 'bigint', name: 'text', token_hash: 'text', prefix: 'text', role: 'text', team_id: 'text null',
    agency_id: 'text null', created_by: 'text', created_at: 'timestamptz', expires_at: 'timestamptz null',
    revoked_at: 'timestamptz null', last_used_at: 'timestamptz null',
  },
  agency: {
    id: 'text', name: 'text', status: 'text', created_at: 'timestamptz',
  },
  agency_number: {
    agency_id: 'text', phone: 'text',
  },
  agreement: {
    id: 'bigint', borrower_id: 'bigint', party_id: 'bigint', kind: 'text', channel: 'text null',
    starts_at: 'timestamptz null', ends_at: 'timestamptz null', detail: 'jsonb', recorded_at: 'timestamptz',
    recorded_by: 'text', revoked_at: 'timestamptz null', daily_from: 'text null', daily_until: 'text null',
    only_then: 'boolean',
  },
  allocation: {
    id: 'bigint', payment_id: 'bigint null', account_id: 'bigint', borrower_id: 'bigint',
    installment_seq: 'integer null', component: 'text', amount_minor: 'bigint', allocated_on: 'date',
  },
  attorney_representation: {
    id: 'bigint', borrower_id: 'bigint', account_id: 'bigint null', attorney_name: 'text', firm: 'text null',
    phone: 'text null', email: 'text null', address: 'text null', learned_at: 'timestamptz',
    failed_to_respond_at: 'timestamptz null', consents_to_direct_contact_at: 'timestamptz null',
    ended_at: 'timestamptz null', recorded_at: 'timestamptz', recorded_by: 'text',
  },
  audit_event: {
    id: 'bigint', at: 'timestamptz', actor: 'text', action: 'text', subject_kind: 'text', subject_id: 'text',
    borrower_id: 'bigint null', detail: 'jsonb', prev_hash: 'text', hash: 'text', seq: 'bigint',
    actor_kind: 'text', source_ip: 'text null', request_id: 'text null',
  },
  case_note: {
    id: 'bigint', case_id: 'bigint', borrower_id: 'bigint', attempt_id: 'bigint null', body: 'text',
    recorded_at: 'timestamptz', recorded_by: 'text',
  },
  case_assignment: {
    id: 'bigint', case_id: 'bigint', team_id: 'text', user_id: 'bigint null', assigned_at: 'timestamptz',
    assigned_by: 'text', reason: 'text', ended_at: 'timestamptz null',
  },
  collection_case: {
    id: 'bigint', borrower_id: 'bigint', status: 'text', opened_on: 'date', closed_on: 'date null',
    close_reason: 'text null', stage: 'text', stage_since: 'date', strategy_version: 'text',
    max_dpd: 'integer', overdue_minor: 'bigint', currency: 'char(3)', owner_team: 'text null',
    owner_agent: 'text null', owner_agency: 'text null', account_id: 'bigint null',
  },
  contact_attempt: {
    id: 'bigint', borrower_id: 'bigint', case_id: 'bigint null', party_id: 'bigint',
    contact_point_id: 'bigint null', actor_kind: 'text', actor_id: 'text', agency_id: 'text null',
    channel: 'text', direction: 'text', started_at: 'timestamptz', ended_at: 'timestamptz null',
    outcome: 'text', duration_seconds: 'integer null', recording_ref: 'text null', template_id: 'text null',
    content_hash: 'text null', verification_ref: 'text null', decision_id: 'text null',
    dialled_from: 'text null', purpose: 'text null', account_id: 'bigint null',
    outcome_recorded_at: 'timestamptz null',
  },
  contact_point: {
    id: 'bigint', external_id: 'text', party_id: 'bigint', borrower_id: 'bigint', kind: 'text',
    value: 'text', status: 'text', employer_provided: 'boolean', created_at: 'timestamptz',
    workplace: 'boolean',
  },
  cycle_step: {
    as_of: 'date', step: 'text', completed_at: 'timestamptz', detail: 'jsonb',
  },
  decision: {
    id: 'text', borrower_id: 'bigint', decided_at: 'timestamptz', policy_version: 'text', pack: 'text',
    channel: 'text', allowed: 'boolean', next_allowed_at: 'timestamptz null', situation: 'json',
    decision: 'json', recorded_at: 'timestamptz', action: 'text', strategy_version: 'text null',
  },
  delinquency: {
    account_id: 'bigint', borrower_id: 'bigint', ...FIGURES, changed_on: 'date', prev_dpd: 'integer null',
    prev_bucket: 'text null',
  },
  hold: {
    id: 'bigint', borrower_id: 'bigint', account_id: 'bigint null', kind: 'text', started_at: 'timestamptz',
    ended_at: 'timestamptz null', detail: 'jsonb', recorded_by: 'text',
  },
  installment: {
    account_id: 'bigint', seq: 'integer', borrower_id: 'bigint', due_date: 'date',
    principal_due_minor: 'bigint', interest_due_minor: 'bigint', fee_due_minor: 'bigint',
    penalty_accrued_minor: 'bigint', principal_paid_minor: 'bigint', interest_paid_minor: 'bigint',
    fee_paid_minor: 'bigint', penalty_paid_minor: 'bigint', penalty_through: 'date null',
    late_fee_charged: 'boolean', paid_off_on: 'date null', remaining_minor: 'bigint null generated',
  },
  ledger_change: {
    account_id: 'bigint', marked: 'bigint',
  },
  party: {
    id: 'bigint', external_id: 'text', kind: 'text', borrower_id: 'bigint', relationship: 'text null',
    full_name: 'text', time_zone: 'text', extra_time_zones: 'text[]', city: 'text null', country: 'char(2)',
    locale: 'text', created_at: 'timestamptz', do_not_contact_since: 'timestamptz null',
    do_not_contact_reason: 'text null', employer_prohibits_contact_since: 'timestamptz null',
  },
  payment: {
    id: 'bigint', idempotency_key: 'text', account_id: 'bigint', borrower_id: 'bigint',
    amount_minor: 'bigint', currency: 'char(3)', value_date: 'date', channel: 'text', body_hash: 'text',
    status: 'text', received_at: 'timestamptz', posted_on: 'date null', credited_minor: 'bigint',
  },
  placement: {
    id: 'bigint', account_id: 'bigint', borrower_id: 'bigint', agency_id: 'text', placed_on: 'date',
    recalled_on: 'date null', shows_third_parties: 'boolean',
  },
  planned_action: {
    id: 'bigint', as_of: 'date', case_id: 'bigint', borrower_id: 'bigint', stage: 'text', action: 'text',
    channel: 'text', template: 'text null', status: 'text', detail: 'jsonb', decision_id: 'text null',
    next_allowed_at: 'timestamptz null', reason: 'text null', strategy_version: 'text null',
    policy_version: 'text null',
  },
  policy_version: {
    version: 'text', pack: 'text', settings: 'jsonb', created_at: 'timestamptz', citations: 'jsonb',
  },
  product: {
    id: 'text', name: 'text', kind: 'text', jurisdiction: 'text', currency: 'char(3)',
    interest_rate_bp: 'integer', penalty_rate_ppm_per_day: 'integer', penalty_basis: 'text',
    grace_days: 'integer', late_fee_minor: 'bigint', allocation_mode: 'text', component_order: 'text[]',
    cost_cap_bp: 'integer', created_at: 'timestamptz',
  },
  promise_to_pay: {
    id: 'bigint', case_id: 'bigint', borrower_id: 'bigint', attempt_id: 'bigint null', amount_minor: 'bigint',
    currency: 'char(3)', promised_on: 'date', due_on: 'date', recorded_at: 'timestamptz', recorded_by: 'text',
    status: 'text', settled_on: 'date null', paid_minor: 'bigint null',
  },
  recompute_scope: {
    account_id: 'bigint', marked: 'bigint null', borrower_id: 'bigint', product_id: 'text',
    has_figures: 'boolean', ...OLD_FIGURES,
  },
  schema_migration: {
    id: 'text', checksum: 'text', applied_at: 'timestamptz',
  },
  sign_in_attempt: {
    id: 'bigint', at: 'timestamptz', username: 'text', source_ip: 'text', succeeded: 'boolean',
  },
  snapshot_bucket: {
    as_of: 'date', currency: 'char(3)', bucket: 'text', accounts: 'integer', overdue_minor: 'bigint',
    outstanding_minor: 'bigint',
  },
  snapshot_roll: {
    as_of: 'date', from_bucket: 'text', to_bucket: 'text', accounts: 'integer',
  },
  staff_session: {
    id_hash: 'text', user_id: 'bigint', created_at: 'timestamptz', last_seen_at: 'timestamptz',
    expires_at: 'timestamptz', revoked_at: 'timestamptz null', source_ip: 'text null',
  },
  staff_user: {
    id: 'bigint', username: 'text', display_name: 'text', role: 'text', team_id: 'text null',
    agency_id: 'text null', capacity: 'integer', password_hash: 'text', password_changed_at: 'timestamptz',
    disabled_at: 'timestamptz null', created_at: 'timestamptz',
  },
  stated_inconvenience: {
    id: 'bigint', borrower_id: 'bigint', party_id: 'bigint', kind: 'text', from_time: 'text null',
    until_time: 'text null', contact_point_id: 'bigint null', stated_at: 'timestamptz',
    recorded_at: 'timestamptz', recorded_by: 'text', withdrawn_at: 'timestamptz null',
  },
  strategy_document: {
    version: 'text', name: 'text', body: 'jsonb', created_at: 'timestamptz', active: 'boolean',
  },
  team: {
    id: 'text', name: 'text', supervisor_id: 'bigint null', created_at: 'timestamptz',
  },
} as const satisfies Readonly<Record<string, Readonly<Record<string, ColumnSpec>>>>;

type Tables = typeof TABLES;
export type TableName = keyof Tables;
export type ColumnName<T extends TableName> = keyof Tables[T] & string;
export type FigureColumn = keyof typeof FIGURES;

type SqlTypeOf<C extends ColumnSpec> = C extends `${infer S extends SqlType} ${string}` ? S : C;
/** What both drivers return for each SQL type (database.ts). */
type ValueOf<S extends SqlType> =
  S extends 'bigint' ? bigint
  : S extends 'integer' ? number
  : S extends 'boolean' ? boolean
  : S extends 'text[]' ? string[]
  : S extends 'date' ? CivilDate
  : S extends 'timestamptz' ? Date
  : S extends 'json' | 'jsonb' ? unknown
  : string;
type NullOf<C extends ColumnSpec> = C extends `${string} null${string}` ? null : never;

/** A row of the table as stored: every column, as the drivers return it. */
export type Row<T extends TableName> = {
  -readonly [C in keyof Tables[T]]: Tables[T][C] extends ColumnSpec
    ? ValueOf<SqlTypeOf<Tables[T][C]>> | NullOf<Tables[T][C]> : never;
};

/** A column as the test against the migrated database reads it. */
export type DeclaredColumn = { name: string; type: SqlType; nullable: boolean; generated: boolean };

// Computed once, at load: the cycle reads these lists per batch.
const COLUMN_NAMES = new Map<string, readonly string[]>(
  Object.entries(TABLES).map(([table, columns]) => [table, Object.freeze(Object.keys(columns))]),
);

export const TABLE_NAMES = Object.freeze(Object.keys(TABLES)) as readonly TableName[];

/**
 * The table's columns in declared order, without `omitted` (an identity or a default the database
 * fills): the column list of a COPY or an INSERT that writes every other column.
 */
export function columnsOf<T extends TableName, O extends ColumnName<T> = never>(
  table: T, omitted: readonly O[] = [],
): readonly Exclude<ColumnName<T>, O>[] {
  const columns = COLUMN_NAMES.get(table)! as readonly ColumnName<T>[];
  if (omitted.length === 0) return columns as readonly Exclude<ColumnName<T>, O>[];
  return Object.freeze(columns.filter((column): column is Exclude<ColumnName<T>, O> =>
    !(omitted as readonly string[]).includes(column)));
}

/** One row of a COPY by column name: the text of each column (null for SQL null). */
type CopyValues<C extends string> = { readonly [K in C]: string | null };

/**
 * A function that lays out a row's values in the order of `columns`, as copyRows takes them, so
 * every writer names each value by its column whatever order the columns are declared in. Read by
 * name, a row costs about half a microsecond more than a fixed-order array: a few tens of
 * milliseconds for a day's planned actions and Decisions, against the clarity of naming each value.
 */
export function copyRowOf<C extends string>(
  columns: readonly C[],
): (values: CopyValues<C>) => (string | null)[] {
  return (values) => columns.map((column) => values[column]);
}

export function sqlTypeOf<T extends TableName>(table: T, column: ColumnName<T>): SqlType {
  return parseSpec(column, (TABLES[table] as Readonly<Record<string, ColumnSpec>>)[column]!).type;
}

/**
 * Columns of a scratch table typed like columns of a declared one, as `[name, SQL type]`. Scratch
 * columns may all be null: a staged row is checked after it is copied.
 */
export function columnsLike<T extends TableName, C extends ColumnName<T>>(
  table: T, columns: readonly C[],
): (readonly [name: C, type: SqlType])[] {
  return columns.map((column) => [column, sqlTypeOf(table, column)] as const);
}

/** One column of a scratch table named `name` and typed like `table.column`. */
export function columnLike<T extends TableName, N extends string>(
  table: T, column: ColumnName<T>, name: N,
): readonly [name: N, type: SqlType] {
  return [name, sqlTypeOf(table, column)];
}

export function declaredColumns(table: TableName): DeclaredColumn[] {
  return Object.entries(TABLES[table] as Readonly<Record<string, ColumnSpec>>)
    .map(([name, spec]) => parseSpec(name, spec));
}

/** The delinquency figures, in one order every statement that lists them shares. */
export const FIGURE_COLUMNS = Object.freeze(Object.keys(FIGURES)) as readonly FigureColumn[];

/** The recompute_scope column that holds a figure as last computed. */
export function oldFigure<C extends string>(column: C): `old_${C}` {
  return `old_${column}`;
}

function parseSpec(name: string, spec: ColumnSpec): DeclaredColumn {
  const [type, ...flags] = spec.split(' ');
  return {
    name, type: type as SqlType, nullable: flags.includes('null'), generated: flags.includes('generated'),
  };
}

type Nullable<C extends ColumnSpec> = C extends `${string} null${string}` ? C : `${C} null`;

function previousOf<C extends Readonly<Record<string, ColumnSpec>>>(
  columns: C,
): { readonly [K in keyof C & string as `old_${K}`]: Nullable<C[K]> } {
  return Object.fromEntries(Object.entries(columns).map(([name, spec]) =>
    [oldFigure(name), spec.includes(' null') ? spec : `${spec} null`])) as never;
}
