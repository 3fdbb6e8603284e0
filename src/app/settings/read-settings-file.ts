import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';

/**
 * The text of a lender's settings file (YAML or JSON; JSON is YAML) read into an object. The
 * source is how the file was named (`--settings lender.yaml`, `FAIRCOLLECT_SETTINGS lender.yaml`),
 * so every message says which file and which way it came.
 */
export type SettingsFileRead =
  | { readonly ok: true; readonly document: Readonly<Record<string, unknown>> }
  | {
    readonly ok: false;
    readonly reason: 'settings_file_missing' | 'settings_file_unreadable' | 'settings_file_malformed';
    readonly message: string;
  };

export async function readSettingsFile(path: string, source: string): Promise<SettingsFileRead> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return missing
      ? { ok: false, reason: 'settings_file_missing', message: `${source}: no such file` }
      : { ok: false, reason: 'settings_file_unreadable', message: `${source}: ${(error as Error).message}` };
  }
  let value: unknown;
  try {
    value = parse(text);
  } catch (error) {
    return { ok: false, reason: 'settings_file_malformed',
      message: `${source}: not JSON or YAML: ${(error as Error).message}` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, reason: 'settings_file_malformed',
      message: `${source}: must hold an object of parameters` };
  }
  return { ok: true, document: value as Record<string, unknown> };
}
