import { formatCitation, type ParameterSpec, type Rule } from '../rule.ts';

/**
 * The JSON Schema (draft-07 keywords only, so any validator reads it) of a lender's settings for
 * one pack, generated from the rules' parameters: settings nest by the dotted key's groups
 * (`quiet_hours.allowed_start` is `{ "quiet_hours": { "allowed_start": … } }`), and each value's
 * legal bound is part of its type, so a schema validator refuses a loosening as the engine does
 * (validate-settings.ts, which also names the bound and checks relations between parameters). A
 * time's bound is a pattern that admits exactly the times on the strict side of it; a count's is
 * its minimum or maximum; a level bounded at "deny" admits only "deny". Each description names
 * the bound and the citation of the rule that sets it.
 */
export type SettingsSchemaNode = {
  readonly type: 'object' | 'string' | 'integer';
  readonly description?: string;
  readonly properties?: Readonly<Record<string, SettingsSchemaNode>>;
  readonly additionalProperties?: false;
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly enum?: readonly string[];
  readonly default?: string | number;
};
export type SettingsSchema = SettingsSchemaNode & { readonly title: string; readonly type: 'object' };

type Parameter = { readonly spec: ParameterSpec; readonly ruleId: string; readonly rule: Rule };

export function settingsSchemaOf(packId: string, parameters: ReadonlyMap<string, Parameter>): SettingsSchema {
  const root: Record<string, unknown> = {};
  for (const [key, parameter] of parameters) {
    const path = key.split('.');
    let node = root;
    for (const group of path.slice(0, -1)) node = (node[group] ??= {}) as Record<string, unknown>;
    node[path.at(-1)!] = valueSchema(parameter);
  }
  return { title: `Lender settings of the ${packId} pack`, ...objectSchema(root) };
}

function objectSchema(tree: Record<string, unknown>): SettingsSchemaNode & { readonly type: 'object' } {
  const properties: Record<string, SettingsSchemaNode> = {};
  for (const [name, child] of Object.entries(tree)) {
    properties[name] = isValueSchema(child) ? child : objectSchema(child as Record<string, unknown>);
  }
  return { type: 'object', properties, additionalProperties: false };
}

function isValueSchema(node: unknown): node is SettingsSchemaNode {
  return typeof (node as { type?: unknown }).type === 'string';
}

function valueSchema({ spec, ruleId, rule }: Parameter): SettingsSchemaNode {
  const bound = spec.legalBound;
  const source = bound === null
    ? `Internal policy of ${ruleId}; no legal bound.`
    : `Legal bound ${bound}, ${spec.stricter === 'higher' ? 'at least' : 'at most'} as strict `
      + `(${ruleId}, ${formatCitation(rule.citation)}).`;
  const description = `${spec.description} ${source}`;
  if (spec.kind === 'time_of_day') {
    const pattern = bound === null ? TIME_PATTERN : timePattern(String(bound), spec.stricter);
    return { type: 'string', description, pattern, default: spec.default };
  }
  if (spec.kind === 'level') {
    return { type: 'string', description, enum: bound === 'deny' ? ['deny'] : ['warn', 'deny'],
      default: spec.default };
  }
  let [minimum, maximum] = spec.range ?? [0, Number.MAX_SAFE_INTEGER];
  if (bound !== null && spec.stricter === 'lower') maximum = Math.min(maximum, Number(bound));
  if (bound !== null && spec.stricter === 'higher') minimum = Math.max(minimum, Number(bound));
  return { type: 'integer', description, minimum, maximum, default: spec.default };
}

/** Any "HH:MM" from 00:00 to 23:59, or 24:00 (the end of the day), as validate-settings.ts reads it. */
export const TIME_PATTERN = '^(?:[01]\\d|2[0-3]):[0-5]\\d$|^24:00$';

/** A pattern for the times at or after (`higher`) or at or before (`lower`) a bound "HH:MM". */
export function timePattern(bound: string, stricter: 'higher' | 'lower'): string {
  const boundMinutes = Number(bound.slice(0, 2)) * 60 + Number(bound.slice(3, 5));
  const hours: string[] = [];
  for (let hour = 0; hour <= 24; hour += 1) {
    const lastMinute = hour === 24 ? 0 : 59;
    const minutes: string[] = [];
    for (let minute = 0; minute <= lastMinute; minute += 1) {
      const at = hour * 60 + minute;
      if (stricter === 'higher' ? at >= boundMinutes : at <= boundMinutes) minutes.push(twoDigits(minute));
    }
    if (minutes.length === 60) hours.push(`${twoDigits(hour)}:[0-5]\\d`);
    else if (minutes.length > 0) hours.push(`${twoDigits(hour)}:(?:${minutes.join('|')})`);
  }
  return `^(?:${hours.join('|')})$`;
}

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}
