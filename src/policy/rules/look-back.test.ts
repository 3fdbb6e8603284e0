// The rules' declared look-backs against the history the gate loads: every shipped rule declares one,
// the bounded ones fit GATE_HISTORY_DAYS, the ones that search the whole history are exactly those
// reviewed below and declare what they read of it, and each table's cases decide the same on a history
// cut to the declared look-back (or, for a whole-history rule, anywhere, keeping only what it reads).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GATE_HISTORY_DAYS } from '../../config/limits.ts';
import { PACKS } from '../packs/packs.ts';
import { WHOLE_HISTORY, widestSetting, type Rule } from '../rule.ts';
import type { Situation } from '../situation.ts';
import { MS_PER_DAY } from '../time/zone-clock.ts';
import {
  historyKept, historyReadsOf, isLookBack, rulesBeyond, shippedHistoryReads, shippedRulesBeyond,
  type HistoryRead, type HistoryView,
} from './look-back.ts';
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
 * The rules that search the whole history, and what they read of it. A rule joining this list is
 * reviewed here: the attempts it reads are declared in its `historyReads`, which the gate loads
 * whatever their age and keeps when it cuts a long history.
 */
const WHOLE_HISTORY_RULES: Readonly<Record<string, string>> = {
  'CN-CRR-01': 'the adverse-information notices ever sent',
  'CN-GBT-03': 'refusals by third parties ever; the latest calls to the debtor, as many as the longest run',
  'CN-INT-02': 'the last phone conversation and the first failed call after it',
  'US-04': 'the opt-out confirmations ever sent',
  'US-06': 'every email the person ever sent, which lifts the ban on their employer\'s address',
  'US-08': 'every third party ever reached',
  'US-09': 'the first communication with the consumer and the validation notices',
  'US-11': 'the validation notices, the first of which dates the validation period',
  'US-13': 'the last conversation, message and bounce of each account, and the validation notices',
};

/**
 * The situation with its attempts before `cut` reduced to those the rules' history reads keep: what
 * the gate sees when it loads only these before its window, or cuts a long history there.
 */
function historyKeptBefore(situation: Situation, reads: readonly HistoryRead[], cut: number): Situation {
  const history = [...situation.history].sort((left, right) => Date.parse(left.at) - Date.parse(right.at));
  const views = history.slice(0, cut).map((attempt): HistoryView => ({
    byBorrower: attempt.partyId === situation.borrower.id,
    channel: attempt.channel,
    outbound: attempt.direction !== 'inbound',
    outcome: attempt.outcome,
    purpose: attempt.purpose ?? 'collect',
    account: attempt.accountId ?? null,
  }));
  const kept = historyKept(views, reads);
  return { ...situation, history: history.filter((_, index) => index >= cut || kept.has(index)) };
}

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

test('every whole-history rule declares what it reads of the history, and no bounded rule does', () => {
  assert.deepEqual(shippedHistoryReads().undeclared, []);
  const base = SHIPPED.find((rule) => rule.lookBackDays === 0)!;
  const bare: Rule = { ...base, id: 'XX-BARE', lookBackDays: WHOLE_HISTORY };
  const reading: Rule = { ...base, id: 'XX-READS', historyReads: [{ outcomes: ['refused'], keep: 'all' }] };
  assert.deepEqual(historyReadsOf([bare, reading, base]).undeclared, ['XX-BARE', 'XX-READS']);
});

test('every case of a whole-history rule decides the same wherever its history is cut', () => {
  const differ: string[] = [];
  let cuts = 0;
  for (const { pack, rule, cases } of RULE_TABLES) {
    if (rule.lookBackDays !== WHOLE_HISTORY) continue;
    for (const testCase of cases) {
      for (let cut = 0; cut <= testCase.situation.history.length; cut += 1) {
        const situation = historyKeptBefore(testCase.situation, rule.historyReads!, cut);
        const actual = actualOf(runRuleCase(pack, rule, { ...testCase, situation }).outcome);
        cuts += 1;
        if (JSON.stringify(actual) !== JSON.stringify(expectedOf(rule, testCase))) {
          differ.push(`${rule.id}: ${testCase.name} cut at ${cut}: ${JSON.stringify(actual)}`);
        }
      }
    }
  }
  assert.deepEqual(differ, []);
  assert.ok(cuts > 50, `only ${cuts} cuts tried`);
});

test('a cut keeps the first failed call after the last conversation, and the latest calls of a run', () => {
  const view = (outcome: string, byBorrower = true): HistoryView => ({
    byBorrower, channel: 'voice', outbound: true, outcome, purpose: 'collect', account: null,
  });
  const visits = SHIPPED.find((rule) => rule.id === 'CN-INT-02')!.historyReads!;
  const calls = ['no_answer', 'connected', 'busy', 'no_answer', 'connected', 'no_answer', 'busy']
    .map((outcome) => view(outcome));
  assert.deepEqual([...historyKept(calls, visits)].sort(), [4, 5]);
  assert.deepEqual([...historyKept(calls.slice(0, 4), visits)].sort(), [1, 2]);
  const run = SHIPPED.find((rule) => rule.id === 'CN-GBT-03')!.historyReads!;
  const many = Array.from({ length: 40 }, () => view('no_answer'));
  const refusal = view('refused', false);
  const kept = historyKept([refusal, ...many], run);
  assert.deepEqual([...kept].sort((left, right) => left - right),
    [0, ...Array.from({ length: 30 }, (_, index) => index + 11)]);
  const runCalls = [view('no_answer'), view('connected'), view('busy'), view('no_answer')];
  const broken = historyKept([refusal, ...runCalls], run);
  assert.deepEqual([...broken].sort(), [0, 3, 4]);
});
