import type { PackId } from './situation.ts';

/**
 * The Decision: the engine's stored answer to "may this action happen now?". It lists every rule
 * of the pack with its result, snake_case reason code and citation, so a refusal explains itself
 * to the collector, the borrower and the auditor. It names the policy version it was made under
 * (a hash of the rules and the lender's settings) and the instant it was made at, so a replay
 * against the same Situation gives the same Decision, id included.
 */
export const RULE_RESULTS = ['allow', 'deny', 'warn', 'not_applicable'] as const;
export type RuleResult = (typeof RULE_RESULTS)[number];

export type OutcomeDetail = Readonly<Record<string, string | number>>;

export type RuleOutcome = {
  readonly ruleId: string;
  readonly result: RuleResult;
  readonly reason: string;
  /** "GB/T 45251-2025 §5.3 (grade B)": the source, the section and how well it was verified. */
  readonly citation: string;
  /** For a denial that waiting would lift: the earliest instant this rule allows the action. */
  readonly nextAllowedAt?: string;
  /** Facts behind the result: the count and the limit, the offending phrase, the local time. */
  readonly detail?: OutcomeDetail;
  /**
   * On a denial or a warning, the lender's settings the rule ran under, by parameter key, where
   * they differ from the pack's defaults: a refusal the law alone would not make (a call at 08:30
   * under a lender's 09:00) names the setting behind it.
   */
  readonly settings?: OutcomeDetail;
};

export type Decision = {
  /** sha256 of policy version, canonical situation and evaluation instant. */
  readonly id: string;
  readonly allowed: boolean;
  readonly pack: PackId;
  readonly policyVersion: string;
  /** The instant the situation was evaluated at (the engine's `now`), ISO 8601 UTC. */
  readonly evaluatedAt: string;
  /**
   * When the action is denied and waiting would help: the earliest instant at which every rule
   * allows it, if nothing else happens in between. Null when allowed, or when no wait helps.
   */
  readonly nextAllowedAt: string | null;
  readonly outcomes: readonly RuleOutcome[];
};
