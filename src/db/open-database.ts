import { mkdir } from 'node:fs/promises';
import type { Config } from '../config/config.ts';
import type { Db } from './database.ts';
import { migrate } from './migrate.ts';
import { openPglite } from './pglite-database.ts';
import { openPostgres } from './postgres-database.ts';

/** PostgreSQL when DATABASE_URL is set, else PGlite on disk in the data directory. */
export async function connectDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Db> {
  if (config.databaseUrl !== null) return (await openPostgres(config.databaseUrl)).db;
  await mkdir(config.dataDir, { recursive: true });
  return (await openPglite({ dataDir: config.dataDir })).db;
}

/** Connects and brings the schema up to date. */
export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Db> {
  const db = await connectDatabase(config);
  await migrate(db);
  return db;
}
