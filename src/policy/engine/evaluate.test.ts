// The engine at its boundary: compile() refuses loosened settings naming the bound, evaluate() combines
// the rules into one Decision (allowed only when none denies; nextAllowedAt when every rule allows the
// action again), the id and version are stable hashes, and replay() reproduces a Decision exactly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CN_PACK, compile, evaluate, replay, US_PACK, type Evaluator } from '../index.ts';
import { attempt, attempts, cnSituation, usSituation } from '../rules/rule-case.ts';

function evaluatorOf(pack = CN_PACK, settings = {}): Evaluator {
  const compiled = compile(pack, null, settings);
  assert.ok(compiled.ok);
  return compiled.evaluator;
}

test('loosening a legal bound is refused with a message naming the bound and the rule', () => {
  const compiled = compile(CN_PACK, null, {
    quiet_hours: { allowed_start: '07:00', allowed_end: '22:30' },
    'voice.connected_calls_per_day_max': 4,
    visit: { staff_min: 1 },
  });
  assert.equal(compiled.ok, false);
  assert.deepEqual(!compiled.ok && compiled.problems.map((problem) => problem.message), [
    'quiet_hours.allowed_start 07:00 is earlier than the legal bound 08:00 (CN-GBT-01)',
    'quiet_hours.allowed_end 22:30 is later than the legal bound 22:00 (CN-GBT-01)',
    'voice.connected_calls_per_day_max 4 is more than the legal bound 3 (CN-GBT-02)',
    'visit.staff_min 1 is less than the legal bound 2 (CN-VISIT-01)',
  ]);
});

test('tightening is accepted; unknown keys, bad values and inverted windows are refused', () => {
  assert.equal(compile(CN_PACK, null, { quiet_hours: { allowed_start: '09:00',
    allowed_end: '20:00' } }).ok, true);
  const bad = compile(US_PACK, null, { contact_hours: { allowed_start: '9am' }, us_calls: { per_week: 3 } });
  assert.deepEqual(!bad.ok && bad.problems.map((problem) => [problem.path, problem.reason]), [
    ['contact_hours.allowed_start', 'invalid_value'], ['us_calls.per_week', 'unknown_parameter'],
  ]);
  const inverted = compile(US_PACK, null, { contact_hours: { allowed_start: '20:00',
    allowed_end: '10:00' } });
  assert.deepEqual(!inverted.ok && inverted.problems.map((problem) => problem.message),
    ['contact_hours.allowed_start 20:00 must be before contact_hours.allowed_end 10:00']);
  const soft = compile(CN_PACK, null, { unanswered_attempts: { level: 'warn' } });
  assert.equal(soft.ok, true);
});

test('the version hashes rules and settings; the id hashes version, situation and instant', () => {
  const plain = evaluatorOf();
  const strict = evaluatorOf(CN_PACK, { quiet_hours: { allowed_start: '09:00' } });
  assert.notEqual(plain.version, strict.version);
  assert.equal(evaluatorOf().version, plain.version);
  const situation = cnSituation();
  const first = evaluate(plain, situation, new Date('2026-03-10T06:00:00Z'));
  assert.equal(evaluate(plain, structuredClone(situation), new Date('2026-03-10T06:00:00Z')).id, first.id);
  assert.notEqual(evaluate(plain, situation, new Date('2026-03-10T06:00:01Z')).id, first.id);
  assert.notEqual(evaluate(strict, situation, new Date('2026-03-10T06:00:00Z')).id, first.id);
  assert.match(first.id, /^[0-9a-f]{64}$/);
  assert.equal(first.outcomes.length, CN_PACK.rules.length);
});

test('quiet hours and a reached cap: the next allowed instant is the window opening after midnight', () => {
  const situation = cnSituation({ history: attempts(3, '2026-03-10T01:00:00Z', 'connected') });
  const decision = evaluate(evaluatorOf(), situation, new Date('2026-03-10T14:30:00Z'));
  assert.equal(decision.allowed, false);
  assert.deepEqual(decision.outcomes.filter((item) => item.result === 'deny').map((item) => [item.ruleId,
    item.nextAllowedAt]), [
    ['CN-GBT-01', '2026-03-11T00:00:00.000Z'], ['CN-CBA-01', '2026-03-11T00:00:00.000Z'],
    ['CN-GBT-02', '2026-03-10T16:00:00.000Z'], ['CN-NIFA23-02', '2026-03-10T16:00:00.000Z'],
  ]);
  assert.equal(decision.nextAllowedAt, '2026-03-11T00:00:00.000Z');
});

