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
   * Bulk-loads rows into a table with COPY ... FROM STDIN (CSV). Values are already text or null.
   * The batch is bounded by the caller (IMPORT_BATCH_ROWS_MAX).
   */
  copyRows(
    table: string, columns: readonly string[], rows: readonly (readonly (string | null)[])[],
  ): Promise<void>;
  close(): Promise<void>;
};

/** Encodes one value as a CSV field for COPY; null becomes an unquoted empty field. */
export function csvField(value: string | null): string {
  if (value === null) return '';
  return `"${value.replaceAll('"', '""')}"`;
}

export function csvText(rows: readonly (readonly (string | null)[])[]): string {
  let text = '';
  for (const row of rows) text += `${row.map(csvField).join(',')}\n`;
  return text;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

export function copyStatement(table: string, columns: readonly string[], source: string): string {
  if (!IDENTIFIER.test(table) || !columns.every((column) => IDENTIFIER.test(column))) {
    throw new Error(`copyRows: unsafe identifier in ${table}(${columns.join(',')})`);
  }
  return `COPY ${table} (${columns.join(', ')}) FROM ${source} WITH (FORMAT csv)`;
}
