import { canonicalJson } from '../../stdx/hash.ts';
import type { Decision } from '../decision.ts';
import { CN_PACK } from '../packs/cn-pack.ts';
import { US_PACK } from '../packs/us-pack.ts';
import type { Situation } from '../situation.ts';
import { compile, findEvaluator, type PolicyStrategy } from './compile.ts';
import type { LenderSettings } from './validate-settings.ts';

/**
 * Replay: evaluate a stored Decision's Situation again, under the policy version the Decision
 * names and at the instant it was made, and compare. The evaluator comes from the registry of
 * this process or is recompiled from the recorded settings (the `policy_version` table keeps
 * them); if the recompiled version differs, the rules themselves changed since, and replay says
 * so rather than answering under other rules.
 */
export type ReplayResult =
  | { readonly ok: true; readonly decision: Decision; readonly identical: boolean }
  | { readonly ok: false; readonly reason: 'unknown_policy_version' | 'policy_version_mismatch'
    | 'invalid_settings' };

export type ReplayOptions = { readonly settings?: LenderSettings; readonly strategy?: PolicyStrategy | null };

export function replay(decision: Decision, situation: Situation, options: ReplayOptions = {}): ReplayResult {
  let evaluator = findEvaluator(decision.policyVersion);
  if (evaluator === null) {
    if (options.settings === undefined) return { ok: false, reason: 'unknown_policy_version' };
    const pack = decision.pack === 'CN' ? CN_PACK : US_PACK;
    const compiled = compile(pack, options.strategy ?? null, options.settings);
    if (!compiled.ok) return { ok: false, reason: 'invalid_settings' };
    if (compiled.evaluator.version !== decision.policyVersion) return { ok: false,
      reason: 'policy_version_mismatch' };
    evaluator = compiled.evaluator;
  }
  const again = evaluator.evaluate(situation, new Date(decision.evaluatedAt));
  return { ok: true, decision: again, identical: canonicalJson(again) === canonicalJson(decision) };
}
