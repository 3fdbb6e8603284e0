// The SQL CASE expressions that bucket and stage accounts inside the cycle's set-based statements
// (bucket-sql.ts) must answer as the pure bucketFor and stageFor do. Property tests: strategies
// generated valid (validateStrategy accepts each one), each with a batch of DPDs, overdue amounts
// and currencies evaluated in one query through the very builders the cycle calls, on the test
// database. The seed is printed; FAIRCOLLECT_PROPERTY_SEED=<seed> replays a run.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import fc from 'fast-check';
import type { Db } from '../../db/database.ts';
import { openTestDatabase } from '../../../test/support/test-database.ts';
import { bucketFor, type Bucket } from '../../domain/delinquency/bucket-scheme.ts';
import { stageFor } from '../../policy/strategy/stage-for.ts';
import {
  STAGES, validateStrategy, type StrategyDocument,
} from '../../policy/strategy/strategy-document.ts';
import { DEFAULT_STRATEGY } from '../../policy/strategy/default-strategy.ts';
import { parseMajor } from '../../stdx/money.ts';
import { bucketCaseSql, stageCaseSql } from './bucket-sql.ts';

const SEED = process.env.FAIRCOLLECT_PROPERTY_SEED === undefined
  ? randomInt(2 ** 31) : Number(process.env.FAIRCOLLECT_PROPERTY_SEED);
/** Strategies per property; each brings a batch of inputs, so a property checks thousands of cases. */
const STRATEGIES_PER_PROPERTY = 150;
const INPUTS_PER_STRATEGY_MAX = 40;
/** Above the schema's largest minDpd (3650), so the open bucket and the top stage are reached. */
const DPD_MAX = 5_000;
/** The currencies a product may hold, and one no threshold can name. */
const CURRENCIES = ['CNY', 'USD', 'GBP', 'EUR', 'HKD', 'JPY'] as const;
const THRESHOLD_CURRENCIES = ['CNY', 'USD', 'GBP', 'EUR', 'HKD'] as const;

let db: Db;
before(async () => {
  db = await openTestDatabase();
});
after(async () => {
  await db.close();
});

const bucketName = fc.stringMatching(/^[A-Za-z0-9+_-]{1,16}$/);

/** A valid scheme: M0 holds DPD 0 exactly, bounds strictly increase, the last bucket is open. */
const bucketScheme: fc.Arbitrary<Bucket[]> = fc.record({
  names: fc.uniqueArray(bucketName, { minLength: 2, maxLength: 24 }),
  steps: fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 23, maxLength: 23 }),
}).map(({ names, steps }) => {
  let bound = 0;
  return names.map((name, index) => {
    if (index === names.length - 1) return { name, dpdMax: null };
    if (index > 0) bound += steps[index]!;
    return { name, dpdMax: bound };
  });
});

const amount = fc.oneof(
  fc.bigInt({ min: 0n, max: 999_999_999_999n })
    .map((minor) => `${minor / 100n}.${(minor % 100n).toString().padStart(2, '0')}`),
  fc.bigInt({ min: 0n, max: 99_999n }).map((major) => `${major}`),
);

const stages = fc.subarray([...STAGES], { minLength: 1 }).chain((chosen) => fc.tuple(...chosen.map(
  (stage) => fc.record({
    stage: fc.constant(stage),
    minDpd: fc.integer({ min: 1, max: 3650 }),
    minOverdue: fc.option(
      fc.dictionary(fc.constantFrom(...THRESHOLD_CURRENCIES), amount), { nil: undefined },
    ),
  }, { requiredKeys: ['stage', 'minDpd'] }),
)));

const strategy: fc.Arbitrary<StrategyDocument> = fc.record({ buckets: bucketScheme, stages })
  .map(({ buckets, stages: ladder }) => {
    const document = { name: 'generated', buckets, stages: ladder, treatments: [] };
    const checked = validateStrategy(JSON.parse(JSON.stringify(document)));
    assert.ok(checked.ok, `generated strategy is valid: ${JSON.stringify(checked)}`);
    return checked.strategy;
  });

