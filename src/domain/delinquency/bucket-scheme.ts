import { assert } from '../../stdx/assert.ts';

/**
 * Delinquency buckets: M0 is current, M1 is 1–30 DPD, … The boundaries are configurable data in
 * the strategy document; the default is the industry's 30-day ladder ending in an open bucket.
 */
export type Bucket = {
  readonly name: string;
  /** Inclusive upper bound; null for the last, open bucket. */
  readonly dpdMax: number | null;
};

export const DEFAULT_BUCKETS: readonly Bucket[] = [
  { name: 'M0', dpdMax: 0 },
  { name: 'M1', dpdMax: 30 },
  { name: 'M2', dpdMax: 60 },
  { name: 'M3', dpdMax: 90 },
  { name: 'M4', dpdMax: 120 },
  { name: 'M5', dpdMax: 150 },
  { name: 'M6+', dpdMax: null },
];

export type BucketSchemeProblem = {
  reason: 'buckets_empty' | 'bucket_bounds_not_increasing' | 'first_bucket_not_current'
    | 'last_bucket_not_open' | 'bucket_name_invalid' | 'bucket_name_repeated';
  index: number;
};

const BUCKET_NAME = /^[A-Za-z0-9+_-]{1,16}$/;

/** A scheme is valid when M0 holds exactly DPD 0, bounds increase, and the last bucket is open. */
export function validateBuckets(buckets: readonly Bucket[]): BucketSchemeProblem | null {
  if (buckets.length === 0) return { reason: 'buckets_empty', index: 0 };
  if (buckets[0]!.dpdMax !== 0) return { reason: 'first_bucket_not_current', index: 0 };
  const names = new Set<string>();
  for (const [index, bucket] of buckets.entries()) {
    if (!BUCKET_NAME.test(bucket.name)) return { reason: 'bucket_name_invalid', index };
    if (names.has(bucket.name)) return { reason: 'bucket_name_repeated', index };
    names.add(bucket.name);
    const last = index === buckets.length - 1;
    if (last !== (bucket.dpdMax === null)) return { reason: 'last_bucket_not_open', index };
    const previous = buckets[index - 1];
    if (previous !== undefined && bucket.dpdMax !== null && bucket.dpdMax <= previous.dpdMax!) {
      return { reason: 'bucket_bounds_not_increasing', index };
    }
  }
  return null;
}

export function bucketFor(dpd: number, buckets: readonly Bucket[]): string {
  assert(dpd >= 0, 'DPD is never negative');
  for (const bucket of buckets) if (bucket.dpdMax === null || dpd <= bucket.dpdMax) return bucket.name;
  assert(false, 'a valid scheme ends with an open bucket');
}
