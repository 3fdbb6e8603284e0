// UK-04's table, run by the same machinery as the shipped rules' tables: each case is a whole
// situation evaluated through the test-only UK pack at an instant, checked against this rule's
// whole outcome (id, result, reason, citation, next allowed instant, detail).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actualOf, expectedOf, runRuleCase } from '../../../../../../src/policy/rules/rule-case.ts';
import { UK_PACK } from '../../../uk-pack.ts';
import { cases } from './cases.ts';
import { rule } from './rule.ts';

for (const testCase of cases) {
  test(`${rule.id}: ${testCase.name}`, () => {
    assert.deepEqual(actualOf(runRuleCase(UK_PACK, rule, testCase).outcome), expectedOf(rule, testCase));
  });
}
