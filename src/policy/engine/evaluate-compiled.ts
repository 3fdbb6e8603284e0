import { assert } from '../../stdx/assert.ts';
import { formatInstant } from '../../stdx/format-instant.ts';
import { canonicalJsonKept, createKeyOrders, sha256Hex } from '../../stdx/hash.ts';
import type { Decision, RuleOutcome } from '../decision.ts';
import type { Verdict } from '../rule.ts';
import type { Situation } from '../situation.ts';
import { localDayOf } from '../time/zone-clock.ts';
import type { CompiledRule, Evaluator } from './compile.ts';
import { factsAt, prepareFacts, type Facts, type PreparedFacts } from './facts.ts';
import {
  NEXT_ALLOWED_ROUNDS_MAX, SITUATION_KEY_ORDERS_MAX, SITUATION_KEY_ORDERS_PER_FIRST_KEY_MAX,
} from '../../config/limits.ts';

type RuleVerdict = { readonly compiled: CompiledRule; readonly verdict: Verdict };

/** The key order of each shape of object met in Situations, kept for writing their canonical JSON. */
const situationKeyOrders = createKeyOrders(SITUATION_KEY_ORDERS_MAX, SITUATION_KEY_ORDERS_PER_FIRST_KEY_MAX);

/**
 * One evaluation: every rule of the pack is asked, in pack order, and the action is allowed when
 * none denies. A denial that waiting would lift carries the instant its rule allows the action;
 * the Decision's `nextAllowedAt` is the earliest instant at which *all* rules allow it, found by
 * asking every rule again at the latest of those instants until they agree (a quiet-hours
 * opening may fall in a cooldown, a cooldown may end at night).
 */
export function evaluateCompiled(evaluator: Evaluator, situation: Situation, now: Date): Decision {
  const nowMs = now.getTime();
  assert(Number.isFinite(nowMs), 'now must be a valid instant');
  const prepared = prepareFacts(situation);
  const verdicts = runRules(evaluator.rules, factsAt(prepared, nowMs));
  const allowed = !verdicts.some(isDenial);
  const nextMs = allowed ? null : findNextAllowedMs(evaluator.rules, prepared, nowMs, verdicts);
  const evaluatedAt = formatInstant(nowMs);
  const situationText = canonicalJsonKept(situation, situationKeyOrders);
  const id = sha256Hex(`${evaluator.version}\n${situationText}\n${evaluatedAt}`);
  return {
    id,
    allowed,
    pack: evaluator.pack.id,
    policyVersion: evaluator.version,
    evaluatedAt,
    nextAllowedAt: nextMs === null ? null : formatInstant(nextMs),
    outcomes: verdicts.map(toOutcome),
  };
}

/** Asks every rule at the facts' instant; rules not yet (or no longer) in force do not apply. */
export function runRules(rules: readonly CompiledRule[], facts: Facts): RuleVerdict[] {
  const today = localDayOf(facts.borrowerZones[0]!, facts.nowMs).date;
  return rules.map((compiled) => {
    if (today < compiled.effectiveFrom || (compiled.effectiveUntil !== null
      && today >= compiled.effectiveUntil)) {
      return { compiled, verdict: { result: 'not_applicable', reason: 'not_in_force' } };
    }
    const verdict = compiled.check(facts);
    assert(compiled.reasonCodes.has(verdict.reason),
      `${compiled.rule.id} gave undeclared reason ${verdict.reason}`);
    if (verdict.result === 'deny' && compiled.level === 'warn') {
      // A soft limit set to "warn" by the lender: the denial is reported but does not block.
      const softened: Verdict = verdict.detail === undefined
        ? { result: 'warn', reason: verdict.reason }
        : { result: 'warn', reason: verdict.reason, detail: verdict.detail };
      return { compiled, verdict: softened };
    }
    return { compiled, verdict };
  });
}

function isDenial(item: RuleVerdict): boolean {
  return item.verdict.result === 'deny';
}

function findNextAllowedMs(
  rules: readonly CompiledRule[], prepared: PreparedFacts, nowMs: number, verdicts: readonly RuleVerdict[],
): number | null {
  let candidate = latestWait(verdicts, nowMs);
  for (let round = 0; round < NEXT_ALLOWED_ROUNDS_MAX && candidate !== null; round += 1) {
    const later = runRules(rules, factsAt(prepared, candidate));
    if (!later.some(isDenial)) return candidate;
    candidate = latestWait(later, candidate);
  }
  return null;
}

/** The latest instant any denial waits for, or null if some denial cannot be waited out. */
function latestWait(verdicts: readonly RuleVerdict[], afterMs: number): number | null {
  let latest = -Infinity;
  for (const { verdict } of verdicts) {
    if (verdict.result !== 'deny') continue;
    if (verdict.nextAllowedAtMs === undefined || verdict.nextAllowedAtMs <= afterMs) return null;
    latest = Math.max(latest, verdict.nextAllowedAtMs);
  }
  return latest === -Infinity ? null : latest;
}

function toOutcome({ compiled, verdict }: RuleVerdict): RuleOutcome {
  const outcome: {
    ruleId: string; result: RuleOutcome['result']; reason: string; citation: string; nextAllowedAt?: string;
    detail?: RuleOutcome['detail']; settings?: RuleOutcome['settings'];
  } = { ruleId: compiled.rule.id, result: verdict.result, reason: verdict.reason,
    citation: compiled.citation };
  if (verdict.nextAllowedAtMs !== undefined) {
    outcome.nextAllowedAt = formatInstant(verdict.nextAllowedAtMs);
  }
  if (verdict.detail !== undefined) outcome.detail = verdict.detail;
  if (compiled.lenderSettings !== null && (verdict.result === 'deny' || verdict.result === 'warn')) {
    outcome.settings = compiled.lenderSettings;
  }
  return outcome;
}
