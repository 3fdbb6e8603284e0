import { posix } from 'node:path';
import type { ScannedSource, Token } from './scan-source.ts';
import type { ScannedFile, Violation } from './violation.ts';

/**
 * An export nobody imports is code nobody can reach, or a module boundary wider than it needs to
 * be: either way a reader has to prove it unused before changing it. A name exported by a file of
 * `src/` (tests aside) is dead unless a file of src/, test/, bench/ or scripts/ imports it (named
 * or default import, `import type`, a re-export, `import * as ns` then `ns.name`, or a destructured
 * `await import('…')`). Two kinds are reported under the one rule: an export used nowhere (delete
 * it), and one its own file uses but no other file does (only the `export` keyword is dead).
 *
 * Uses are read from tokens, not types, so the check leans towards silence: a namespace object or
 * a dynamic import it cannot follow counts as using every export of its module, and any mention
 * of the name in its own file that is not a property access counts as a use there.
 */
export const DEAD_EXPORT_RULE = 'dead export';
const CANDIDATE_FOLDER = 'src/';
const USING_FOLDERS = ['src/', 'test/', 'bench/', 'scripts/'];

/**
 * Names loaded in ways no import statement shows; each says how it is loaded. Policy rule folders
 * need no entry: the packs and rule-tables.ts import each `rule.ts` and `cases.ts` by a literal path.
 * Nor does bench/content-bench.ts, whose computed `import()` loads a copy of an old scan-content.ts
 * from git history, not the file in src/.
 */
type EntryPoint = { readonly path: RegExp; readonly name: string; readonly reason: string };
const ENTRY_POINTS: readonly EntryPoint[] = [
  {
    path: /^src\/cli\/commands\/[^/]+\.ts$/, name: 'register',
    reason: 'src/cli/main.ts imports every file of src/cli/commands/ by a path built from readdir',
  },
];

/** What other files take from one module: named exports, or everything (`all`). */
type ModuleUse = { readonly names: Set<string>; all: boolean };
type ExportSite = {
  readonly name: string;
  readonly token: Token;
  /** The name inside this file for `export { local as name }`, or null when declared exported. */
  readonly local: string | null;
  /** True for `export … from`: the file only forwards the name, so it has no use of its own. */
  readonly forwarded: boolean;
};

export function checkDeadExports(files: readonly ScannedFile[]): Violation[] {
  const paths = new Set(files.map((file) => file.path));
  const uses = new Map<string, ModuleUse>();
  for (const file of files) {
    if (USING_FOLDERS.some((folder) => file.path.startsWith(folder))) recordUses(file, paths, uses);
  }
  const violations: Violation[] = [];
  for (const file of files) {
    if (!file.path.startsWith(CANDIDATE_FOLDER) || file.path.endsWith('.test.ts')) continue;
    const use = uses.get(file.path);
    if (use?.all === true) continue;
    const sites = findExports(file.source);
    const seen = new Set<string>();
    for (const site of sites) {
      if (seen.has(site.name) || use?.names.has(site.name) === true) continue;
      if (isEntryPoint(file.path, site.name)) continue;
      seen.add(site.name);
      const advice = usedInOwnFile(file.source, site, sites)
        ? `${site.name}: only this file uses it; drop the \`export\``
        : `${site.name}: no file imports it and this file does not use it; delete it, or if it is loaded ` +
          'another way, list it in ENTRY_POINTS of test/tidy/check-dead-exports.ts with how';
      violations.push({ path: file.path, line: site.token.line, rule: DEAD_EXPORT_RULE, advice });
    }
  }
  return violations;
}

/** The allowlist key of a violation: `path#NAME`, so a listed export may move within its file. */
export function deadExportKey(violation: Violation): string {
  return `${violation.path}#${violation.advice.slice(0, violation.advice.indexOf(':'))}`;
}

function isEntryPoint(path: string, name: string): boolean {
  return ENTRY_POINTS.some((entry) => entry.name === name && entry.path.test(path));
}

/** Every name the module's top level exports, once per declaration (overloads repeat). */
function findExports(source: ScannedSource): ExportSite[] {
  const { tokens } = source;
  const depths = depthOfTokens(source);
  const sites: ExportSite[] = [];
  tokens.forEach((token, index) => {
    if (depths[index] !== 0 || !isWord(token, 'export') || isPunct(tokens[index - 1], '.')) return;
    let at = index + 1;
    while (['declare', 'async', 'abstract'].some((word) => isWord(tokens[at], word))) at += 1;
    if (isWord(tokens[at], 'default')) {
      sites.push(declared(tokens[at]!, false));
      return;
    }
    if (isWord(tokens[at], 'type') && isPunct(tokens[at + 1], '{')) at += 1;
    if (isPunct(tokens[at], '{')) {
      const close = source.closing[at]!;
      const forwarded = isWord(tokens[close + 1], 'from');
      for (const entry of listEntries(tokens, at + 1, close)) {
        sites.push({ name: entry.name.text, token: entry.name, local: entry.local.text, forwarded });
      }
      return;
    }
    if (isPunct(tokens[at], '*')) {
      // `export * as ns from …` exports one name; a bare `export * from …` only forwards.
      if (isWord(tokens[at + 1], 'as')) sites.push(declared(tokens[at + 2]!, true));
      return;
    }
    if (isWord(tokens[at], 'const') && isWord(tokens[at + 1], 'enum')) at += 1;
    if (!DECLARATION_WORDS.has(tokens[at]?.text ?? '') || tokens[at]!.kind !== 'word') return;
    at += 1;
    if (isPunct(tokens[at], '*')) at += 1;
    if (tokens[at]?.kind === 'word') sites.push(declared(tokens[at]!, false));
  });
  return sites;
}

