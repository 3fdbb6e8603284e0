import type { Bucket } from '../../domain/delinquency/bucket-scheme.ts';
import { validateBuckets } from '../../domain/delinquency/bucket-scheme.ts';
import { parseMajor } from '../../stdx/money.ts';
import { assert } from '../../stdx/assert.ts';
import type { StrategyDocument } from '../../policy/strategy/strategy-document.ts';

/**
 * SQL CASE expressions generated from the strategy document, so that bucketing and staging run
 * inside the set-based statements. Only validated integers and names matching a strict pattern
 * reach the text (validateStrategy guarantees both), and property tests over generated strategies
 * (bucket-sql.db.test.ts) hold the SQL's answers equal to the pure bucketFor/stageFor.
 */
const SAFE_NAME = /^[A-Za-z0-9+_-]{1,40}$/;

export function bucketCaseSql(buckets: readonly Bucket[], dpdExpression: string): string {
  assert(validateBuckets(buckets) === null, 'bucket scheme validated before use');
  const arms = buckets.map((bucket) => {
    assert(SAFE_NAME.test(bucket.name), 'bucket name is safe');
    return bucket.dpdMax === null
      ? `ELSE '${bucket.name}'`
      : `WHEN ${dpdExpression} <= ${bucket.dpdMax} THEN '${bucket.name}'`;
  });
  return `(CASE ${arms.join(' ')} END)`;
}

export function stageCaseSql(
  strategy: StrategyDocument, dpd: string, overdue: string, currency: string,
): string {
  const arms: string[] = [];
  for (const stage of [...strategy.stages].reverse()) {
    assert(SAFE_NAME.test(stage.stage) && Number.isInteger(stage.minDpd), 'stage is safe');
    const conditions = [`${dpd} >= ${stage.minDpd}`];
    const thresholds = Object.entries(stage.minOverdue ?? {});
    if (thresholds.length > 0) {
      const listed = thresholds.map(([code]) => {
        assert(/^[A-Z]{3}$/.test(code), 'currency is safe');
        return `'${code}'`;
      });
      const amounts = thresholds.map(
        ([code, amount]) => `(${currency} = '${code}' AND ${overdue} >= ${parseMajor(amount, code)!})`,
      );
      conditions.push(`(${currency} NOT IN (${listed.join(', ')}) OR ${amounts.join(' OR ')})`);
    }
    arms.push(`WHEN ${conditions.join(' AND ')} THEN '${stage.stage}'`);
  }
  return `(CASE ${arms.join(' ')} ELSE '${strategy.stages[0]!.stage}' END)`;
}
