// DPD at the grace boundary, bucket boundaries, and penalty accrual on day-count edges (month
// ends, leap days, year ends, reruns and gaps). These pure functions are the reference the
// set-based SQL of the daily cycle is checked against.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { daysPastDue } from './days-past-due.ts';
import { bucketFor, DEFAULT_BUCKETS, validateBuckets } from './bucket-scheme.ts';
import { accruePenalty } from './accrue-penalty.ts';

const dpdCases: [string, string | null, string, number, number][] = [
  ['nothing unpaid', null, '2026-03-20', 3, 0],
  ['due today', '2026-03-10', '2026-03-10', 3, 0],
  ['last day of grace', '2026-03-10', '2026-03-13', 3, 0],
  ['first day past grace', '2026-03-10', '2026-03-14', 3, 1],
  ['no grace: the day after the due date', '2026-03-10', '2026-03-11', 0, 1],
  ['across February in a leap year', '2028-02-28', '2028-03-02', 0, 3],
  ['across a year end', '2026-12-31', '2027-01-01', 0, 1],
];
for (const [name, due, asOf, grace, expected] of dpdCases) {
  test(`DPD: ${name}`, () => assert.equal(daysPastDue(due, asOf, grace), expected));
}

const bucketCases: [number, string][] = [
  [0, 'M0'], [1, 'M1'], [30, 'M1'], [31, 'M2'], [90, 'M3'], [91, 'M4'], [150, 'M5'], [151, 'M6+'],
  [4000, 'M6+'],
];
for (const [dpd, bucket] of bucketCases) {
  test(`bucket: DPD ${dpd} is ${bucket}`, () => assert.equal(bucketFor(dpd, DEFAULT_BUCKETS), bucket));
}

test('bucket schemes are validated', () => {
  assert.equal(validateBuckets(DEFAULT_BUCKETS), null);
  assert.equal(validateBuckets([])?.reason, 'buckets_empty');
  assert.equal(
    validateBuckets([{ name: 'M1', dpdMax: 30 }, { name: 'X', dpdMax: null }])?.reason,
    'first_bucket_not_current',
  );
  assert.equal(
    validateBuckets([{ name: 'M0', dpdMax: 0 }, { name: 'M1', dpdMax: 30 }])?.reason, 'last_bucket_not_open',
  );
  assert.equal(
    validateBuckets([
      { name: 'M0', dpdMax: 0 }, { name: 'M1', dpdMax: 0 }, { name: 'M2', dpdMax: null },
    ])?.reason,
    'bucket_bounds_not_increasing',
  );
  assert.equal(
    validateBuckets([{ name: 'M0', dpdMax: 0 }, { name: 'M0', dpdMax: null }])?.reason,
    'bucket_name_repeated',
  );
});

const base = { basisMinor: 100000n, ratePpmPerDay: 500, graceDays: 3, penaltyThrough: null };
const penaltyCases: {
  name: string; dueDate: string; asOf: string; penaltyThrough?: string | null; graceDays?: number;
  penalty: bigint; days: number;
}[] = [
  { name: 'due date itself', dueDate: '2026-03-10', asOf: '2026-03-10', penalty: 0n, days: 0 },
  { name: 'inside grace', dueDate: '2026-03-10', asOf: '2026-03-13', penalty: 0n, days: 0 },
  // Past grace on day 4: four days since the due date are charged, 100000 × 0.0005 × 4 = 200.
  {
    name: 'first day past grace charges back to the due date',
    dueDate: '2026-03-10', asOf: '2026-03-14', penalty: 200n, days: 4,
  },
  {
    name: 'next day charges one day',
    dueDate: '2026-03-10', asOf: '2026-03-15', penaltyThrough: '2026-03-14', penalty: 50n, days: 1,
  },
  {
    name: 'rerun of the same date charges nothing',
    dueDate: '2026-03-10', asOf: '2026-03-15', penaltyThrough: '2026-03-15', penalty: 0n, days: 0,
  },
  {
    name: 'gap of three days is charged once',
    dueDate: '2026-03-10', asOf: '2026-03-18', penaltyThrough: '2026-03-15', penalty: 150n, days: 3,
  },
  {
    name: 'January 31 due, February in a common year',
    dueDate: '2027-01-31', asOf: '2027-03-01', graceDays: 0, penalty: 1450n, days: 29,
  },
  {
    name: 'January 31 due, February in a leap year',
    dueDate: '2028-01-31', asOf: '2028-03-01', graceDays: 0, penalty: 1500n, days: 30,
  },
  {
    name: 'across the year end',
    dueDate: '2026-12-30', asOf: '2027-01-02', graceDays: 0, penalty: 150n, days: 3,
  },
];
for (const row of penaltyCases) {
  test(`penalty: ${row.name}`, () => {
    const result = accruePenalty({
      ...base, dueDate: row.dueDate, asOf: row.asOf, penaltyThrough: row.penaltyThrough ?? null,
      graceDays: row.graceDays ?? 3,
    });
    assert.equal(result.penaltyMinor, row.penalty);
    assert.equal(result.days, row.days);
  });
}

test('penalty rounds half up to the minor unit', () => {
  // 1 × 500 ppm × 1 day = 0.0005 of a fen → 0; 1000 × 500 ppm = 0.5 fen → 1.
  assert.equal(accruePenalty({
    ...base, basisMinor: 1n, graceDays: 0, dueDate: '2026-01-01', asOf: '2026-01-02',
  }).penaltyMinor, 0n);
  assert.equal(accruePenalty({
    ...base, basisMinor: 1000n, graceDays: 0, dueDate: '2026-01-01', asOf: '2026-01-02',
  }).penaltyMinor, 1n);
});

test('no basis, no penalty', () => {
  assert.equal(
    accruePenalty({ ...base, basisMinor: 0n, dueDate: '2026-01-01', asOf: '2026-02-01' }).penaltyMinor, 0n,
  );
});
