import type { Config } from '../config/config.ts';
import type { Db } from './database.ts';
import { migrate } from './migrate.ts';
import { openPglite } from './pglite-database.ts';
import { openPostgres } from './postgres-database.ts';

/**
 * PostgreSQL when DATABASE_URL is set, else PGlite on disk in the data directory, which this process
 * then holds alone until `db.close()`. A database that cannot be opened is a DatabaseOpenError.
 */
export async function connectDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Db> {
  if (config.databaseUrl !== null) return (await openPostgres(config.databaseUrl)).db;
  return (await openPglite({ dataDir: config.dataDir })).db;
}

/** Connects and brings the schema up to date. */
export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Db> {
  const db = await connectDatabase(config);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
