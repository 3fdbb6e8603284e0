import { assert } from '../stdx/assert.ts';
import type { OutcomeDetail, RuleResult } from './decision.ts';
import type { ContentReason } from './content/scan-content.ts';
import type { Facts } from './engine/facts.ts';
import type { PackId } from './situation.ts';
import type { HistoryRead } from './rules/look-back.ts';

/**
 * A compliance rule: metadata first (id from the rule catalogue, citation with its grade,
 * effective dates, parameters with their legal bounds, reason codes), then a predicate. The
 * engine builds every outcome from this metadata through one helper, so citations and reason
 * descriptions are never typed at a call site, and the policy docs are generated from it.
 */
export type Grade = 'A' | 'B' | 'C' | 'policy';

export type Citation = {
  /** The instrument: "GB/T 45251-2025", "12 CFR 1006 (Regulation F)". */
  readonly source: string;
  readonly section: string;
  /** A: primary text read; B: two secondary reports agree; C: one source; policy: our own rule. */
  readonly grade: Grade;
  readonly url?: string;
  /** Requirement numbers of the product (R5, R8…) the rule serves. */
  readonly requirements?: readonly string[];
};

export type ParameterKind = 'time_of_day' | 'count' | 'level';
export type Level = 'warn' | 'deny';

export type ParameterSpec = {
  /** Dotted settings key, shared by rules that enforce the same parameter. */
  readonly key: string;
  readonly kind: ParameterKind;
  readonly description: string;
  /** "HH:MM" for a time of day, an integer for a count, "warn" | "deny" for a level. */
  readonly default: string | number;
  /** The law's own value; null for an internal-policy parameter the lender may set freely in range. */
  readonly legalBound: string | number | null;
  /** Which way tightens the rule: a later start or lower cap is stricter than the law. */
  readonly stricter: 'higher' | 'lower';
  /** Sane range for counts (inclusive). */
  readonly range?: readonly [number, number];
  /** Another parameter this one stays below: a window's start before its end, a minimum at most a maximum. */
  readonly below?: { readonly key: string; readonly strict: boolean };
  readonly unit?: string;
};

export type Verdict = {
  readonly result: RuleResult;
  readonly reason: string;
  readonly nextAllowedAtMs?: number;
  readonly detail?: OutcomeDetail;
};

/** Reasons every rule may give without declaring them. */
export const COMMON_REASONS = {
  not_in_force: 'The rule is not in force on the date of the action.',
  action_not_covered: 'The rule does not govern this kind of action.',
  channel_not_covered: 'The rule does not govern this channel.',
  target_not_covered: 'The rule does not govern contact with this person.',
  no_content: 'The situation carries no text for this rule to check.',
} as const;
export type CommonReason = keyof typeof COMMON_REASONS;

export type Verdicts<R extends string> = {
  allow(reason: R, detail?: OutcomeDetail): Verdict;
  deny(reason: R, options?: { nextAllowedAtMs?: number | null; detail?: OutcomeDetail }): Verdict;
  warn(reason: R, detail?: OutcomeDetail): Verdict;
  notApplicable(reason: R | CommonReason): Verdict;
};

/** Reads the compiled parameter values: times as minutes after midnight, counts, levels. */
export type ParamReader = {
  minutes(key: string): number;
  count(key: string): number;
  level(key: string): Level;
};

export type RuleCheck = (facts: Facts) => Verdict;

