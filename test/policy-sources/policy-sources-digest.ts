import { posix } from 'node:path';
import { sha256Hex } from '../../src/stdx/hash.ts';

/**
 * What src/policy/engine/policy-sources.ts records: the import closure of the entry files (every
 * relative import, type-only ones included, followed transitively), minus the digest file itself,
 * and a digest of each file's path and text and of the version of each package they import. `readText` is given, so a test can digest an altered
 * tree without touching the files.
 */
export const POLICY_SOURCE_ENTRIES = ['src/policy/packs/packs.ts', 'src/policy/engine/compile.ts'];
export const POLICY_SOURCES_FILE = 'src/policy/engine/policy-sources.ts';

const IMPORT = /\b(?:import|export)\b[^'";]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(?\s*['"]([^'"]+)['"]/g;

export type PolicySources = {
  readonly digest: string;
  readonly files: readonly string[];
  /** The packages the files import, as name@version: their code decides too (a dictionary, a calendar). */
  readonly packages: readonly string[];
};

export function digestPolicySources(readText: (path: string) => string): PolicySources {
  const seen = new Set<string>();
  const texts = new Map<string, string>();
  const packages = new Set<string>();
  const pending = [...POLICY_SOURCE_ENTRIES];
  while (pending.length > 0) {
    const path = pending.pop()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const text = readText(path);
    texts.set(path, text);
    for (const match of text.matchAll(IMPORT)) {
      const specifier = (match[1] ?? match[2])!;
      if (specifier.startsWith('node:')) continue;
      if (!specifier.startsWith('.')) {
        packages.add(packageName(specifier));
        continue;
      }
      const target = posix.normalize(posix.join(posix.dirname(path), specifier));
      if (!seen.has(target)) pending.push(target);
    }
  }
  texts.delete(POLICY_SOURCES_FILE);
  const files = [...texts.keys()].sort();
  const versions = [...packages].sort().map((name) =>
    `${name}@${(JSON.parse(readText(`node_modules/${name}/package.json`)) as { version: string }).version}`);
  const lines = [...files.map((path) => `${path}\n${sha256Hex(texts.get(path)!)}`), ...versions];
  return { digest: sha256Hex(lines.join('\n')), files, packages: versions };
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** The text of src/policy/engine/policy-sources.ts for a digest. */
export function renderPolicySourcesFile(current: string, sources: PolicySources): string {
  return current
    .replace(/POLICY_SOURCES_DIGEST = '[^']*'/, `POLICY_SOURCES_DIGEST = '${sources.digest}'`)
    .replace(/POLICY_SOURCES_FILES = \d+/, `POLICY_SOURCES_FILES = ${sources.files.length}`);
}
