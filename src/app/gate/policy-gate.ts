import {
  compile,
  CN_PACK,
  US_PACK,
  type Evaluator,
  type LenderSettings,
  type PackId,
  type SettingsProblem,
} from '../../policy/index.ts';

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
  const cn = compile(CN_PACK, null, settings.CN ?? {});
  const us = compile(US_PACK, null, settings.US ?? {});
  const problems = [
    ...(cn.ok ? [] : cn.problems.map((problem) => ({ ...problem, path: `CN.${problem.path}` }))),
    ...(us.ok ? [] : us.problems.map((problem) => ({ ...problem, path: `US.${problem.path}` }))),
  ];
  if (!cn.ok || !us.ok) return { ok: false, reason: 'invalid_settings', problems };
  return {
    ok: true,
    gate: {
      evaluators: { CN: cn.evaluator, US: us.evaluator },
      settings: { CN: settings.CN ?? {}, US: settings.US ?? {} },
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
  return jurisdiction === 'CN' || jurisdiction === 'US' ? jurisdiction : null;
}
