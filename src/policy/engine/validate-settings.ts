import { packParameters, type Pack } from '../pack.ts';
import type { ParameterSpec } from '../rule.ts';

/**
 * A lender's settings: parameter values by dotted key, or nested by group
 * (`{ "quiet_hours": { "allowed_start": "09:00" } }`). A lender may tighten a law's parameter
 * (a later start, a lower cap) and never loosen it; an attempt is a validation error that names
 * the bound and the rule, e.g. `quiet_hours.allowed_start 07:00 is earlier than the legal bound
 * 08:00 (CN-GBT-01)`. Internal-policy parameters may be set freely within their range.
 */
export type LenderSettings = Readonly<Record<string, unknown>>;
/** The value every parameter of a pack takes: "HH:MM", a count, or a level. */
export type EffectiveSettings = Readonly<Record<string, string | number>>;

export type SettingsProblemReason =
  | 'unknown_parameter' | 'invalid_value' | 'loosens_legal_bound' | 'out_of_range' | 'inconsistent';
export type SettingsProblem = {
  readonly path: string;
  readonly reason: SettingsProblemReason;
  readonly message: string;
};
export type ValidatedSettings =
  | { readonly ok: true; readonly settings: EffectiveSettings }
  | {
    readonly ok: false; readonly reason: 'invalid_settings'; readonly problems: readonly SettingsProblem[];
  };

const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const LEVEL_ORDER: Readonly<Record<string, number>> = { warn: 0, deny: 1 };

export function validateSettings(pack: Pack, settings: LenderSettings): ValidatedSettings {
  const parameters = packParameters(pack);
  const problems: SettingsProblem[] = [];
  const values: Record<string, string | number> = {};
  for (const [key, { spec }] of parameters) values[key] = spec.default;
  for (const [key, value] of flatten(settings)) {
    const known = parameters.get(key);
    if (known === undefined) {
      const list = [...parameters.keys()].join(', ');
      problems.push({ path: key, reason: 'unknown_parameter',
        message: `${key} is not a parameter of the ${pack.id} pack (known: ${list})` });
      continue;
    }
    const problem = checkValue(key, value, known.spec, known.ruleId);
    if (problem !== null) problems.push(problem);
    else values[key] = value as string | number;
  }
  if (problems.length === 0) problems.push(...checkRelations(parameters, values));
  return problems.length > 0 ? { ok: false, reason: 'invalid_settings', problems } : { ok: true,
    settings: values };
}

/** Minutes after midnight of an "HH:MM" time. */
export function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

function flatten(settings: LenderSettings, prefix = ''): Array<[string, unknown]> {
  const entries: Array<[string, unknown]> = [];
  for (const [name, value] of Object.entries(settings)) {
    const key = prefix === '' ? name : `${prefix}.${name}`;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      entries.push(...flatten(value as LenderSettings, key));
    } else {
      entries.push([key, value]);
    }
  }
  return entries;
}

function checkValue(key: string, value: unknown, spec: ParameterSpec,
  ruleId: string): SettingsProblem | null {
  const invalid = (expected: string): SettingsProblem =>
    ({ path: key, reason: 'invalid_value',
      message: `${key} must be ${expected}, got ${JSON.stringify(value)}` });
  if (spec.kind === 'time_of_day') {
    if (typeof value !== 'string' || !TIME.test(value)) return invalid('a time "HH:MM"');
  } else if (spec.kind === 'count') {
    if (typeof value !== 'number' || !Number.isInteger(value)) return invalid('an integer');
    const loosened = loosens(key, value, spec, ruleId);
    if (loosened !== null) return loosened;
    const [low, high] = spec.range ?? [0, Number.MAX_SAFE_INTEGER];
    if (value < low || value > high) {
      return { path: key, reason: 'out_of_range', message: `${key} ${value} is outside ${low}–${high}` };
    }
    return null;
  } else if (value !== 'warn' && value !== 'deny') {
    return invalid('"warn" or "deny"');
  }
  return loosens(key, value as string | number, spec, ruleId);
}

function loosens(key: string, value: string | number, spec: ParameterSpec,
  ruleId: string): SettingsProblem | null {
  if (spec.legalBound === null) return null;
  const bound = spec.legalBound;
  const order = (item: string | number) =>
    spec.kind === 'time_of_day' ? minutesOf(String(item)) : spec.kind === 'level' ? LEVEL_ORDER[item]!
      : Number(item);
  const looser = spec.stricter === 'higher' ? order(value) < order(bound) : order(value) > order(bound);
  if (!looser) return null;
  const words = spec.kind === 'time_of_day'
    ? (spec.stricter === 'higher' ? 'earlier than' : 'later than')
    : spec.kind === 'level' ? 'weaker than' : (spec.stricter === 'higher' ? 'less than' : 'more than');
  return {
    path: key, reason: 'loosens_legal_bound',
    message: `${key} ${value} is ${words} the legal bound ${bound} (${ruleId})`,
  };
}

function checkRelations(
  parameters: ReadonlyMap<string, { spec: ParameterSpec; ruleId: string }>, values: Record<string, string
    | number>,
): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  for (const [key, { spec }] of parameters) {
    if (spec.below === undefined) continue;
    const other = spec.below.key;
    const order = (item: string | number) => (spec.kind === 'time_of_day' ? minutesOf(String(item))
      : Number(item));
    const mine = order(values[key]!);
    const theirs = order(values[other]!);
    if (spec.below.strict ? mine >= theirs : mine > theirs) {
      problems.push({
        path: key, reason: 'inconsistent',
        message: `${key} ${values[key]} must be ${spec.below.strict ? 'before' : 'at most'} `
          + `${other} ${values[other]}`,
      });
    }
  }
  return problems;
}
