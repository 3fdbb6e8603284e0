import assert from 'node:assert/strict';
import test from 'node:test';
import type { Decision } from '../../policy/index.ts';
import { packDecision, unpackDecision } from './stored-decision.ts';

const DECISION: Decision = {
  id: 'd'.repeat(64),
  allowed: false,
  pack: 'CN',
  policyVersion: 'v'.repeat(64),
  evaluatedAt: '2026-11-24T14:30:00.000Z',
  nextAllowedAt: '2026-11-25T00:00:00.000Z',
  outcomes: [
    { ruleId: 'CN-GBT-01', result: 'deny', reason: 'quiet_hours', citation: 'GB/T 45251-2025 §5.3',
      nextAllowedAt: '2026-11-25T00:00:00.000Z', detail: { localTime: '22:30' } },
    { ruleId: 'CN-GBT-02', result: 'allow', reason: 'under_daily_connected_call_cap', citation: 'c2',
      detail: { count: 0, limit: 3 } },
    { ruleId: 'CN-HOLD-01', result: 'deny', reason: 'hold', citation: 'c3',
      nextAllowedAt: '2026-12-01T00:00:00.000Z' },
    { ruleId: 'CN-VISIT-01', result: 'not_applicable', reason: 'channel_not_covered', citation: 'c4' },
  ],
};
const CITATIONS = Object.fromEntries(DECISION.outcomes.map((outcome) => [outcome.ruleId, outcome.citation]));
const { outcomes: _, ...HEADER } = DECISION;

test('a packed Decision keeps only the outcomes, without citations or trailing empty fields', () => {
  assert.deepEqual(packDecision(DECISION), {
    outcomes: [
      ['CN-GBT-01', 'deny', 'quiet_hours', '2026-11-25T00:00:00.000Z', { localTime: '22:30' }],
      ['CN-GBT-02', 'allow', 'under_daily_connected_call_cap', null, { count: 0, limit: 3 }],
      ['CN-HOLD-01', 'deny', 'hold', '2026-12-01T00:00:00.000Z'],
      ['CN-VISIT-01', 'not_applicable', 'channel_not_covered'],
    ],
  });
});

test('unpacking with the row header and the version citations gives back the Decision exactly', () => {
  const stored = JSON.parse(JSON.stringify(packDecision(DECISION)));
  assert.deepEqual(unpackDecision(HEADER, stored, CITATIONS), DECISION);
});

test('a row written in the earlier layout (header in the JSON, every field present) reads the same', () => {
  const earlier = {
    ...HEADER,
    outcomes: DECISION.outcomes.map((outcome) => [outcome.ruleId, outcome.result, outcome.reason,
      outcome.nextAllowedAt ?? null, outcome.detail ?? null]),
  };
  assert.deepEqual(unpackDecision(HEADER, earlier as never, CITATIONS), DECISION);
});
