// The rule tables as a whole: every rule of both packs has a table; every table has a denied row, an
// allowed row and an allowed row on the rule's edge (marked `boundary`); and every reason code a rule
// declares appears in at least one row, so no refusal reaches a borrower without a test that produces it;
// and the comparison every rule test makes fails when any part of the outcome differs from the row.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RuleOutcome } from '../decision.ts';
import { CN_PACK } from '../packs/cn-pack.ts';
import { US_PACK } from '../packs/us-pack.ts';
import { formatCitation } from '../rule.ts';
import { actualOf, expectedOf, runRuleCase, type RuleCase } from './rule-case.ts';
import { RULE_TABLES } from './rule-tables.ts';

test('every rule of both packs has a table', () => {
  const tabled = RULE_TABLES.map((table) => table.rule.id).sort();
  const packed = [...CN_PACK.rules, ...US_PACK.rules].map((rule) => rule.id).sort();
  assert.deepEqual(tabled, packed);
});

test('every table has a denied row and an allowed row', () => {
  const missing: string[] = [];
  for (const { rule, cases } of RULE_TABLES) {
    if (!cases.some((row) => row.expect.result === 'deny')) missing.push(`${rule.id}: no denied row`);
    if (!cases.some((row) => row.expect.result === 'allow')) missing.push(`${rule.id}: no allowed row`);
  }
  assert.deepEqual(missing, []);
});

test('every table has an allowed row on the rule\'s edge, and only allowed rows are marked as such', () => {
  const missing: string[] = [];
  for (const { rule, cases } of RULE_TABLES) {
    const edges = cases.filter((row) => row.boundary !== undefined);
    if (!edges.some((row) => row.expect.result === 'allow')) missing.push(`${rule.id}: no boundary row`);
    for (const row of edges) {
      const result = row.expect.result;
      if (result !== 'allow') missing.push(`${rule.id}: "${row.name}" expects ${result}`);
      if (row.boundary!.trim() === '') missing.push(`${rule.id}: "${row.name}" names no edge`);
    }
  }
  assert.deepEqual(missing, []);
});

test('every declared reason code appears in a row', () => {
  const missing: string[] = [];
  for (const { rule, cases } of RULE_TABLES) {
    const used = new Set(cases.map((row) => row.expect.reason));
    for (const reason of Object.keys(rule.reasons)) {
      if (!used.has(reason)) missing.push(`${rule.id}: ${reason}`);
    }
  }
  assert.deepEqual(missing, []);
});

test('the folder of every rule is its category and lower-case id', () => {
  for (const { rule, folder } of RULE_TABLES) assert.equal(folder,
    `${rule.category}/${rule.id.toLowerCase()}`);
});

// The runner compares whole outcomes: each test below alters one field of a real row's expectation
// or of its reported outcome, and the comparison the rule tests make must then fail.
const capTable = RULE_TABLES.find((table) => table.rule.id === 'CN-GBT-02')!;
const capped = capTable.cases
  .find((row) => row.expect.nextAllowedAt !== undefined && row.expect.detail !== null)!;

function compare(testCase: RuleCase, outcome?: (reported: RuleOutcome) => RuleOutcome) {
  const reported = runRuleCase(capTable.pack, capTable.rule, testCase).outcome;
  return { actual: actualOf(outcome === undefined ? reported : outcome(reported)),
    expected: expectedOf(capTable.rule, testCase) };
}

test('the unaltered row matches its outcome, citation and detail included', () => {
  const { actual, expected } = compare(capped);
  assert.deepEqual(actual, expected);
  assert.equal(expected.citation, formatCitation(capTable.rule.citation));
  assert.deepEqual(expected.detail, { count: 3, limit: 3, zone: 'Asia/Shanghai' });
});

test('a row expecting another count, or no detail, fails', () => {
  const detail = { ...capped.expect.detail, count: 2 };
  const miscounted = compare({ ...capped, expect: { ...capped.expect, detail } });
  assert.notDeepEqual(miscounted.actual, miscounted.expected);
  const bare = compare({ ...capped, expect: { ...capped.expect, detail: null } });
  assert.notDeepEqual(bare.actual, bare.expected);
});

test('a row expecting no next allowed instant fails when the rule reports one', () => {
  const { nextAllowedAt: _, ...rest } = capped.expect;
  const { actual, expected } = compare({ ...capped, expect: rest });
  assert.notDeepEqual(actual, expected);
});

test('an outcome citing anything but the rule\'s metadata fails, as does another rule\'s id', () => {
  const cited = compare(capped, (reported) => ({ ...reported, citation: 'GB/T 45251-2025 §5.4 (grade B)' }));
  assert.notDeepEqual(cited.actual, cited.expected);
  const other = compare(capped, (reported) => ({ ...reported, ruleId: 'CN-CBA-02' }));
  assert.notDeepEqual(other.actual, other.expected);
});

test('the order of a detail\'s keys does not matter, so a JSON comparison agrees', () => {
  const { count, limit, zone } = capped.expect.detail as { count: number; limit: number; zone: string };
  const reordered = compare({ ...capped, expect: { ...capped.expect, detail: { zone, limit, count } } });
  assert.equal(JSON.stringify(reordered.actual), JSON.stringify(reordered.expected));
});

test('every row names its expected detail, null when the rule reports none', () => {
  const missing = RULE_TABLES.flatMap(({ rule, cases }) => cases
    .filter((row) => row.expect.detail === undefined).map((row) => `${rule.id}: ${row.name}`));
  assert.deepEqual(missing, []);
});
