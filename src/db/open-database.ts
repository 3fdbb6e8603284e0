import { mkdir } from 'node:fs/promises';
import type { Config } from '../config/config.ts';
import type { Db } from './database.ts';
import { migrate } from './migrate.ts';
import { openPglite } from './pglite-database.ts';
import { openPostgres } from './postgres-database.ts';

/** PostgreSQL when DATABASE_URL is set, else PGlite on disk in the data directory; migrated. */
export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Db> {
  let db: Db;
  if (config.databaseUrl !== null) {
    db = (await openPostgres(config.databaseUrl)).db;
  } else {
    await mkdir(config.dataDir, { recursive: true });
    db = (await openPglite({ dataDir: config.dataDir })).db;
  }
  await migrate(db);
  return db;
}
