import type { Db } from '../../db/database.ts';

/**
 * Copies a batch into a transaction-scoped scratch table of text columns (COPY, on both engines),
 * from which one INSERT … SELECT … ON CONFLICT upserts it, resolving external ids by join. The
 * `line` column carries each row's line in the file, so rows that fail a join are reported exactly.
 */
export async function stageRows(
  tx: Db,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly (string | null)[])[],
): Promise<void> {
  await tx.query(`DROP TABLE IF EXISTS ${table}`);
  const definitions = columns.map((column) => `${column} text`).join(', ');
  await tx.query(`CREATE TEMP TABLE ${table} (line integer, ${definitions})
    ON COMMIT DROP`);
  await tx.copyRows(table, ['line', ...columns], rows);
}

/** Lines of staged rows that a join left unresolved, with the reason to report for them. */
export async function unresolved(tx: Db, query: string): Promise<number[]> {
  return (await tx.query<{ line: number }>(query)).map((row) => row.line);
}
