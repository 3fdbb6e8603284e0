import { assert } from '../stdx/assert.ts';
import type { ContentReason } from './content/scan-content.ts';
import type { ParameterSpec, Rule } from './rule.ts';
import type { PackId } from './situation.ts';

/**
 * A compliance pack: the rules of one jurisdiction, in the order a Decision lists them. Packs
 * are law (plus a few internal-policy rules, labelled as such); a lender tightens their
 * parameters through settings and never edits them.
 */
export type Pack = {
  readonly id: PackId;
  readonly title: string;
  readonly rules: readonly Rule[];
};

export function definePack(pack: Pack): Pack {
  const ids = new Set<string>();
  const parameters = new Map<string, { spec: ParameterSpec; ruleId: string }>();
  for (const rule of pack.rules) {
    assert(rule.jurisdiction === pack.id, `${rule.id} is not a ${pack.id} rule`);
    assert(!ids.has(rule.id), `${rule.id} appears twice in the ${pack.id} pack`);
    ids.add(rule.id);
    for (const spec of rule.parameters) {
      const earlier = parameters.get(spec.key);
      // Rules that enforce the same parameter must agree on it, or a setting would mean two things.
      assert(earlier === undefined || JSON.stringify(earlier.spec) === JSON.stringify(spec),
        `${rule.id} declares ${spec.key} differently from ${earlier?.ruleId}`);
      if (earlier === undefined) parameters.set(spec.key, { spec, ruleId: rule.id });
    }
  }
  return pack;
}

/** Every parameter of a pack, once, with the first rule (in pack order) that declares it. */
export function packParameters(pack: Pack): ReadonlyMap<string, { spec: ParameterSpec; ruleId: string }> {
  const parameters = new Map<string, { spec: ParameterSpec; ruleId: string }>();
  for (const rule of pack.rules) {
    for (const spec of rule.parameters) {
      if (!parameters.has(spec.key)) parameters.set(spec.key, { spec, ruleId: rule.id });
    }
  }
  return parameters;
}

/** The rule of a pack that enforces each content-guard reason. */
export function contentRuleOf(pack: Pack, reason: ContentReason): Rule | null {
  return pack.rules.find((rule) => rule.contentReasons?.includes(reason) === true) ?? null;
}
