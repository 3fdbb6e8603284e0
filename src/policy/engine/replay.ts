import { canonicalJson } from '../../stdx/hash.ts';
import type { Decision } from '../decision.ts';
import { findPack, PACKS, type PackRegistry } from '../packs/packs.ts';
import type { Situation } from '../situation.ts';
import { compile, findEvaluator, type PolicyStrategy } from './compile.ts';
import type { LenderSettings } from './validate-settings.ts';

/**
 * Replay: evaluate a stored Decision's Situation again, under the pack and policy version the
 * Decision names and at the instant it was made, and compare. The evaluator comes from the
 * registry of this process or is recompiled from the recorded pack and settings (the
 * `policy_version` table keeps them); a pack the registry does not know is refused rather than
 * replayed under another one, and if the recompiled version differs, the rules themselves changed
 * since, and replay says so rather than answering under other rules.
 */
export type ReplayResult =
  | { readonly ok: true; readonly decision: Decision; readonly identical: boolean }
  | { readonly ok: false; readonly reason: 'unknown_policy_version' | 'unknown_pack'
    | 'policy_version_mismatch' | 'invalid_settings' };

export type ReplayOptions = {
  readonly settings?: LenderSettings;
  readonly strategy?: PolicyStrategy | null;
  /** The packs a Decision may name; the shipped PACKS unless given. */
  readonly packs?: PackRegistry;
};

export function replay(decision: Decision, situation: Situation, options: ReplayOptions = {}): ReplayResult {
  let evaluator = findEvaluator(decision.policyVersion);
  if (evaluator === null) {
    if (options.settings === undefined) return { ok: false, reason: 'unknown_policy_version' };
    const pack = findPack(decision.pack, options.packs ?? PACKS);
    if (pack === null) return { ok: false, reason: 'unknown_pack' };
    const compiled = compile(pack, options.strategy ?? null, options.settings);
    if (!compiled.ok) return { ok: false, reason: 'invalid_settings' };
    if (compiled.evaluator.version !== decision.policyVersion) return { ok: false,
      reason: 'policy_version_mismatch' };
    evaluator = compiled.evaluator;
  }
  const again = evaluator.evaluate(situation, new Date(decision.evaluatedAt));
  return { ok: true, decision: again, identical: canonicalJson(again) === canonicalJson(decision) };
}
