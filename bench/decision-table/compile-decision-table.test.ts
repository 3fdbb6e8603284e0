// The bench's first-hit table compiler: rules are tried in order, the first whose conditions all hold wins,
// and the fallback applies when none does; each operator is checked at its boundary.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileDecisionTable } from './compile-decision-table.ts';

const decide = compileDecisionTable({
  hitPolicy: 'first',
  rules: [
    { id: 'bankrupt', when: [{ field: 'bankrupt', op: 'is', value: true }], then: 'suppress' },
    { id: 'seven_calls', when: [{ field: 'calls', op: 'gte', value: 7 }], then: 'defer' },
    { id: 'early', when: [{ field: 'hour', op: 'lt', value: 8 }], then: 'defer' },
    { id: 'sms', when: [{ field: 'sms', op: 'is', value: true }, { field: 'hour', op: 'lte', value: 20 }],
      then: 'sms' },
  ],
  otherwise: 'call',
});

test('the first matching rule wins, and the fallback applies when none matches', () => {
  const base = { bankrupt: false, calls: 0, hour: 10, sms: false };
  assert.deepEqual(decide({ ...base, bankrupt: true, calls: 9 }), { output: 'suppress', ruleId: 'bankrupt' });
  assert.deepEqual(decide({ ...base, calls: 7 }), { output: 'defer', ruleId: 'seven_calls' });
  assert.deepEqual(decide({ ...base, calls: 6 }), { output: 'call', ruleId: null });
  assert.deepEqual(decide({ ...base, hour: 7 }), { output: 'defer', ruleId: 'early' });
  assert.deepEqual(decide({ ...base, hour: 8, sms: true }), { output: 'sms', ruleId: 'sms' });
  assert.deepEqual(decide({ ...base, hour: 20, sms: true }), { output: 'sms', ruleId: 'sms' });
  assert.deepEqual(decide({ ...base, hour: 21, sms: true }), { output: 'call', ruleId: null });
});
