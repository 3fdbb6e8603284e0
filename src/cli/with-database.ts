import type { Db } from '../db/database.ts';
import { openDatabase } from '../db/open-database.ts';
import { loadConfig } from './load-config.ts';

/** Opens the configured database for one command and closes it whatever happens. */
export async function withDatabase<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDatabase(loadConfig());
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}
