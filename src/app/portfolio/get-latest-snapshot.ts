import type { Db } from '../../db/database.ts';
import { loadActiveStrategy } from '../strategy/active-strategy.ts';
import { getLatestSnapshotDate } from './get-latest-snapshot-date.ts';
import { getSnapshots, type SnapshotDay } from './get-snapshots.ts';

/**
 * The aging table of the latest cycle: the snapshot of the last date any cycle recorded, with its
 * buckets in the active strategy's order. Both are null before the first cycle.
 */
export type LatestSnapshot = { asOf: string | null; snapshot: SnapshotDay | null };

export async function getLatestSnapshot(db: Db): Promise<LatestSnapshot> {
  const asOf = await getLatestSnapshotDate(db);
  // Checked before the strategy is loaded: loading it stores the default strategy when none is
  // active, and a read of an empty portfolio should leave the database as it found it.
  if (asOf === null) return { asOf: null, snapshot: null };
  const { strategy } = await loadActiveStrategy(db);
  const [snapshot] = await getSnapshots(db, {
    from: asOf, to: asOf, bucketOrder: strategy.buckets.map((bucket) => bucket.name),
  });
  return { asOf, snapshot: snapshot ?? null };
}
