import type { Db } from '../../db/database.ts';

/**
 * Whether the database can serve the product, for the health endpoint. `SELECT 1` only proves a
 * connection: a server whose table files are missing or corrupt answers it while every real query
 * fails. So this reads the first row of every table of the schema in one statement, which opens
 * each table's files and its first page; it stays cheap at any portfolio size. A schema without
 * tables (never migrated) is not healthy either. Errors propagate to the caller, which answers 503.
 */
export type DatabaseCheck = { ok: true; tables: number } | { ok: false; reason: 'no_tables' };

export async function checkDatabase(db: Db): Promise<DatabaseCheck> {
  const tables = await db.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables
    WHERE schemaname = current_schema() ORDER BY tablename`);
  if (tables.length === 0) return { ok: false, reason: 'no_tables' };
  const reads = tables.map(
    (table, index) => `EXISTS (SELECT 1 FROM ${quoteIdentifier(table.name)}) AS t${index}`,
  );
  await db.query(`SELECT ${reads.join(', ')}`);
  return { ok: true, tables: tables.length };
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
