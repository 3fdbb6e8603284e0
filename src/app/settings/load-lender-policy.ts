import type { Config } from '../../config/config.ts';
import { packParameters } from '../../policy/pack.ts';
import { formatCitation } from '../../policy/rule.ts';
import type { SettingsProblem } from '../../policy/index.ts';
import {
  buildPolicyGate, defaultPolicyGate, type GateSettings, type PolicyGate,
} from '../gate/policy-gate.ts';
import { readSettingsFile } from './read-settings-file.ts';
import { settingsByPack } from './settings-by-pack.ts';

/**
 * The policy a process decides under: the gate compiled from the lender's settings file, and how
 * the file was named (null: no file, the packs' own parameters). `serve`, `cycle`, `check` and
 * `policy test` load it the same way, so a file that tightens the calling hours tightens them for
 * every path, and a file that would loosen the law stops each of them before it decides anything.
 */
export type LenderPolicy = {
  readonly gate: PolicyGate;
  readonly settings: GateSettings;
  readonly source: string | null;
};
export type LoadedLenderPolicy =
  | { readonly ok: true; readonly policy: LenderPolicy }
  | { readonly ok: false; readonly reason: 'invalid_settings'; readonly message: string };

export type LoadLenderPolicyOptions = {
  /** The settings file, or null for none. */
  path: string | null;
  /** How the file was named, for messages: `FAIRCOLLECT_SETTINGS /srv/lender.yaml`. */
  source: string;
};

export async function loadLenderPolicy(options: LoadLenderPolicyOptions): Promise<LoadedLenderPolicy> {
  if (options.path === null) {
    return { ok: true, policy: { gate: defaultPolicyGate(), settings: {}, source: null } };
  }
  const file = await readLenderSettings(options.path, options.source);
  if (!file.ok) return file;
  const built = buildPolicyGate(file.settings);
  if (!built.ok) {
    return { ok: false, reason: 'invalid_settings',
      message: `${options.source}: ${built.problems.map(describeSettingsProblem).join('; ')}` };
  }
  return { ok: true, policy: { gate: built.gate, settings: file.settings, source: options.source } };
}

/** The policy of the configured settings file, FAIRCOLLECT_SETTINGS, named so in every message. */
export function loadConfiguredPolicy(config: Config): Promise<LoadedLenderPolicy> {
  const path = config.settingsPath;
  return loadLenderPolicy({ path, source: `FAIRCOLLECT_SETTINGS ${path}` });
}

/** The settings of each pack in a file, before they are validated against the packs. */
export async function readLenderSettings(path: string, source: string): Promise<
  { ok: true; settings: GateSettings } | { ok: false; reason: 'invalid_settings'; message: string }> {
  const read = await readSettingsFile(path, source);
  if (!read.ok) return { ok: false, reason: 'invalid_settings', message: read.message };
  const packs = Object.values(defaultPolicyGate().evaluators).map((evaluator) => evaluator.pack);
  const split = settingsByPack(read.document, packs);
  if (!split.ok) return { ok: false, reason: 'invalid_settings', message: `${source}: ${split.message}` };
  return { ok: true, settings: split.settings };
}

/**
 * One problem of the gate's settings, its pack first ("CN quiet_hours.allowed_start 07:00 is earlier
 * than the legal bound 08:00 (CN-GBT-01)"), and for a loosened bound the citation of the law that
 * sets it, so the lender reads why the value is refused without opening the rule's page.
 */
export function describeSettingsProblem(problem: SettingsProblem): string {
  const dot = problem.path.indexOf('.');
  const packId = problem.path.slice(0, dot);
  const evaluator = Object.values(defaultPolicyGate().evaluators).find((each) => each.pack.id === packId);
  const text = `${packId} ${problem.message}`;
  if (problem.reason !== 'loosens_legal_bound' || evaluator === undefined) return text;
  const declared = packParameters(evaluator.pack).get(problem.path.slice(dot + 1));
  const rule = evaluator.pack.rules.find((each) => each.id === declared?.ruleId);
  return rule === undefined ? text : `${text}, ${formatCitation(rule.citation)}`;
}
