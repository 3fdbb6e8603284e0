// CN-NIFA23-02's table: each case is a whole situation evaluated through the CN pack at an instant,
// checked against this rule's whole outcome (id, result, reason, citation, next allowed instant, detail).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CN_PACK } from '../../../packs/cn-pack.ts';
import { actualOf, expectedOf, runRuleCase } from '../../rule-case.ts';
import { cases } from './cases.ts';
import { rule } from './rule.ts';

for (const testCase of cases) {
  test(`${rule.id}: ${testCase.name}`, () => {
    assert.deepEqual(actualOf(runRuleCase(CN_PACK, rule, testCase).outcome), expectedOf(rule, testCase));
  });
}
