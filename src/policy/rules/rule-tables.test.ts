// The rule tables as a whole: every rule of both packs has a table; every table has a denied row, an
// allowed row and an allowed row on the rule's edge (marked `boundary`); and every reason code a rule
// declares appears in at least one row, so no refusal reaches a borrower without a test that produces it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CN_PACK } from '../packs/cn-pack.ts';
import { US_PACK } from '../packs/us-pack.ts';
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
