// A third pack, added the way a shipped one would be: rule folders with their own tables, a pack
// definition, one registry line. Goal: the engine, the rule-table machinery, the settings schema and
// replay take it without a change to src/, and replay decides by the pack a Decision records:
// under a registry without the UK pack, a UK Decision is refused, never replayed under another pack.
// Method: the same completeness checks as the shipped tables (a cited rule, a denied row, an allowed
// row on the rule's edge, every reason code used), then decisions and replays through the pack.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compile, EVALUATOR_REGISTRY_ENTRIES_MAX } from '../../../src/policy/engine/compile.ts';
import { replay } from '../../../src/policy/engine/replay.ts';
import { PACKS } from '../../../src/policy/packs/packs.ts';
import { attempts } from '../../../src/policy/rules/rule-case.ts';
import { PACKS_WITH_UK, UK_PACK, UK_RULE_TABLES } from './uk-pack.ts';
import { ukSituation } from './uk-situation.ts';

test('every UK rule is cited and has a denied row, an allowed boundary row and a row per reason', () => {
  const missing: string[] = [];
  assert.deepEqual(UK_RULE_TABLES.map((table) => table.rule.id), UK_PACK.rules.map((rule) => rule.id));
  for (const { rule, cases, folder } of UK_RULE_TABLES) {
    if (folder !== `${rule.category}/${rule.id.toLowerCase()}`) missing.push(`${rule.id}: folder ${folder}`);
    if (rule.citation.section === '' || rule.citation.url === undefined) missing.push(`${rule.id}: citation`);
    if (!cases.some((row) => row.expect.result === 'deny')) missing.push(`${rule.id}: no denied row`);
    if (!cases.some((row) => row.boundary !== undefined && row.expect.result === 'allow')) {
      missing.push(`${rule.id}: no boundary row`);
    }
    const used = new Set(cases.map((row) => row.expect.reason));
    for (const reason of Object.keys(rule.reasons)) if (!used.has(reason)) missing.push(`${rule.id}: ${reason}`);
  }
  assert.deepEqual(missing, []);
});

test('the UK pack decides, labelled with its own id and citations', () => {
  const compiled = compile(UK_PACK);
  assert.ok(compiled.ok);
  const decision = compiled.evaluator.evaluate(ukSituation(), new Date('2026-03-10T21:00:00Z'));
  assert.equal(decision.pack, 'UK');
  assert.equal(decision.allowed, false);
  assert.deepEqual(decision.outcomes.map((outcome) => [outcome.ruleId, outcome.result, outcome.citation]), [
    ['UK-04', 'deny', 'FCA Handbook CONC 7 CONC 7.9.4R (grade A)'],
    ['UK-05', 'allow', 'FCA, Ofgem, Ofwat and Ofcom joint letter; Consumer Duty (PRIN 2A) joint letter of 18 '
      + 'March 2024 on excessive communications (grade B)'],
  ]);
});

test("the UK pack's settings schema comes from its rules; no legal bound means any valid time", () => {
  const hours = UK_PACK.settingsSchema.properties!.contact_hours!.properties!;
  assert.equal(new RegExp(hours.allowed_start!.pattern!).test('06:00'), true);
  assert.match(hours.allowed_start!.description!, /Internal policy of UK-04; no legal bound\./);
  assert.deepEqual(UK_PACK.settingsSchema.properties!.uk_contacts!.properties!.per_7_days_max,
    { type: 'integer', minimum: 1, maximum: 21, default: 7, description: 'Outbound calls, texts and emails to '
      + 'the customer in any 7 days. Internal policy of UK-05; no legal bound.' });
});

test('replay recompiles under the pack the Decision records, and refuses a pack its registry lacks', () => {
  const settings = { uk_contacts: { per_7_days_max: 5 } };
  const compiled = compile(UK_PACK, null, settings);
  assert.ok(compiled.ok);
  const situation = ukSituation({ history: attempts(5, '2026-03-09T10:00:00Z', 'no_answer') });
  const decision = compiled.evaluator.evaluate(situation, new Date('2026-03-10T10:00:00Z'));
  // Fill the process's registry of evaluators so the Decision's version has to be recompiled.
  for (let index = 0; index < EVALUATOR_REGISTRY_ENTRIES_MAX; index += 1) compile(PACKS.US, { filler: index });
  assert.deepEqual(replay(decision, situation, { settings }), { ok: false, reason: 'unknown_pack' });
  const again = replay(decision, situation, { settings, packs: PACKS_WITH_UK });
  assert.deepEqual(again.ok && { identical: again.identical, allowed: again.decision.allowed },
    { identical: true, allowed: false });
});
