/**
 * The one database interface the application sees. Two drivers implement it with the same
 * semantics: PGlite (PostgreSQL compiled to WebAssembly, in-process, on disk) and node-postgres
 * against a PostgreSQL server. Both return int8 as bigint, numeric as string, date as a
 * "YYYY-MM-DD" string and timestamptz as Date, so no caller has to know which one it talks to.
 */
export type Row = Record<string, unknown>;

export type DatabaseKind = 'pglite' | 'postgres';

export type Db = {
  readonly kind: DatabaseKind;
  query<T extends Row = Row>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Several statements, no parameters (migrations, DDL). */
  exec(text: string): Promise<void>;
  /**
   * Runs `fn` in one transaction: all of it commits or none of it does. Inside a transaction,
   * `transaction` runs `fn` in the same transaction.
   */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /**
   * Bulk-loads rows into a table with COPY ... FROM STDIN (text format). Values are already text or
   * null.
   * The batch is bounded by the caller (IMPORT_BATCH_ROWS_MAX).
   */
  copyRows(
    table: string, columns: readonly string[], rows: readonly (readonly (string | null)[])[],
  ): Promise<void>;
  /**
   * Runs `fn` while this process holds the advisory lock `key`, or returns `{ acquired: false }` at
   * once when another process holds it. On a server the lock is a session lock on a connection kept
   * for the purpose, so `fn` may use this Db freely and a process that dies loses the lock with its
   * connection. Not inside a transaction.
   */
  tryAdvisoryLock<T>(key: number, fn: () => Promise<T>): Promise<AdvisoryLockResult<T>>;
  close(): Promise<void>;
};

export type AdvisoryLockResult<T> = { acquired: true; value: T } | { acquired: false };

/**
 * Encodes one value as a field of COPY's text format: null is `\N`, and backslash, tab, newline and
 * carriage return are escaped. Not CSV: a CSV field doubles every quote, and the cycle copies JSON
 * documents, which are mostly quotes and almost never hold one of these four characters, so here
 * they nearly always go as they are.
 */
export function copyField(value: string | null): string {
  if (value === null) return '\\N';
  return COPY_SPECIAL.test(value) ? value.replace(COPY_SPECIAL_ALL, (char) => COPY_ESCAPES[char]!) : value;
}

const COPY_SPECIAL = /[\\\t\n\r]/;
const COPY_SPECIAL_ALL = /[\\\t\n\r]/g;
const COPY_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r',
};

export function copyText(rows: readonly (readonly (string | null)[])[]): string {
  let text = '';
  for (const row of rows) text += `${row.map(copyField).join('\t')}\n`;
  return text;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

export function copyStatement(table: string, columns: readonly string[], source: string): string {
  if (!IDENTIFIER.test(table) || !columns.every((column) => IDENTIFIER.test(column))) {
    throw new Error(`copyRows: unsafe identifier in ${table}(${columns.join(',')})`);
  }
  return `COPY ${table} (${columns.join(', ')}) FROM ${source} WITH (FORMAT text)`;
}
