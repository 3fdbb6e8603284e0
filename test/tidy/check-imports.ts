import { posix } from 'node:path';
import { findImports, type ImportSite } from './find-imports.ts';
import type { ScannedFile, Violation } from './violation.ts';

/**
 * Imports flow one way between the layers of src/:
 * stdx ← config ← domain ← policy ← app ← {http, jobs, cli}, with db and adapters beside app.
 * The table lists, for each layer, the paths under src/ it may import (a folder ends in `/`;
 * `''` means everything). A layer may always import its own folder. The pure layers, domain and
 * policy, also import no `node:*` module and only the two pure libraries named below, so the
 * decision core stays deterministic and testable without I/O.
 */
export const LAYER_IMPORTS: Readonly<Record<string, readonly string[]>> = {
  stdx: ['stdx/'],
  config: ['stdx/', 'config/'],
  domain: ['stdx/', 'config/limits.ts', 'domain/'],
  policy: ['stdx/', 'config/limits.ts', 'domain/', 'policy/'],
  db: ['stdx/', 'config/', 'db/'],
  adapters: ['stdx/', 'config/', 'domain/', 'adapters/'],
  app: ['stdx/', 'config/', 'domain/', 'policy/', 'db/', 'adapters/', 'app/'],
  jobs: ['stdx/', 'config/', 'domain/', 'policy/', 'db/', 'adapters/', 'app/', 'jobs/'],
  http: ['stdx/', 'config/', 'domain/', 'policy/', 'app/', 'db/', 'http/'],
  cli: [''],
  main: [''],
};

const PURE_LAYERS = new Set(['domain', 'policy']);
const PURE_PACKAGES = ['temporal-polyfill', 'typebox'];
/**
 * Packages one folder of a pure layer may import besides PURE_PACKAGES, each with its reason.
 * opencc-js: the content guard folds traditional to simplified Chinese with OpenCC's maintained
 * tables; it is pure data and functions (no I/O, no clock), so decisions still replay.
 */
const PURE_EXCEPTIONS: Readonly<Record<string, readonly string[]>> = { 'src/policy/content/': ['opencc-js'] };
/** What a test beside pure code needs on top of the pure packages. */
const PURE_TEST_IMPORTS = ['node:test', 'node:assert', 'node:assert/strict', 'fast-check'];
const TABLE_HOME = 'the layer table in test/tidy/check-imports.ts and STYLE.md';

export function checkImports(files: readonly ScannedFile[]): Violation[] {
  const violations: Violation[] = [];
  for (const file of files) {
    if (!file.path.startsWith('src/')) continue;
    const layer = layerOf(file.path);
    if (layer === null) {
      violations.push({
        path: file.path, line: 1, rule: 'layer',
        advice: `the file is in no layer; move it into a layer folder or add its folder to ${TABLE_HOME}`,
      });
      continue;
    }
    for (const site of findImports(file.source)) {
      const violation = checkSite(file.path, layer, site);
      if (violation !== null) violations.push(violation);
    }
  }
  return violations;
}

/** 'main' for src/main.ts, the first folder under src/ otherwise; null if the table lacks it. */
export function layerOf(path: string): string | null {
  const inner = path.slice('src/'.length);
  const slash = inner.indexOf('/');
  const layer = inner === 'main.ts' ? 'main' : slash === -1 ? null : inner.slice(0, slash);
  return layer !== null && Object.hasOwn(LAYER_IMPORTS, layer) ? layer : null;
}

function checkSite(path: string, layer: string, site: ImportSite): Violation | null {
  const isTest = path.endsWith('.test.ts');
  const at = { path, line: site.line };
  if (site.specifier.startsWith('.')) {
    const target = posix.normalize(posix.join(posix.dirname(path), site.specifier));
    if (target.startsWith('src/')) {
      const inner = target.slice('src/'.length);
      const allowed = LAYER_IMPORTS[layer]!;
      if (inner.startsWith(`${layer}/`) || allowed.some((prefix) => inner.startsWith(prefix))) return null;
      const list = allowed.map((prefix) => prefix.replace(/\/$/, '')).join(', ');
      return {
        ...at, rule: 'import direction',
        advice: `${layer} may not import src/${inner} (it may import ${list}); move the shared code ` +
          'down a layer or pass the value in as a parameter',
      };
    }
    if (target.startsWith('test/') && !isTest) {
      const advice = `src/ code may not import ${target}; move it into src/`;
      return { ...at, rule: 'import direction', advice };
    }
    return null;
  }
  if (!PURE_LAYERS.has(layer)) return null;
  const exceptions = Object.entries(PURE_EXCEPTIONS).filter(([folder]) => path.startsWith(folder))
    .flatMap(([, packages]) => packages);
  const allowed = [...PURE_PACKAGES, ...exceptions, ...(isTest ? PURE_TEST_IMPORTS : [])];
  const name = site.specifier.startsWith('node:') ? site.specifier : packageName(site.specifier);
  if (allowed.includes(name)) return null;
  const advice = site.specifier.startsWith('node:')
    ? `${layer} is pure and may not import ${site.specifier}; take the value (time, ids, file contents) ` +
      'as a parameter and do the I/O in app/'
    : `${layer} is pure and may import only ${PURE_PACKAGES.join(' and ')}; use ${name} from app/ or ` +
      'an adapter and pass the result in';
  return { ...at, rule: 'pure layer', advice };
}

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}
