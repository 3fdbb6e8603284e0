// The tidy test: the house style of STYLE.md, checked mechanically on the whole repository as an
// ordinary test inside `npm test`. Each rule is its own test, and a failure lists every violation
// as `path:line: rule — what to do instead`, so the list is a to-do list. The checks themselves
// are tested on small fixtures in checks.test.ts; this file only runs them on the real tree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { applyRatchet } from './apply-ratchet.ts';
import { checkBannedApis } from './check-banned-apis.ts';
import { checkDeadExports, DEAD_EXPORT_RULE, deadExportKey } from './check-dead-exports.ts';
import { checkFileNames } from './check-file-names.ts';
import { checkFunctionLength } from './check-function-length.ts';
import { checkImports } from './check-imports.ts';
import { checkLimitsLocation, LIMIT_OUTSIDE_RULE, limitKey } from './check-limits-location.ts';
import { checkLineLength } from './check-line-length.ts';
import { checkMachinePaths } from './check-machine-paths.ts';
import { checkMarkdownHeadings } from './check-markdown-headings.ts';
import { checkNoSqlInHttp } from './check-no-sql-in-http.ts';
import { checkPolicyRules } from './check-policy-rules.ts';
import { checkSwallowedErrors, SWALLOWED_ERROR_RULE } from './check-swallowed-errors.ts';
import { listRepositoryFiles, readTextFile, REPOSITORY_ROOT } from './repository.ts';
import { scanSource, unmatchedBrackets } from './scan-source.ts';
import {
  formatViolation, sortViolations, type ScannedFile, type TextFile, type Violation,
} from './violation.ts';

const ALLOWLIST_PATH = 'test/tidy-allowlist.json';
/** Violations of the newer rules that existed when each rule came, per file or per `path#NAME`. */
const RATCHET_ALLOWLIST_PATH = 'test/tidy/ratchet-allowlist.json';
const SCANNED_FOLDERS = ['src/', 'test/', 'scripts/', 'bench/'];
const MARKDOWN_SKIPPED = ['node_modules/', 'data/'];

const paths = listRepositoryFiles(REPOSITORY_ROOT);
const read = (path: string) => readFileSync(join(REPOSITORY_ROOT, path), 'utf8');
const typescript: ScannedFile[] = paths
  .filter((path) => path.endsWith('.ts') && SCANNED_FOLDERS.some((folder) => path.startsWith(folder)))
  .map((path) => ({ path, source: scanSource(read(path)) }));
const textFiles: TextFile[] = paths.flatMap((path) => {
  const text = readTextFile(REPOSITORY_ROOT, path);
  return text === null ? [] : [{ path, text }];
});

function assertClean(violations: readonly Violation[]): void {
  if (violations.length === 0) return;
  const lines = sortViolations(violations).map(formatViolation);
  const error = new Error(`${violations.length} violation(s):\n${lines.join('\n')}`);
  // The list is the whole report; a stack trace into this file would only bury it.
  error.stack = error.message;
  throw error;
}

test('the scan sees the repository', () => {
  // Guards the other tests against passing vacuously because the listing came back empty.
  assert.ok(paths.includes('package.json'), 'package.json is listed');
  assert.ok(paths.includes('src/stdx/clock.ts'), 'src/stdx/clock.ts is listed');
  assert.ok(!paths.some((path) => path.startsWith('node_modules/')), 'node_modules is not listed');
  assert.ok(typescript.length >= 10, `only ${typescript.length} TypeScript files were found`);
});

test('every TypeScript file tokenizes with balanced brackets', () => {
  // The checks below read tokens; a file the lexer misreads would pass them without being read.
  assertClean(typescript.flatMap((file) => unmatchedBrackets(file.source).map((token) => ({
    path: file.path, line: token.line, rule: 'tidy lexer',
    advice: `unmatched \`${token.text}\`; if tsc accepts the file, teach test/tidy/scan-source.ts the syntax`,
  }))));
});

test('imports flow one way between the layers of src/', () => {
  assertClean(checkImports(typescript));
});

test('banned APIs are absent from src/', () => {
  assertClean(checkBannedApis(typescript));
});

test('functions are at most 70 lines, and the allowlist only shrinks', () => {
  assertClean(checkFunctionLength(typescript, { path: ALLOWLIST_PATH, text: read(ALLOWLIST_PATH) }));
});

test('lines in src/ are at most 110 columns', () => {
  assertClean(checkLineLength(typescript));
});

test('every policy rule has metadata with a citation, a test and a generated page', () => {
  assertClean(checkPolicyRules(paths, read));
});

test('every Markdown file has exactly one H1', () => {
  const markdown = textFiles.filter(
    (file) => file.path.endsWith('.md') && !MARKDOWN_SKIPPED.some((folder) => file.path.startsWith(folder)),
  );
  assertClean(checkMarkdownHeadings(markdown));
});

test('names under src/ are kebab-case', () => {
  assertClean(checkFileNames(paths));
});

test('no machine-specific absolute paths in the repository', () => {
  assertClean(checkMachinePaths(textFiles));
});

test('no SQL in src/http/: routes call use cases and read models in src/app/', () => {
  assertClean(checkNoSqlInHttp(typescript));
});

test('no promise handler swallows an error without saying why', () => {
  const ratchet = { path: RATCHET_ALLOWLIST_PATH, text: read(RATCHET_ALLOWLIST_PATH) };
  assertClean(applyRatchet(
    SWALLOWED_ERROR_RULE, checkSwallowedErrors(typescript), (violation) => violation.path, ratchet,
  ));
});

test('limits are defined in src/config/limits.ts, and the allowlist only shrinks', () => {
  const ratchet = { path: RATCHET_ALLOWLIST_PATH, text: read(RATCHET_ALLOWLIST_PATH) };
  assertClean(applyRatchet(LIMIT_OUTSIDE_RULE, checkLimitsLocation(typescript), limitKey, ratchet));
});

test('every export of src/ is imported somewhere, and the allowlist only shrinks', () => {
  const ratchet = { path: RATCHET_ALLOWLIST_PATH, text: read(RATCHET_ALLOWLIST_PATH) };
  assertClean(applyRatchet(DEAD_EXPORT_RULE, checkDeadExports(typescript), deadExportKey, ratchet));
});
