import type { Db } from '../../db/database.ts';

/** One stored strategy document: its version, name, when it was first loaded, and whether it is active. */
export type StrategyVersionRow = {
  readonly version: string;
  readonly name: string;
  readonly loadedAt: string;
  readonly active: boolean;
};

/**
 * Every strategy ever loaded, newest first. Activating a document never deletes the one before it:
 * cases and planned actions name the version they were treated under, so each must stay readable.
 */
export async function listStrategyVersions(db: Db): Promise<StrategyVersionRow[]> {
  const rows = await db.query<{ version: string; name: string; created_at: Date | string; active: boolean }>(
    'SELECT version, name, created_at, active FROM strategy_document ORDER BY created_at DESC, version');
  return rows.map((row) => ({
    version: row.version, name: row.name, active: row.active,
    loadedAt: new Date(row.created_at).toISOString(),
  }));
}