function declared(name: Token, forwarded: boolean): ExportSite {
  return { name: name.text, token: name, local: null, forwarded };
}

const DECLARATION_WORDS = new Set([
  'const', 'let', 'var', 'function', 'class', 'type', 'interface', 'enum', 'namespace', 'module',
]);

/** True when the file mentions the exported name other than to declare or export it. */
function usedInOwnFile(source: ScannedSource, site: ExportSite, sites: readonly ExportSite[]): boolean {
  if (site.forwarded || site.name === 'default') return false;
  const local = site.local ?? site.name;
  const { tokens } = source;
  const declarations = new Set(sites.filter((other) => other.local === null && other.name === local)
    .map((other) => other.token.start));
  const listed = new Set(sites.filter((other) => other.local === local).map((other) => other.token.start));
  let mentions = 0;
  tokens.forEach((token, index) => {
    if (token.kind !== 'word' || token.text !== local || declarations.has(token.start)) return;
    if (listed.has(token.start) || isListedLocal(tokens, index, listed)) return;
    if (isPunct(tokens[index - 1], '.')) return;
    // A property key (`{ name: …}`, `, name: …`) names a property, not the export.
    const keyed = isPunct(tokens[index - 1], '{') || isPunct(tokens[index - 1], ',');
    if (keyed && isPunct(tokens[index + 1], ':')) return;
    mentions += 1;
  });
  // A name exported through a list is declared by a plain statement, itself one mention.
  return mentions > (site.local === null ? 0 : 1);
}

/** True for the `local` of an `export { local as name }` entry whose `name` is listed. */
function isListedLocal(tokens: readonly Token[], index: number, listed: ReadonlySet<number>): boolean {
  const name = tokens[index + 2];
  return isWord(tokens[index + 1], 'as') && name !== undefined && listed.has(name.start);
}

type ListEntry = { readonly local: Token; readonly name: Token };

/** The entries of `{ a, type b, c as d, default as e }` between the braces [start, end). */
function listEntries(tokens: readonly Token[], start: number, end: number): ListEntry[] {
  const entries: ListEntry[] = [];
  let at = start;
  while (at < end) {
    let next = at;
    while (next < end && !isPunct(tokens[next], ',')) next += 1;
    const words = tokens.slice(at, next).filter((token) => token.kind === 'word' || token.kind === 'string');
    const parts = words.length > 1 && isWord(words[0], 'type') ? words.slice(1) : words;
    if (parts.length === 1) entries.push({ local: parts[0]!, name: parts[0]! });
    if (parts.length === 3 && isWord(parts[1], 'as')) entries.push({ local: parts[0]!, name: parts[2]! });
    at = next + 1;
  }
  return entries;
}

/** Records what `file` takes from other files of `paths`, by import, re-export and `import()`. */
function recordUses(file: ScannedFile, paths: ReadonlySet<string>, uses: Map<string, ModuleUse>): void {
  const { tokens, closing } = file.source;
  const useOf = (specifier: string): ModuleUse | null => {
    const target = resolve(file.path, specifier, paths);
    if (target === null) return null;
    const found = uses.get(target) ?? { names: new Set<string>(), all: false };
    uses.set(target, found);
    return found;
  };
  tokens.forEach((token, index) => {
    if (!isWord(token, 'import') && !isWord(token, 'export')) return;
    if (isPunct(tokens[index - 1], '.') || isPunct(tokens[index + 1], '.')) return;
    if (isWord(token, 'import') && isPunct(tokens[index + 1], '(')) {
      recordDynamicImport(file.source, index, useOf);
      return;
    }
    // An import clause holds only names, `type`, `as`, `*`, commas and one `{ … }` list; anything
    // else (`=`, `(`, the next statement's `import` or `export`) ends it without a specifier.
    let end = index + 1;
    while (end < tokens.length && isClauseToken(tokens[end]!)) {
      end = isPunct(tokens[end], '{') && closing[end] !== -1 ? closing[end]! + 1 : end + 1;
    }
    const specifier = tokens[end];
    const previous = tokens[end - 1];
    if (specifier?.kind !== 'string' || !(isWord(previous, 'from') || end === index + 1)) return;
    const use = useOf(specifier.text.slice(1, -1));
    if (use !== null) recordClause(file.source, index + 1, end - 1, use);
  });
}

