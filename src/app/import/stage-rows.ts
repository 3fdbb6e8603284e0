import type { Db } from '../../db/database.ts';
import type { ImportRowError } from './import-contract.ts';

/**
 * The staging of one batch: its rows are copied (COPY, on both engines) into a scratch table that
 * lives until the end of the transaction, checked there against the database with one statement
 * per rule, and upserted from there with one INSERT … SELECT. Each staged row carries its line in
 * the file, so a row a check removes is reported exactly.
 *
 * External ids are resolved with scalar subqueries on unique indexes (`(SELECT id FROM party WHERE
 * external_id = s.x)`), never with joins: PostgreSQL does not turn those into joins, so every batch
 * probes the index once per row, whatever the planner believes about tables that are being filled
 * by this very import (their statistics lag, PGlite has no autovacuum, and a hash join would read
 * the whole table once per batch).
 */
export type StageColumn = readonly [name: string, type: string];

export type BatchResult = { loaded: number; unchanged: number; errors: ImportRowError[] };

export async function stageRows(tx: Db, table: string, columns: readonly StageColumn[],
  rows: readonly (readonly (string | null)[])[]): Promise<void> {
  const definitions = columns.map(([name, type]) => `${name} ${type}`).join(', ');
  // Created once per connection and emptied at each commit: creating and dropping a table per batch
  // costs file operations that the embedded engine pays dearly. The DELETE empties it when a caller
  // runs several batches in one transaction.
  await tx.query(`CREATE TEMP TABLE IF NOT EXISTS ${table} (line integer NOT NULL, ${definitions})
    ON COMMIT DELETE ROWS`);
  await tx.query(`DELETE FROM ${table}`);
  await tx.copyRows(table, ['line', ...columns.map(([name]) => name)], rows);
}

/**
 * A check on staged rows: a `DELETE FROM <stage> … RETURNING line` (optionally also `field`) that
 * removes the rows breaking one rule, so the upsert that follows sees only good rows.
 */
export type StageCheck = { sql: string; field: string | null; reason: string; message: string };

export async function rejectStaged(tx: Db, checks: readonly StageCheck[]): Promise<ImportRowError[]> {
  const errors: ImportRowError[] = [];
  for (const check of checks) {
    const rows = await tx.query<{ line: number; field?: string }>(check.sql);
    for (const row of rows) {
      errors.push({
        line: row.line, field: row.field ?? check.field, reason: check.reason, message: check.message,
      });
    }
  }
  return errors;
}

/**
 * Runs an upsert whose RETURNING yields one row per inserted or changed row and counts them on the
 * server. Rows the upsert's `WHERE … IS DISTINCT FROM …` skipped were already there: unchanged.
 * `also` adds statements of the same transaction step as further CTEs, which may read `written`.
 */
export async function upsertStaged(tx: Db, sql: string, staged: number,
  errors: ImportRowError[], also = ''): Promise<BatchResult> {
  const [row] = await tx.query<{ n: number }>(
    `WITH written AS (${sql})${also} SELECT count(*)::int AS n FROM written`,
  );
  const loaded = row?.n ?? 0;
  return { loaded, unchanged: staged - errors.length - loaded, errors };
}

/**
 * `SET c = excluded.c, … WHERE (t.c, …) IS DISTINCT FROM (excluded.c, …)`: an upsert that writes
 * only when something differs, so a re-import touches no row and reports it unchanged.
 */
export function updateChanged(alias: string, columns: readonly string[]): string {
  const set = columns.map((column) => `${column} = excluded.${column}`).join(', ');
  const current = columns.map((column) => `${alias}.${column}`).join(', ');
  const incoming = columns.map((column) => `excluded.${column}`).join(', ');
  return `DO UPDATE SET ${set} WHERE (${current}) IS DISTINCT FROM (${incoming})`;
}

export const text = (value: string | number | bigint | boolean | null): string | null =>
  (value === null ? null : String(value));
