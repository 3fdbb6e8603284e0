import type { Db } from '../../db/database.ts';

/**
 * The date of the latest portfolio snapshot: the last cycle date any cycle recorded buckets for, or
 * null before the first cycle. Reading it changes nothing, so a page of an empty portfolio can ask.
 */
export async function getLatestSnapshotDate(db: Db): Promise<string | null> {
  const [latest] = await db.query<{ as_of: string | null }>(
    'SELECT max(as_of) AS as_of FROM snapshot_bucket',
  );
  return latest?.as_of ?? null;
}
