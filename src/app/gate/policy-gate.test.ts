// The gate reads the packs registry: a jurisdiction has a pack exactly when PACKS has one, the gate
// compiles one evaluator per shipped pack under that pack's settings, and a settings problem names
// the pack it belongs to.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PACKS } from '../../policy/index.ts';
import { PACK_IDS } from '../../policy/situation.ts';
import { buildPolicyGate, packFor } from './policy-gate.ts';

test('a jurisdiction has a pack exactly when the registry holds one', () => {
  assert.deepEqual(['CN', 'US', 'UK', 'cn', '', 'hasOwnProperty'].map(packFor),
    ['CN', 'US', null, null, null, null]);
});

test('one evaluator per shipped pack, compiled under its own settings', () => {
  const built = buildPolicyGate({ US: { contact_hours: { allowed_start: '09:00' } } });
  assert.ok(built.ok);
  assert.deepEqual(Object.keys(built.gate.evaluators), [...PACK_IDS]);
  for (const id of PACK_IDS) assert.equal(built.gate.evaluators[id].pack, PACKS[id]);
  assert.deepEqual(built.gate.settings, { CN: {}, US: { contact_hours: { allowed_start: '09:00' } } });
  assert.equal(built.gate.evaluators.US.settings['contact_hours.allowed_start'], '09:00');
});

test("a loosened bound is refused with the pack's id on its path", () => {
  const built = buildPolicyGate({ CN: { quiet_hours: { allowed_start: '07:00' } },
    US: { contact_hours: { allowed_end: '22:00' } } });
  assert.deepEqual(!built.ok && built.problems.map((problem) => [problem.path, problem.reason]), [
    ['CN.quiet_hours.allowed_start', 'loosens_legal_bound'],
    ['US.contact_hours.allowed_end', 'loosens_legal_bound'],
  ]);
});
