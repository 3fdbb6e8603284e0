// The rules' declared look-backs against the history the gate loads: every shipped rule declares one,
// the bounded ones fit GATE_HISTORY_DAYS, the ones that search the whole history are exactly those
// reviewed below, and each table's cases decide the same on a history cut to the declared look-back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GATE_HISTORY_DAYS } from '../../config/limits.ts';
import { PACKS } from '../packs/packs.ts';
import { WHOLE_HISTORY, widestSetting, type Rule } from '../rule.ts';
import type { Situation } from '../situation.ts';
import { MS_PER_DAY } from '../time/zone-clock.ts';
import { isLookBack, rulesBeyond, shippedRulesBeyond } from './look-back.ts';
import { actualOf, expectedOf, runRuleCase } from './rule-case.ts';
import { RULE_TABLES } from './rule-tables.ts';

const SHIPPED = Object.values(PACKS).flatMap((pack) => pack.rules);

/**
 * The situation as it looks when only the last `days` before `nowMs` of its history are loaded: the
 * attempts and the notices read off them, as the gate cuts them (agreements, holds, opt-outs and
 * placements are loaded whole).
 */
function historyCut(situation: Situation, nowMs: number, days: number): Situation {
  const sinceMs = nowMs - days * MS_PER_DAY;
  const kept = <T extends { readonly at: string }>(items: readonly T[]) =>
    items.filter((item) => Date.parse(item.at) >= sinceMs);
  const cut: Situation = { ...situation, history: kept(situation.history) };
  return situation.events === undefined ? cut : { ...cut, events: kept(situation.events) };
}

/**
 * The rules that search the whole history, and what the gate's cut to GATE_HISTORY_DAYS does to them.
 * A rule joining this list is reviewed here; those that the cut makes looser are known gaps.
 */
const WHOLE_HISTORY_RULES: Readonly<Record<string, string>> = {
  'CN-CRR-01': 'stricter: a later first notice, or none, waits longer or refuses',
  'CN-GBT-03': 'stricter: a shorter run of failures; refusals also stay on the do-not-contact mark',
  'CN-INT-02': 'stricter: a later first failure makes the visit wait longer',
  'US-04': 'looser: a confirmation older than the cut is forgotten and a second one allowed',
  'US-08': 'looser: a third party reached before the cut may be contacted again',
  'US-09': 'looser: with the first communication cut, an overdue notice only warns',
  'US-11': 'stricter: with the notice cut, a late dispute is treated as timely',
  'US-13': 'stricter: a conversation or message before the cut is not counted',
};

test('every shipped rule declares its look-back as whole days or the whole history', () => {
  const bad = SHIPPED.filter((rule) => !isLookBack(rule.lookBackDays)).map((rule) => rule.id);
  assert.deepEqual(bad, []);
});

test('the gate loads at least every shipped rule\'s bounded look-back', () => {
  assert.deepEqual(shippedRulesBeyond(GATE_HISTORY_DAYS), []);
  for (const rule of SHIPPED.filter((item) => item.lookBackDays !== WHOLE_HISTORY)) {
    assert.ok(GATE_HISTORY_DAYS >= rule.lookBackDays, `${rule.id}: ${rule.lookBackDays} days`);
  }
});

test('a rule reading one day further back than the gate loads is named', () => {
  const base = SHIPPED[0]!;
  const further: Rule = { ...base, id: 'XX-LONG', lookBackDays: GATE_HISTORY_DAYS + 1 };
  const fits: Rule = { ...base, id: 'XX-FITS', lookBackDays: GATE_HISTORY_DAYS };
  const whole: Rule = { ...base, id: 'XX-WHOLE', lookBackDays: WHOLE_HISTORY };
  assert.deepEqual(rulesBeyond([further, fits, whole], GATE_HISTORY_DAYS), ['XX-LONG']);
});

test('a gate loading a day less than US-03\'s widest cooldown reaches would be refused', () => {
  assert.deepEqual(shippedRulesBeyond(30), ['US-03']);
  assert.deepEqual(shippedRulesBeyond(31), []);
});

test('the rules that search the whole history are exactly the reviewed ones', () => {
  const whole = SHIPPED.filter((rule) => rule.lookBackDays === WHOLE_HISTORY).map((rule) => rule.id).sort();
  assert.deepEqual(whole, Object.keys(WHOLE_HISTORY_RULES).sort());
});

test('US-03 reads back as far as the widest cooldown a lender may set, plus a clock-change day', () => {
  const rule = SHIPPED.find((item) => item.id === 'US-03')!;
  const cooldown = rule.parameters.find((spec) => spec.key === 'us_calls.cooldown_days')!;
  assert.equal(rule.lookBackDays, widestSetting(cooldown) + 1);
  assert.equal(rule.lookBackDays, 31);
});

test('every case of a bounded rule decides the same on a history cut to its look-back', () => {
  const differ: string[] = [];
  for (const { pack, rule, cases } of RULE_TABLES) {
    if (rule.lookBackDays === WHOLE_HISTORY) continue;
    for (const testCase of cases) {
      const situation = historyCut(testCase.situation, Date.parse(testCase.now), rule.lookBackDays);
      const cut = { ...testCase, situation };
      const actual = actualOf(runRuleCase(pack, rule, cut).outcome);
      if (JSON.stringify(actual) !== JSON.stringify(expectedOf(rule, testCase))) {
        differ.push(`${rule.id}: ${testCase.name}: ${JSON.stringify(actual)}`);
      }
    }
  }
  assert.deepEqual(differ, []);
});
