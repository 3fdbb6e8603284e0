import { scanSource, type ScannedSource } from './scan-source.ts';
import type { Violation } from './violation.ts';

/**
 * Every policy rule is a folder src/policy/rules/<category>/<rule-id>/ holding rule.ts (its
 * metadata, with the citation of the regulation it enforces) and rule.test.ts (its table of
 * cases), and has a generated page docs/policies/<RULE-ID>.md. The folder name is the rule id in
 * lower case, so a reader can go from a Decision's rule id to the code and the page without a
 * search. Compliance staff review rules through those pages, so a rule without one is unreviewed.
 */
const RULE_FILE = /^src\/policy\/rules\/([^/]+)\/([^/]+)\/(.+)$/;

export type RuleFolder = { readonly path: string; readonly id: string; readonly files: ReadonlySet<string> };

export function findRuleFolders(paths: readonly string[]): RuleFolder[] {
  const folders = new Map<string, { id: string; files: Set<string> }>();
  for (const path of paths) {
    const match = RULE_FILE.exec(path);
    if (match === null) continue;
    const folder = `src/policy/rules/${match[1]}/${match[2]}`;
    const entry = folders.get(folder) ?? { id: match[2]!, files: new Set<string>() };
    entry.files.add(match[3]!);
    folders.set(folder, entry);
  }
  const found = [...folders].map(([path, entry]) => ({ path, ...entry }));
  return found.sort((left, right) => left.path.localeCompare(right.path));
}

export function checkPolicyRules(
  paths: readonly string[], readText: (path: string) => string,
): Violation[] {
  const violations: Violation[] = [];
  const existing = new Set(paths);
  const folderOfId = new Map<string, string>();
  for (const folder of findRuleFolders(paths)) {
    const add = (path: string, line: number, advice: string) =>
      violations.push({ path, line, rule: 'policy rule', advice });
    const here = (advice: string) => add(`${folder.path}/`, 1, advice);
    const expectedId = folder.id.toUpperCase();
    const other = folderOfId.get(expectedId);
    if (other !== undefined) here(`rule id ${expectedId} is also ${other}; ids are unique`);
    folderOfId.set(expectedId, folder.path);
    if (!folder.files.has('rule.test.ts')) {
      here('add rule.test.ts: a table of cases, a blocked and a just-allowed row per reason');
    }
    const docs = [`docs/policies/${expectedId}.md`, `docs/policies/${folder.id}.md`];
    if (!docs.some((path) => existing.has(path))) {
      here(`no ${docs[0]} (or ${docs[1]}); generate it with \`faircollect policy docs\``);
    }
    if (!folder.files.has('rule.ts')) {
      here('add rule.ts with the metadata: id, title, citation, jurisdiction, parameters');
      continue;
    }
    const rulePath = `${folder.path}/rule.ts`;
    const problems = checkMetadata(scanSource(readText(rulePath)), expectedId);
    for (const [line, advice] of problems) add(rulePath, line, advice);
  }
  return violations;
}

function checkMetadata(source: ScannedSource, expectedId: string): [number, string][] {
  const problems: [number, string][] = [];
  const { tokens } = source;
  const isKeyword = (index: number, text: string) =>
    tokens[index]?.kind === 'word' && tokens[index]!.text === text && tokens[index - 1]?.text !== '.';
  if (!tokens.some((_, index) => isKeyword(index, 'citation'))) {
    problems.push([1, 'the metadata has no `citation` (regulation, section and URL); add it']);
  }
  const idAt = tokens.findIndex((_, index) => isKeyword(index, 'id') && tokens[index + 1]?.text === ':');
  const idValue = tokens[idAt + 2];
  if (idAt === -1 || idValue?.kind !== 'string') {
    problems.push([1, `the metadata has no \`id: '${expectedId}'\`; add it`]);
  } else if (idValue.text.slice(1, -1) !== expectedId) {
    problems.push([idValue.line, `id ${idValue.text} does not match the folder; use '${expectedId}'`]);
  }
  return problems;
}
