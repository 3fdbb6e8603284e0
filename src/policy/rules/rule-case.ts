import { assert } from '../../stdx/assert.ts';
import type { Decision, OutcomeDetail, RuleOutcome, RuleResult } from '../decision.ts';
import { compile } from '../engine/compile.ts';
import type { LenderSettings } from '../engine/validate-settings.ts';
import type { Pack } from '../pack.ts';
import { formatCitation, type Rule } from '../rule.ts';
import type { Attempt, Situation, Target } from '../situation.ts';

/**
 * A rule's test table: named cases, each a whole situation evaluated through the pack at an
 * instant, with the outcome expected from this rule. The same rows become the examples on the
 * rule's documentation page, so every page shows a denied case and the just-allowed boundary.
 */
export type RuleCase = {
  readonly name: string;
  /** The instant of the decision, ISO 8601. */
  readonly now: string;
  readonly situation: Situation;
  readonly settings?: LenderSettings;
  /**
   * Set on an allowed row that sits on the rule's edge (the last minute of a window, the last call
   * under a cap, the first instant a hold is lifted, the least content that passes) and says which
   * edge. A denied row just past that edge usually sits beside it; the pair pins the limit from both
   * sides, so an off-by-one in either direction fails a test.
   */
  readonly boundary?: string;
  readonly expect: {
    readonly result: RuleResult;
    readonly reason: string;
    /** Absent when the rule reports none: a case expecting none fails if one is reported. */
    readonly nextAllowedAt?: string;
    /** The exact facts the rule reports behind its result (count and limit, zone, phrase); null: none. */
    readonly detail: OutcomeDetail | null;
  };
};

export type CaseRun = { readonly outcome: RuleOutcome; readonly decision: Decision };

export function runRuleCase(pack: Pack, rule: Rule, testCase: RuleCase): CaseRun {
  const compiled = compile(pack, null, testCase.settings ?? {});
  assert(compiled.ok, `${testCase.name}: settings rejected`);
  const decision = compiled.evaluator.evaluate(testCase.situation, new Date(testCase.now));
  const outcome = decision.outcomes.find((item) => item.ruleId === rule.id);
  assert(outcome !== undefined, `${rule.id} is not in the ${pack.id} pack`);
  return { outcome, decision };
}

/** A whole outcome in the shape compared: every field present, none meaning null, detail keys sorted. */
type ComparedOutcome = {
  readonly ruleId: string;
  readonly result: RuleResult;
  readonly reason: string;
  readonly citation: string;
  readonly nextAllowedAt: string | null;
  readonly detail: OutcomeDetail | null;
};

/**
 * The whole outcome a case of `rule`'s table expects: its result, reason, next allowed instant and
 * detail, with the rule's id and the citation of its metadata (so a case does not repeat it, yet an
 * outcome citing anything else fails).
 */
export function expectedOf(rule: Rule, testCase: RuleCase): ComparedOutcome {
  const { result, reason, nextAllowedAt, detail } = testCase.expect;
  return {
    ruleId: rule.id, result, reason, citation: formatCitation(rule.citation),
    nextAllowedAt: nextAllowedAt ?? null, detail: sortedDetail(detail),
  };
}

/** The outcome a rule reported, in the shape of `expectedOf`. */
export function actualOf(outcome: RuleOutcome): ComparedOutcome {
  return {
    ruleId: outcome.ruleId, result: outcome.result, reason: outcome.reason, citation: outcome.citation,
    nextAllowedAt: outcome.nextAllowedAt ?? null, detail: sortedDetail(outcome.detail ?? null),
  };
}

// Key order carries no meaning; sorting lets a JSON comparison of two outcomes agree with deepEqual.
function sortedDetail(detail: OutcomeDetail | null): OutcomeDetail | null {
  if (detail === null) return null;
  return Object.fromEntries(Object.entries(detail).sort(([left], [right]) => (left < right ? -1 : 1)));
}

type SituationOverrides = Partial<Omit<Situation, 'borrower' | 'target' | 'actor'>> & {
  readonly borrower?: Partial<Situation['borrower']>;
  readonly target?: Partial<Target> | null;
  readonly actor?: Partial<Situation['actor']>;
};

/** A borrower in Shanghai called by an in-house agent about account acct-1, with no history. */
export function cnSituation(overrides: SituationOverrides = {}): Situation {
  return buildSituation('CN', 'Asia/Shanghai', overrides);
}

/** A consumer in New York called by a collector about account acct-1, with no history. */
export function usSituation(overrides: SituationOverrides = {}): Situation {
  return buildSituation('US', 'America/New_York', overrides);
}

function buildSituation(pack: 'CN' | 'US', zone: string, overrides: SituationOverrides): Situation {
  const { borrower, target, actor, ...rest } = overrides;
  const baseTarget: Target = { partyId: 'b-1', role: 'borrower', contactPointId: 'cp-1' };
  const situation: Situation = {
    pack, action: 'contact', channel: 'voice', accountId: 'acct-1',
    borrower: { id: 'b-1', timeZones: [zone], ...borrower },
    target: { ...baseTarget, ...target },
    actor: { kind: 'agent', id: 'agent-1', ...actor },
    history: [], agreements: [], optOuts: [], holds: [],
    ...rest,
  };
  if (target === null) delete situation.target;
  return situation;
}

/** An outbound voice attempt to the borrower's number cp-1 about acct-1 by agent-1, as history. */
export function attempt(at: string, outcome: Attempt['outcome'], overrides: Partial<Attempt> = {}): Attempt {
  return {
    at, channel: 'voice', direction: 'outbound', partyId: 'b-1', contactPointId: 'cp-1', actorKind: 'agent',
    actorId: 'agent-1', outcome, accountId: 'acct-1', ...overrides,
  };
}

/** `count` attempts a minute apart from `firstAt`. */
export function attempts(
  count: number, firstAt: string, outcome: Attempt['outcome'], overrides: Partial<Attempt> = {},
): Attempt[] {
  const start = Date.parse(firstAt);
  return Array.from({ length: count }, (_, index) =>
    attempt(new Date(start + index * 60_000).toISOString(), outcome, overrides));
}
