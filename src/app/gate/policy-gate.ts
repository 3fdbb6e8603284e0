import {
  compile,
  isPackId,
  PACKS,
  type Evaluator,
  type LenderSettings,
  type PackId,
  type SettingsProblem,
} from '../../policy/index.ts';
import { PACK_IDS } from '../../policy/situation.ts';

/**
 * The compiled policy of one running process: an evaluator per pack, built once from the lender's
 * settings. Every path that contacts, visits, reports or sues asks it through this gate (the cycle,
 * the HTTP checks and reservations), so all of them decide under the same policy version.
 */
export type PolicyGate = {
  readonly evaluators: Readonly<Record<PackId, Evaluator>>;
  readonly settings: Readonly<Record<PackId, LenderSettings>>;
};

export type GateSettings = Partial<Record<PackId, LenderSettings>>;

export type BuildGateResult =
  | { readonly ok: true; readonly gate: PolicyGate }
  | {
      readonly ok: false;
      readonly reason: 'invalid_settings';
      readonly problems: readonly SettingsProblem[];
    };

export function buildPolicyGate(settings: GateSettings = {}): BuildGateResult {
  const evaluators: Partial<Record<PackId, Evaluator>> = {};
  const lenderSettings: Partial<Record<PackId, LenderSettings>> = {};
  const problems: SettingsProblem[] = [];
  for (const id of PACK_IDS) {
    lenderSettings[id] = settings[id] ?? {};
    const compiled = compile(PACKS[id], null, lenderSettings[id]);
    if (compiled.ok) {
      evaluators[id] = compiled.evaluator;
    } else {
      problems.push(...compiled.problems.map((problem) => ({ ...problem, path: `${id}.${problem.path}` })));
    }
  }
  if (problems.length > 0) return { ok: false, reason: 'invalid_settings', problems };
  return {
    ok: true,
    gate: {
      evaluators: evaluators as Record<PackId, Evaluator>,
      settings: lenderSettings as Record<PackId, LenderSettings>,
    },
  };
}

let defaultGate: PolicyGate | null = null;

/** The gate under the packs' default parameters, compiled once per process. */
export function defaultPolicyGate(): PolicyGate {
  if (defaultGate === null) {
    const built = buildPolicyGate();
    if (!built.ok) throw new Error("the packs' own defaults must validate");
    defaultGate = built.gate;
  }
  return defaultGate;
}

/** The pack that governs a product's jurisdiction; none for a jurisdiction without a pack yet. */
export function packFor(jurisdiction: string): PackId | null {
  return isPackId(jurisdiction) ? jurisdiction : null;
}