/** DPDs near the strategy's own boundaries as well as anywhere. */
function dpds(document: StrategyDocument): fc.Arbitrary<number[]> {
  const edges = [
    ...document.buckets.flatMap(
      (bucket) => bucket.dpdMax === null ? [] : [bucket.dpdMax, bucket.dpdMax + 1],
    ),
    ...document.stages.flatMap((stage) => [stage.minDpd - 1, stage.minDpd]),
  ];
  return fc.array(fc.oneof(fc.constantFrom(...edges), fc.integer({ min: 0, max: DPD_MAX })), {
    minLength: 1, maxLength: INPUTS_PER_STRATEGY_MAX,
  });
}

type Figures = { dpd: number; overdueMinor: bigint; currency: string };

function figures(document: StrategyDocument): fc.Arbitrary<Figures[]> {
  // The thresholds themselves, where >= and < part.
  const thresholds = document.stages.flatMap((stage) => Object.entries(stage.minOverdue ?? {}))
    .map(([currency, text]) => parseMajor(text, currency)!);
  const overdue = fc.oneof(
    fc.bigInt({ min: 0n, max: 100_000_000_000_00n }),
    ...(thresholds.length === 0 ? [] : [fc.constantFrom(...thresholds)]),
  );
  return dpds(document).chain((list) => fc.tuple(...list.map((dpd) => fc.record({
    dpd: fc.constant(dpd), overdueMinor: overdue, currency: fc.constantFrom(...CURRENCIES),
  }))));
}

test('the bucket CASE expression buckets every DPD as bucketFor does', async (t) => {
  t.diagnostic(`seed ${SEED} (replay with FAIRCOLLECT_PROPERTY_SEED=${SEED})`);
  await fc.assert(fc.asyncProperty(
    strategy.chain((document) => fc.tuple(fc.constant(document), dpds(document))),
    async ([document, list]) => {
      const bucket = bucketCaseSql(document.buckets, 'v.dpd');
      const rows = await db.query<{ bucket: string }>(`SELECT ${bucket} AS bucket
        FROM jsonb_to_recordset($1::jsonb) AS v(ord integer, dpd integer) ORDER BY v.ord`,
      [JSON.stringify(list.map((dpd, ord) => ({ ord, dpd })))]);
      assert.deepEqual(
        rows.map((row) => row.bucket), list.map((dpd) => bucketFor(dpd, document.buckets)),
      );
    },
  ), { seed: SEED, numRuns: STRATEGIES_PER_PROPERTY });
});

test('the stage CASE expression stages every case as stageFor does', async (t) => {
  t.diagnostic(`seed ${SEED} (replay with FAIRCOLLECT_PROPERTY_SEED=${SEED})`);
  await fc.assert(fc.asyncProperty(
    fc.oneof(strategy, fc.constant(DEFAULT_STRATEGY))
      .chain((document) => fc.tuple(fc.constant(document), figures(document))),
    async ([document, list]) => {
      const stage = stageCaseSql(document, 'v.dpd', 'v.overdue', 'v.currency::char(3)');
      const rows = await db.query<{ stage: string }>(`SELECT ${stage} AS stage
        FROM jsonb_to_recordset($1::jsonb) AS v(ord integer, dpd integer, overdue bigint, currency text)
        ORDER BY v.ord`,
      [JSON.stringify(list.map((item, ord) => ({
        ord, dpd: item.dpd, overdue: item.overdueMinor.toString(), currency: item.currency,
      })))]);
      assert.deepEqual(
        rows.map((row) => row.stage),
        list.map((item) => stageFor(document, item.dpd, item.overdueMinor, item.currency)),
      );
    },
  ), { seed: SEED, numRuns: STRATEGIES_PER_PROPERTY });
});