test('a cooldown ending at midnight waits further for the 08:00 opening (US)', () => {
  const situation = usSituation({ history: [attempt('2026-03-10T15:00:00Z', 'connected')],
    events: [{ kind: 'validation_notice', at: '2026-03-10T15:00:00Z' }] });
  const decision = evaluate(evaluatorOf(US_PACK), situation, new Date('2026-03-12T15:00:00Z'));
  assert.equal(decision.allowed, false);
  // Day 8 starts at 04:00Z (midnight EDT); the window opens at 08:00 EDT, 12:00Z.
  assert.equal(decision.nextAllowedAt, '2026-03-17T12:00:00.000Z');
});

test('a denial that waiting cannot lift gives no next instant', () => {
  const situation = cnSituation({ holds: [{ kind: 'dispute', startedAt: '2026-03-01T00:00:00Z' }] });
  const decision = evaluate(evaluatorOf(), situation, new Date('2026-03-10T14:30:00Z'));
  assert.equal(decision.allowed, false);
  assert.equal(decision.nextAllowedAt, null);
});

test('warnings do not block: a soft limit set to warn allows the call', () => {
  const situation = cnSituation({ history: attempts(6, '2026-03-10T01:00:00Z', 'no_answer') });
  const now = new Date('2026-03-10T06:00:00Z');
  assert.equal(evaluate(evaluatorOf(), situation, now).allowed, false);
  const soft = evaluate(evaluatorOf(CN_PACK, { unanswered_attempts: { level: 'warn' } }), situation, now);
  assert.equal(soft.allowed, true);
  assert.equal(soft.outcomes.find((item) => item.ruleId === 'CN-CBA-02')?.result, 'warn');
});

test("a denial or warning under the lender's settings names them; the law's own denial names none", () => {
  const situation = cnSituation({});
  // 08:30 in Shanghai: lawful, but before this lender's 09:00.
  const early = new Date('2026-03-10T00:30:00Z');
  const tight = evaluatorOf(CN_PACK, { quiet_hours: { allowed_start: '09:00', allowed_end: '20:00' } });
  const denied = evaluate(tight, situation, early);
  assert.equal(denied.allowed, false);
  const window = { 'quiet_hours.allowed_start': '09:00', 'quiet_hours.allowed_end': '20:00' };
  assert.deepEqual(denied.outcomes.filter((item) => item.settings !== undefined)
    .map((item) => [item.ruleId, item.result, item.settings]),
  // The standard's and the association's quiet hours read the same setting.
  [['CN-GBT-01', 'deny', window], ['CN-CBA-01', 'deny', window]]);
  assert.ok(denied.outcomes.filter((item) => item.result === 'allow').every((item) =>
    item.settings === undefined), 'an allowing rule names no setting');
  const lawNight = evaluate(evaluatorOf(), situation, new Date('2026-03-10T14:30:00Z'));
  assert.ok(lawNight.outcomes.every((item) => item.settings === undefined),
    'defaults are the law, not a setting');
  const soft = evaluate(evaluatorOf(CN_PACK, { unanswered_attempts: { level: 'warn' } }),
    cnSituation({ history: attempts(6, '2026-03-10T01:00:00Z', 'no_answer') }),
    new Date('2026-03-10T06:00:00Z'));
  const warned = soft.outcomes.find((item) => item.ruleId === 'CN-CBA-02');
  assert.deepEqual([warned?.result, warned?.settings], ['warn', { 'unanswered_attempts.level': 'warn' }]);
});

test('replay gives the same Decision, from the registry or recompiled from the recorded settings', () => {
  const settings = { quiet_hours: { allowed_end: '21:00' } };
  const evaluator = evaluatorOf(CN_PACK, settings);
  const situation = cnSituation({ history: attempts(2, '2026-03-10T01:00:00Z', 'connected') });
  const decision = evaluate(evaluator, situation, new Date('2026-03-10T13:30:00Z'));
  assert.equal(decision.allowed, false);
  const again = replay(decision, situation);
  assert.ok(again.ok && again.identical);
  const recompiled = replay({ ...decision, policyVersion: decision.policyVersion }, situation, { settings });
  assert.ok(recompiled.ok && recompiled.identical);
  const unknown = replay({ ...decision, policyVersion: 'f'.repeat(64) }, situation);
  assert.deepEqual(unknown, { ok: false, reason: 'unknown_policy_version' });
  const mismatch = replay({ ...decision, policyVersion: 'f'.repeat(64) }, situation, { settings });
  assert.deepEqual(mismatch, { ok: false, reason: 'policy_version_mismatch' });
  const changed = replay(decision, { ...situation, history: [] });
  assert.ok(changed.ok && !changed.identical);
});
