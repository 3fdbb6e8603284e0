// The shipped ladder is valid, versions are content hashes, and the ladder picks stages by DPD
// and amount at each threshold.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_STRATEGY } from './default-strategy.ts';
import { queuePolicyOf, strategyVersion, validateStrategy } from './strategy-document.ts';
import { stageFor, treatmentsDue } from './stage-for.ts';

test('the default strategy validates', () => {
  assert.deepEqual(validateStrategy(DEFAULT_STRATEGY), { ok: true, strategy: DEFAULT_STRATEGY });
});

test('invalid documents name the path', () => {
  const result = validateStrategy({
    ...DEFAULT_STRATEGY, stages: [{ stage: 'phone_collection', minDpd: 0 }],
  });
  assert.equal(result.ok, false);
  assert.ok(!result.ok && result.problems.some((problem) => problem.path === '/stages/0/minDpd'));
  const reordered = validateStrategy({ ...DEFAULT_STRATEGY, stages: [...DEFAULT_STRATEGY.stages].reverse() });
  assert.ok(!reordered.ok && reordered.problems.some((problem) => problem.message.includes('ladder order')));
});

test('the version changes with the content and only with it', () => {
  const again = structuredClone(DEFAULT_STRATEGY);
  assert.equal(strategyVersion(again), strategyVersion(DEFAULT_STRATEGY));
  again.stages[1]!.minDpd = 9;
  assert.notEqual(strategyVersion(again), strategyVersion(DEFAULT_STRATEGY));
});

const ladder: [number, bigint, string, string][] = [
  [1, 100n, 'CNY', 'gentle_reminder'],
  [7, 100n, 'CNY', 'gentle_reminder'],
  [8, 100n, 'CNY', 'phone_collection'],
  [31, 100n, 'CNY', 'firm_notice'],
  [61, 299999n, 'CNY', 'firm_notice'],
  [61, 300000n, 'CNY', 'field_visit_or_agency'],
  [91, 100n, 'CNY', 'credit_bureau_notice'],
  [91, 999999n, 'CNY', 'credit_bureau_notice'],
  [91, 1000000n, 'CNY', 'legal_review'],
  [120, 250000n, 'USD', 'legal_review'],
];
for (const [dpd, overdue, currency, stage] of ladder) {
  test(`ladder: DPD ${dpd}, ${overdue} ${currency} → ${stage}`, () => {
    assert.equal(stageFor(DEFAULT_STRATEGY, dpd, overdue, currency), stage);
  });
}

test('treatments repeat on their cadence and one-offs fire once', () => {
  const actions = (day: number) =>
    treatmentsDue(DEFAULT_STRATEGY, 'gentle_reminder', day).map((t) => t.action);
  assert.deepEqual(actions(0), ['reminder_sms']);
  assert.deepEqual(actions(1), ['reminder_push']);
  assert.deepEqual(actions(3), ['reminder_sms']);
  const firm = (day: number) => treatmentsDue(DEFAULT_STRATEGY, 'firm_notice', day).map((t) => t.action);
  assert.deepEqual(firm(0), ['firm_notice_letter']);
  assert.deepEqual(firm(2), []);
  assert.deepEqual(firm(3), ['collector_call']);
});

test('the queue section: order keys once each, stages of the ladder, bounded grace', () => {
  const withQueues = (queues: unknown) => validateStrategy({ ...DEFAULT_STRATEGY, queues });
  const base = DEFAULT_STRATEGY.queues!;
  assert.equal(withQueues({ ...base, teamByStage: { phone_collection: 'phone-a' } }).ok, true);
  assert.deepEqual(withQueues({ ...base, order: ['dpd', 'amount', 'dpd'] }),
    { ok: false, problems: [{ path: '/queues/order/2', message: 'each order key appears once' }] });
  assert.deepEqual(withQueues({ ...base, teamByStage: { no_such_stage: 'phone-a' } }),
    { ok: false, problems: [{ path: '/queues/teamByStage/no_such_stage',
      message: 'stage not in the ladder' }] });
  const unknownKey = withQueues({ ...base, order: ['loudest_first'] });
  assert.ok(!unknownKey.ok && unknownKey.problems.some((problem) => problem.path === '/queues/order/0'));
  const longGrace = withQueues({ ...base, promiseGraceDays: 31 });
  assert.ok(!longGrace.ok
    && longGrace.problems.some((problem) => problem.path === '/queues/promiseGraceDays'));
  const badTeam = withQueues({ ...base, teamByStage: { phone_collection: 'Phone A' } });
  assert.ok(!badTeam.ok
    && badTeam.problems.some((problem) => problem.path === '/queues/teamByStage/phone_collection'));
});

test('a document without queues keeps validating, under the shipped queue policy', () => {
  const { queues: _queues, ...older } = DEFAULT_STRATEGY;
  assert.equal(validateStrategy(older).ok, true);
  assert.deepEqual(queuePolicyOf(older), DEFAULT_STRATEGY.queues);
  assert.notEqual(strategyVersion(older), strategyVersion(DEFAULT_STRATEGY));
});
