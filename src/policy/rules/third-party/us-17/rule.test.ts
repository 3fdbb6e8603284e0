// US-17's table: each case is a whole situation evaluated through the US pack at an instant,
// checked against this rule's whole outcome (id, result, reason, citation, next allowed instant, detail).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { US_PACK } from '../../../packs/us-pack.ts';
import { actualOf, expectedOf, runRuleCase } from '../../rule-case.ts';
import { cases } from './cases.ts';
import { rule } from './rule.ts';

for (const testCase of cases) {
  test(`${rule.id}: ${testCase.name}`, () => {
    assert.deepEqual(actualOf(runRuleCase(US_PACK, rule, testCase).outcome), expectedOf(rule, testCase));
  });
}