function isClauseToken(token: Token): boolean {
  if (token.kind === 'word') return token.text !== 'import' && token.text !== 'export';
  return isPunct(token, '{') || isPunct(token, ',') || isPunct(token, '*');
}

/** Reads the clause between `import`/`export` and `from`: [start, end). */
function recordClause(source: ScannedSource, start: number, end: number, use: ModuleUse): void {
  const { tokens, closing } = source;
  let at = isWord(tokens[start], 'type') ? start + 1 : start;
  const exporting = isWord(tokens[start - 1], 'export');
  while (at < end) {
    const token = tokens[at]!;
    if (isPunct(token, '{')) {
      for (const entry of listEntries(tokens, at + 1, closing[at]!)) use.names.add(entry.local.text);
      at = closing[at]! + 1;
    } else if (isPunct(token, '*')) {
      if (exporting || !isWord(tokens[at + 1], 'as')) {
        use.all = true;
        return;
      }
      recordNamespace(source, at + 2, use);
      at += 3;
    } else {
      if (token.kind === 'word') use.names.add('default');
      at += 1;
    }
    if (isPunct(tokens[at], ',')) at += 1;
  }
}

/** `import * as ns`: each `ns.name` uses `name`; `ns` passed on whole uses everything. */
function recordNamespace(source: ScannedSource, nameIndex: number, use: ModuleUse): void {
  const { tokens } = source;
  const name = tokens[nameIndex]!;
  tokens.forEach((token, index) => {
    if (index === nameIndex || !isWord(token, name.text) || isPunct(tokens[index - 1], '.')) return;
    const member = tokens[index + 2];
    if (isPunct(tokens[index + 1], '.') && member?.kind === 'word') use.names.add(member.text);
    else use.all = true;
  });
}

/**
 * `import(…)` whose argument holds a relative path literal (`'./x.ts'`, or inside `new URL(…)`):
 * `const { a, b: c } = await import(…)` uses a and b, `(await import(…)).a` uses a, and
 * `typeof import(…)` alone only names a type; anything else uses the whole module.
 */
function recordDynamicImport(
  source: ScannedSource, index: number, useOf: (specifier: string) => ModuleUse | null,
): void {
  const { tokens, closing } = source;
  const open = index + 1;
  const close = closing[open] === -1 ? tokens.length - 1 : closing[open]!;
  const literal = tokens.slice(open + 1, close).find((token) =>
    (token.kind === 'string' || (token.kind === 'template' && !token.text.includes('${'))) &&
    token.text.slice(1).startsWith('.'));
  if (literal === undefined) return;
  const use = useOf(literal.text.slice(1, -1));
  if (use === null) return;
  if (isWord(tokens[index - 1], 'typeof')) {
    const member = isPunct(tokens[close + 1], '.') ? tokens[close + 2] : undefined;
    if (member?.kind === 'word') use.names.add(member.text);
    return;
  }
  const awaited = isWord(tokens[index - 1], 'await') ? index - 1 : index;
  const pattern = isPunct(tokens[awaited - 1], '=') && isPunct(tokens[awaited - 2], '}')
    ? closing.indexOf(awaited - 2) : -1;
  if (pattern !== -1) {
    for (let at = pattern + 1; at < awaited - 2; at += 1) {
      const key = tokens[at]!;
      const keyed = isPunct(tokens[at - 1], '{') || isPunct(tokens[at - 1], ',');
      if (keyed && key.kind === 'word' && closing[at] === -1) use.names.add(key.text);
    }
    return;
  }
  const wrapped = isPunct(tokens[awaited - 1], '(') ? closing[awaited - 1]! : -1;
  if (wrapped !== -1 && isPunct(tokens[wrapped + 1], '.') && tokens[wrapped + 2]?.kind === 'word') {
    use.names.add(tokens[wrapped + 2]!.text);
    return;
  }
  use.all = true;
}

/** The repository path a relative specifier of `from` names, if it is one of `paths`. */
function resolve(from: string, specifier: string, paths: ReadonlySet<string>): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = posix.normalize(posix.join(posix.dirname(from), specifier));
  return [base, `${base}.ts`, `${base}/index.ts`].find((path) => paths.has(path)) ?? null;
}

/** How many brackets enclose each token: 0 at the module's top level. */
function depthOfTokens(source: ScannedSource): number[] {
  const closers = new Set(source.closing.filter((index) => index !== -1));
  let depth = 0;
  return source.tokens.map((_token, index) => {
    if (closers.has(index)) depth -= 1;
    const here = depth;
    if (source.closing[index] !== -1) depth += 1;
    return here;
  });
}

function isWord(token: Token | undefined, text: string): boolean {
  return token !== undefined && token.kind === 'word' && token.text === text;
}

function isPunct(token: Token | undefined, text: string): boolean {
  return token !== undefined && token.kind === 'punct' && token.text === text;
}
