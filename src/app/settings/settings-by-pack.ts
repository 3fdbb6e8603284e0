import { packParameters, type Pack } from '../../policy/pack.ts';
import type { LenderSettings, PackId } from '../../policy/index.ts';
import type { GateSettings } from '../gate/policy-gate.ts';

/**
 * Splits a lender's settings file into the settings of each pack. Two forms are read:
 *
 * - by pack, every top-level key a pack id: `{ CN: { quiet_hours: {…} }, US: { contact_hours: {…} } }`;
 * - flat, as `faircollect check --settings` has always read: `{ quiet_hours: {…}, us_calls: {…} }`.
 *   Each top-level entry goes to the packs that declare a parameter under it, so one file serves a
 *   lender in both jurisdictions; an entry no pack declares goes to every pack, whose validation
 *   then refuses it by name ("… is not a parameter of the CN pack").
 */
export type SettingsByPack =
  | { readonly ok: true; readonly settings: GateSettings }
  | { readonly ok: false; readonly reason: 'pack_settings_not_an_object'; readonly field: string;
    readonly message: string };

export function settingsByPack(document: LenderSettings, packs: readonly Pack[]): SettingsByPack {
  const ids = new Set<string>(packs.map((pack) => pack.id));
  const keys = Object.keys(document);
  if (keys.length > 0 && keys.every((key) => ids.has(key))) {
    const settings: Partial<Record<PackId, LenderSettings>> = {};
    for (const key of keys) {
      const value = document[key];
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        return { ok: false, reason: 'pack_settings_not_an_object', field: key,
          message: `${key} must hold an object of the ${key} pack's parameters, `
            + `got ${JSON.stringify(value)}` };
      }
      settings[key as PackId] = value as LenderSettings;
    }
    return { ok: true, settings };
  }
  const settings: Partial<Record<PackId, Record<string, unknown>>> = {};
  for (const [key, value] of Object.entries(document)) {
    const owners = packs.filter((pack) => declares(pack, key));
    for (const pack of owners.length > 0 ? owners : packs) (settings[pack.id] ??= {})[key] = value;
  }
  return { ok: true, settings };
}

/** Whether a pack has the parameter `key` or a parameter in the group `key`. */
function declares(pack: Pack, key: string): boolean {
  for (const parameter of packParameters(pack).keys()) {
    if (parameter === key || parameter.startsWith(`${key}.`)) return true;
  }
  return false;
}
