import { assert } from '../stdx/assert.ts';
import type { ContentReason } from './content/scan-content.ts';
import { settingsSchemaOf, type SettingsSchema } from './engine/settings-schema.ts';
import type { ParameterSpec, Rule } from './rule.ts';
import type { Locale, PackId } from './situation.ts';

/**
 * A compliance pack: the rules of one jurisdiction, in the order a Decision lists them, with what
 * follows from them: the locale its messages are written in, the rule that enforces each
 * content-guard reason, and the schema of the settings a lender may give it. Packs are law (plus
 * a few internal-policy rules, labelled as such); a lender tightens their parameters through
 * settings and never edits them. The shipped packs are listed once, in `PACKS` (packs/packs.ts).
 */
export type PackDefinition = {
  readonly id: PackId;
  readonly title: string;
  /** The locale of the pack's messages: templates are decided in it. */
  readonly locale: Locale;
  readonly rules: readonly Rule[];
};

export type Pack = PackDefinition & {
  /** The rule of the pack that enforces each content-guard reason; a reason absent here is not its law. */
  readonly contentRules: Readonly<Partial<Record<ContentReason, Rule>>>;
  /** JSON Schema of the lender's settings, generated from the rules' parameters and legal bounds. */
  readonly settingsSchema: SettingsSchema;
};

export type PackParameter = { readonly spec: ParameterSpec; readonly ruleId: string; readonly rule: Rule };

export function definePack(definition: PackDefinition): Pack {
  const ids = new Set<string>();
  const contentRules: Partial<Record<ContentReason, Rule>> = {};
  for (const rule of definition.rules) {
    assert(rule.jurisdiction === definition.id, `${rule.id} is not a ${definition.id} rule`);
    assert(!ids.has(rule.id), `${rule.id} appears twice in the ${definition.id} pack`);
    ids.add(rule.id);
    // The first rule in pack order that claims a reason enforces it, as a Decision lists it first.
    for (const reason of rule.contentReasons ?? []) contentRules[reason] ??= rule;
  }
  const parameters = packParameters(definition);
  for (const rule of definition.rules) {
    for (const spec of rule.parameters) {
      const first = parameters.get(spec.key)!;
      // Rules that enforce the same parameter must agree on it, or a setting would mean two things.
      assert(JSON.stringify(first.spec) === JSON.stringify(spec),
        `${rule.id} declares ${spec.key} differently from ${first.ruleId}`);
    }
  }
  return Object.freeze({
    ...definition, contentRules: Object.freeze(contentRules),
    settingsSchema: settingsSchemaOf(definition.id, parameters),
  });
}

/** Every parameter of a pack, once, with the first rule (in pack order) that declares it. */
export function packParameters(pack: Pick<PackDefinition, 'rules'>): ReadonlyMap<string, PackParameter> {
  const parameters = new Map<string, PackParameter>();
  for (const rule of pack.rules) {
    for (const spec of rule.parameters) {
      if (!parameters.has(spec.key)) parameters.set(spec.key, { spec, ruleId: rule.id, rule });
    }
  }
  return parameters;
}

/** The rule of a pack that enforces a content-guard reason. */
export function contentRuleOf(pack: Pack, reason: ContentReason): Rule | null {
  return pack.contentRules[reason] ?? null;
}
