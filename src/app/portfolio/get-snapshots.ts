import type { Db } from '../../db/database.ts';
import type { Row } from '../../db/schema.ts';

/**
 * The portfolio over time (R22): per date, accounts and amounts per bucket and currency, and the
 * roll rate from each bucket to the next (accounts that moved down one bucket ÷ accounts that were
 * in the bucket the previous cycle).
 */
export type SnapshotDay = {
  asOf: string;
  buckets: {
    currency: string; bucket: string; accounts: number; overdueMinor: string; outstandingMinor: string;
  }[];
  rollRates: { fromBucket: string; toBucket: string; accounts: number; base: number; rate: number }[];
};

export async function getSnapshots(
  db: Db, options: { from?: string; to?: string; bucketOrder: readonly string[] },
): Promise<SnapshotDay[]> {
  const buckets = await db.query<Row<'snapshot_bucket'>>(`SELECT * FROM snapshot_bucket
    WHERE ($1::date IS NULL OR as_of >= $1) AND ($2::date IS NULL OR as_of <= $2)
    ORDER BY as_of, currency, bucket`,
  [options.from ?? null, options.to ?? null]);
  const rolls = await db.query<Row<'snapshot_roll'>>(`SELECT * FROM snapshot_roll
    WHERE ($1::date IS NULL OR as_of >= $1) AND ($2::date IS NULL OR as_of <= $2) ORDER BY as_of`,
  [options.from ?? null, options.to ?? null]);
  const days = new Map<string, SnapshotDay>();
  const day = (asOf: string) => {
    let found = days.get(asOf);
    if (found === undefined) days.set(asOf, found = { asOf, buckets: [], rollRates: [] });
    return found;
  };
  const rank = (bucket: string) => options.bucketOrder.indexOf(bucket);
  for (const row of buckets) {
    day(row.as_of).buckets.push({
      currency: row.currency, bucket: row.bucket, accounts: row.accounts,
      overdueMinor: String(row.overdue_minor), outstandingMinor: String(row.outstanding_minor),
    });
  }
  const rollsByDay = new Map<string, Row<'snapshot_roll'>[]>();
  for (const row of rolls) {
    rollsByDay.set(row.as_of, [...(rollsByDay.get(row.as_of) ?? []), row]);
  }
  for (const [asOf, rows] of rollsByDay) {
    for (const [index, from] of options.bucketOrder.entries()) {
      const to = options.bucketOrder[index + 1];
      if (to === undefined) continue;
      const base = rows.filter((row) => row.from_bucket === from)
        .reduce((total, row) => total + row.accounts, 0);
      const moved = rows.filter((row) => row.from_bucket === from && rank(row.to_bucket) > index)
        .reduce((total, row) => total + row.accounts, 0);
      day(asOf).rollRates.push({
        fromBucket: from, toBucket: to, accounts: moved, base, rate: base === 0 ? 0 : moved / base,
      });
    }
  }
  return [...days.values()].sort((left, right) => (left.asOf < right.asOf ? -1 : 1));
}
