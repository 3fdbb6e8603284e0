/**
 * The compliance engine's public API. Pure: no I/O, no clock; `now` is a parameter.
 *
 *   const compiled = compile(PACKS.CN, null, lenderSettings);   // once per settings change
 *   if (!compiled.ok) … compiled.problems name the loosened bound
 *   const decision = evaluate(compiled.evaluator, situation, now);
 *   replay(decision, situation) → the same Decision, id included
 */
import type { Decision } from './decision.ts';
import type { Evaluator } from './engine/compile.ts';
import type { Situation } from './situation.ts';

export { compile, findEvaluator, policyVersion } from './engine/compile.ts';
export type { CompileResult, Evaluator, PolicyStrategy } from './engine/compile.ts';
export { replay } from './engine/replay.ts';
export type { ReplayOptions, ReplayResult } from './engine/replay.ts';
export { validateSettings } from './engine/validate-settings.ts';
export type { EffectiveSettings, LenderSettings, SettingsProblem } from './engine/validate-settings.ts';
export { checkContent } from './content/check-content.ts';
export type { ContentCheck, ContentCheckOptions, ContentProblem } from './content/check-content.ts';
export type { ContentFinding, ContentReason } from './content/scan-content.ts';
export { parseSituation } from './parse-situation.ts';
export type { ParsedSituation, SituationProblem } from './parse-situation.ts';
export { CN_PACK } from './packs/cn-pack.ts';
export { US_PACK } from './packs/us-pack.ts';
export { findPack, isPackId, PACKS, shippedPacks } from './packs/packs.ts';
export type { PackRegistry } from './packs/packs.ts';
export type { Pack } from './pack.ts';
export type { SettingsSchema } from './engine/settings-schema.ts';
export type { Decision, RuleOutcome, RuleResult } from './decision.ts';
export type { Citation, ParameterSpec, Rule } from './rule.ts';
export { SituationSchema } from './situation.ts';
export type {
  AccountEvent, Agreement, Attempt, Channel, Content, Hold, OptOut, PackId, Placement, Situation, Target,
} from './situation.ts';

/** Evaluates a situation at an instant under a compiled evaluator; the same as `evaluator.evaluate`. */
export function evaluate(evaluator: Evaluator, situation: Situation, now: Date): Decision {
  return evaluator.evaluate(situation, now);
}
