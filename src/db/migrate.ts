import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { sha256Hex } from '../stdx/hash.ts';
import type { Db } from './database.ts';
import type { Row } from './schema.ts';

/**
 * Forward-only SQL migrations, applied in file-name order, each in its own transaction together
 * with its ledger row. An advisory lock stops two processes from migrating at once. The same files
 * run on PGlite and on PostgreSQL: the SQL is the reviewable schema.
 */
export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
const MIGRATION_LOCK_KEY = 4_251_2025;

export type MigrationStatus = { id: string; status: 'applied' | 'already_applied' };

export async function migrate(db: Db): Promise<MigrationStatus[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
    id text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const files = (await readdir(MIGRATIONS_DIR)).filter((name) => name.endsWith('.sql')).sort();
  const statuses: MigrationStatus[] = [];
  for (const file of files) {
    const text = await readFile(MIGRATIONS_DIR + file, 'utf8');
    const checksum = sha256Hex(text);
    const status = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
      const [existing] = await tx.query<Pick<Row<'schema_migration'>, 'checksum'>>(
        'SELECT checksum FROM schema_migration WHERE id = $1', [file]);
      if (existing !== undefined) {
        if (existing.checksum !== checksum) {
          throw new Error(`migration ${file} was edited after it was applied; add a new migration instead`);
        }
        return 'already_applied' as const;
      }
      await tx.exec(text);
      await tx.query('INSERT INTO schema_migration (id, checksum) VALUES ($1, $2)', [file, checksum]);
      return 'applied' as const;
    });
    statuses.push({ id: file, status });
  }
  return statuses;
}