export type RuleDefinition<R extends string> = {
  readonly id: string;
  readonly title: string;
  /** Folder under src/policy/rules/: time, frequency, third-party, hold, agency, visit, reporting… */
  readonly category: string;
  readonly jurisdiction: PackId;
  /** Law (may only be tightened) or internal policy (the lender's own rule, labelled as such). */
  readonly kind: 'law' | 'internal';
  readonly citation: Citation;
  readonly effective: { readonly from: string; readonly until?: string };
  readonly summary: string;
  readonly rationale: string;
  readonly reasons: Readonly<Record<R, string>>;
  readonly parameters: readonly ParameterSpec[];
  /** The content-guard reasons this rule enforces (its findings become this rule's denials). */
  readonly contentReasons?: readonly ContentReason[];
  /** A `level` parameter that turns this rule's denials into warnings when set to "warn". */
  readonly levelParameter?: string;
  /**
   * How many days before now a dated record the predicate reads can lie and still change its verdict:
   * an attempt of the contact history, a notice or other event read off it, an agreement's or hold's
   * instant compared against a window. A record that counts only by being in force now (an open hold, an
   * unrevoked agreement, a placement) is no look-back: the gate loads those whole. Parameterised windows
   * count at the widest setting their range allows, so no lender's setting outgrows the history the gate
   * loads (GATE_HISTORY_DAYS); 0 when no history is read; WHOLE_HISTORY when no window bounds the search
   * (the first notice ever, any earlier conversation), with the attempts it reads in `historyReads`.
   */
  readonly lookBackDays: number;
  /**
   * Which attempts a rule with WHOLE_HISTORY reads, however old; the gate loads them beyond the days it
   * loads whole and keeps them when it cuts a long history (declared by every such rule, and only by them).
   */
  readonly historyReads?: readonly HistoryRead[];
  build(params: ParamReader, verdicts: Verdicts<R>): RuleCheck;
};

export type Rule = RuleDefinition<string>;

/** The look-back of a rule that searches the whole history, however old (see `lookBackDays`). */
export const WHOLE_HISTORY = Number.POSITIVE_INFINITY;

/**
 * The widest value a lender may set for a count parameter (the top of its range): a parameterised
 * window's look-back is stated through it, so widening the range widens the declared look-back too.
 */
export function widestSetting(spec: ParameterSpec): number {
  assert(spec.kind === 'count' && spec.range !== undefined, `${spec.key}: not a count with a range`);
  return spec.range[1];
}

export function defineRule<const R extends string>(definition: RuleDefinition<R>): Rule {
  assert(/^[A-Z]{2}-[A-Z0-9]+(-[A-Z0-9]+)*$/.test(definition.id), `bad rule id ${definition.id}`);
  for (const reason of Object.keys(definition.reasons)) {
    assert(/^[a-z][a-z0-9_]*$/.test(reason), `${definition.id}: reason ${reason} is not snake_case`);
  }
  if (definition.levelParameter !== undefined) {
    const spec = definition.parameters.find((parameter) => parameter.key === definition.levelParameter);
    assert(spec?.kind === 'level', `${definition.id}: level parameter must be declared as a level`);
  }
  return definition as Rule;
}

/** "GB/T 45251-2025 §5.3 (grade B)"; internal policy says so instead of a grade. */
export function formatCitation(citation: Citation): string {
  const grade = citation.grade === 'policy' ? 'internal policy' : `grade ${citation.grade}`;
  return `${citation.source} ${citation.section} (${grade})`;
}

/** Every reason code a rule can give, with its description: its own and the common ones. */
export function reasonsOf(rule: Rule): Readonly<Record<string, string>> {
  return { ...rule.reasons, ...COMMON_REASONS };
}

export function makeVerdicts<R extends string>(): Verdicts<R> {
  return {
    allow: (reason, detail) => (detail === undefined ? { result: 'allow', reason } : { result: 'allow',
      reason, detail }),
    deny: (reason, options) => {
      type Mutable = { result: RuleResult; reason: string; nextAllowedAtMs?: number; detail?: OutcomeDetail };
      const verdict: Mutable = {
        result: 'deny', reason,
      };
      if (options?.nextAllowedAtMs !== undefined && options.nextAllowedAtMs !== null) {
        verdict.nextAllowedAtMs = options.nextAllowedAtMs;
      }
      if (options?.detail !== undefined) verdict.detail = options.detail;
      return verdict;
    },
    warn: (reason, detail) => (detail === undefined ? { result: 'warn', reason } : { result: 'warn',
      reason, detail }),
    notApplicable: (reason) => ({ result: 'not_applicable', reason }),
  };
}
