import { assert } from '../../stdx/assert.ts';
import { canonicalJson, sha256Hex } from '../../stdx/hash.ts';
import type { Decision, OutcomeDetail } from '../decision.ts';
import type { Pack } from '../pack.ts';
import { formatCitation, makeVerdicts, reasonsOf, type Level, type ParamReader, type Rule,
  type RuleCheck } from '../rule.ts';
import type { Situation } from '../situation.ts';
import { evaluateCompiled } from './evaluate-compiled.ts';
import { POLICY_SOURCES_DIGEST } from './policy-sources.ts';
import {
  minutesOf, validateSettings, type EffectiveSettings, type LenderSettings, type SettingsProblem,
} from './validate-settings.ts';

/**
 * `compile(pack, strategy, settings)` validates the lender's settings against the law's bounds,
 * then builds each rule's predicate once as a plain closure over its parameter values, so
 * evaluation is a loop over closures. The policy version is a hash of everything that decides:
 * the rules (metadata and predicate source), the digest of the source files the packs and the
 * engine are made of (shared helpers, facts, time arithmetic, the content guard's code and
 * phrase lists: policy-sources.ts, generated and held to the files by a test), the effective
 * settings and the strategy. Any change to what decides yields a new version, and every Decision
 * names the version it was made under.
 *
 * Compiled evaluators are kept in a registry by version so that `replay` can find the exact
 * evaluator a Decision was made with.
 */
export type CompiledRule = {
  readonly rule: Rule;
  readonly check: RuleCheck;
  readonly citation: string;
  /** Local civil dates between which the rule is in force (inclusive start, exclusive end). */
  readonly effectiveFrom: string;
  readonly effectiveUntil: string | null;
  readonly level: Level;
  /** Every reason code the rule may give; a verdict with another code is a programmer error. */
  readonly reasonCodes: ReadonlySet<string>;
  /** The rule's parameters the lender set to other than the pack's default, or null for none. */
  readonly lenderSettings: OutcomeDetail | null;
};

/** The actions a strategy proposes; the engine records it in the version and leaves it to later rules. */
export type PolicyStrategy = Readonly<Record<string, unknown>>;

export type Evaluator = {
  readonly pack: Pack;
  readonly version: string;
  readonly settings: EffectiveSettings;
  readonly lenderSettings: LenderSettings;
  readonly strategy: PolicyStrategy | null;
  readonly rules: readonly CompiledRule[];
  evaluate(situation: Situation, now: Date): Decision;
};

export type CompileResult =
  | { readonly ok: true; readonly evaluator: Evaluator }
  | {
    readonly ok: false; readonly reason: 'invalid_settings'; readonly problems: readonly SettingsProblem[];
  };

/**
 * Bump when what decides changes meaning without a change to the source files the digest covers
 * (a dependency's behaviour, say).
 */
export const POLICY_ENGINE_REVISION = 1;
/** Compiled evaluators kept for replay; the oldest is dropped beyond this. */
export const EVALUATOR_REGISTRY_ENTRIES_MAX = 256;

const registry = new Map<string, Evaluator>();

export function compile(
  pack: Pack, strategy: PolicyStrategy | null = null, lenderSettings: LenderSettings = {},
): CompileResult {
  const validated = validateSettings(pack, lenderSettings);
  if (!validated.ok) return validated;
  const settings = validated.settings;
  const reader = paramReader(settings);
  const rules = pack.rules.map((rule): CompiledRule => ({
    rule,
    check: rule.build(reader, makeVerdicts()),
    citation: formatCitation(rule.citation),
    effectiveFrom: rule.effective.from,
    effectiveUntil: rule.effective.until ?? null,
    level: rule.levelParameter === undefined ? 'deny' : reader.level(rule.levelParameter),
    reasonCodes: new Set(Object.keys(reasonsOf(rule))),
    lenderSettings: settingsOffDefault(rule, settings),
  }));
  const version = policyVersion(pack, settings, strategy);
  const known = registry.get(version);
  if (known !== undefined) return { ok: true, evaluator: known };
  const evaluator: Evaluator = {
    pack, version, settings, lenderSettings, strategy, rules,
    evaluate: (situation, now) => evaluateCompiled(evaluator, situation, now),
  };
  if (registry.size >= EVALUATOR_REGISTRY_ENTRIES_MAX) registry.delete(registry.keys().next().value!);
  registry.set(version, evaluator);
  return { ok: true, evaluator };
}

/** The evaluator compiled for a policy version in this process, if any. */
export function findEvaluator(version: string): Evaluator | null {
  return registry.get(version) ?? null;
}

export function policyVersion(pack: Pack, settings: EffectiveSettings, strategy: PolicyStrategy | null,
  sources: string = POLICY_SOURCES_DIGEST): string {
  const rules = pack.rules.map((rule) => ({
    id: rule.id, kind: rule.kind, citation: rule.citation, effective: rule.effective, reasons: rule.reasons,
    parameters: rule.parameters, levelParameter: rule.levelParameter ?? null,
    contentReasons: rule.contentReasons ?? [], predicate: rule.build.toString(),
  }));
  const body = { engine: POLICY_ENGINE_REVISION, sources, pack: pack.id, locale: pack.locale, rules, settings,
    strategy };
  return sha256Hex(canonicalJson(body));
}

function settingsOffDefault(rule: Rule, settings: EffectiveSettings): OutcomeDetail | null {
  const changed = rule.parameters.filter((parameter) => settings[parameter.key] !== parameter.default);
  return changed.length === 0 ? null
    : Object.fromEntries(changed.map((parameter) => [parameter.key, settings[parameter.key]!]));
}

function paramReader(settings: EffectiveSettings): ParamReader {
  const value = (key: string) => {
    const found = settings[key];
    assert(found !== undefined, `parameter ${key} is not declared by the pack`);
    return found;
  };
  return {
    minutes: (key) => minutesOf(String(value(key))),
    count: (key) => {
      const found = value(key);
      assert(typeof found === 'number', `${key} is not a count`);
      return found;
    },
    level: (key) => {
      const found = value(key);
      assert(found === 'warn' || found === 'deny', `${key} is not a level`);
      return found;
    },
  };
}
