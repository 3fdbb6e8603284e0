// Each tidy check run on small made-up files: one that breaks the rule in every way the check
// knows, and one that keeps it, with the whole `path:line: rule` list compared. This is what
// makes a green tidy test mean something: the checks are shown to catch what they claim to.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkBannedApis } from './check-banned-apis.ts';
import { checkFileNames } from './check-file-names.ts';
import { checkFunctionLength } from './check-function-length.ts';
import { checkImports, layerOf } from './check-imports.ts';
import { checkLineLength } from './check-line-length.ts';
import { checkMachinePaths } from './check-machine-paths.ts';
import { checkMarkdownHeadings } from './check-markdown-headings.ts';
import { checkPolicyRules } from './check-policy-rules.ts';
import { checkSwallowedErrors } from './check-swallowed-errors.ts';
import { checkLimitsLocation, limitKey } from './check-limits-location.ts';
import { checkDeadExports, deadExportKey } from './check-dead-exports.ts';
import { applyRatchet } from './apply-ratchet.ts';
import { scanSource } from './scan-source.ts';
import type { ScannedFile, Violation } from './violation.ts';

const file = (path: string, lines: readonly string[]): ScannedFile =>
  ({ path, source: scanSource(lines.join('\n')) });
const where = (violations: readonly Violation[]) =>
  violations.map((violation) => `${violation.path}:${violation.line}: ${violation.rule}`);

test('imports: each layer reaches only the layers its row allows', () => {
  const files = [
    file('src/domain/debt/owe.ts', [
      "import { assert } from '../../stdx/assert.ts';",
      "import { CONTACT_MAX } from '../../config/limits.ts';",
      "import { readConfig } from '../../config/config.ts';", // 3: only limits.ts
      "import type { Db } from '../../db/database.ts';", // 4
      "import { x } from '../other/x.ts';",
      "import { Temporal } from 'temporal-polyfill';",
      "import { Type } from 'typebox/type';",
      "import { readFile } from 'node:fs';", // 8
      "import pg from 'pg';", // 9
    ]),
    file('src/policy/rules/us/us-03/rule.test.ts', [
      "import { test } from 'node:test';",
      "import fc from 'fast-check';",
      "import { rule } from './rule.ts';",
      "import { evaluate } from '../../../../app/evaluate.ts';", // 4
    ]),
    file('src/stdx/hash.ts', [
      "import { createHash } from 'node:crypto';",
      "import { l } from '../config/limits.ts';", // 2: stdx imports only stdx
    ]),
    file('src/http/routes.ts', ["import { a } from '../app/a.ts';", "import { j } from '../jobs/j.ts';"]),
    file('src/jobs/run.ts', ["import { h } from '../http/h.ts';", "import { d } from '../db/d.ts';"]),
    file('src/cli/main.ts', ["import { s } from '../http/server.ts';", "import { m } from '../main.ts';"]),
    file('src/app/use.ts', ["import { f } from '../../test/support/fixture.ts';"]),
    file('src/app/use.db.test.ts', ["import { f } from '../../test/support/fixture.ts';"]),
    file('src/helpers.ts', []),
    file('test/anything.ts', ["import { d } from '../src/db/database.ts';"]),
  ];
  assert.deepEqual(where(checkImports(files)), [
    'src/domain/debt/owe.ts:3: import direction',
    'src/domain/debt/owe.ts:4: import direction',
    'src/domain/debt/owe.ts:8: pure layer',
    'src/domain/debt/owe.ts:9: pure layer',
    'src/policy/rules/us/us-03/rule.test.ts:4: import direction',
    'src/stdx/hash.ts:2: import direction',
    'src/http/routes.ts:2: import direction',
    'src/jobs/run.ts:1: import direction',
    'src/app/use.ts:1: import direction',
    'src/helpers.ts:1: layer',
  ]);
  assert.equal(layerOf('src/main.ts'), 'main');
  assert.equal(layerOf('src/unknown/x.ts'), null);
});

test('banned APIs: each is reported with its replacement, and the allowed forms pass', () => {
  const banned = file('src/app/pay.ts', [
    'const t = Date.now();',
    'const d = new Date();',
    'const e = new Date;',
    'const r = Math.random();',
    "console.log('x');",
    'function f(a: any): any[] { return a as any; }',
    'const g = <any>x; type M = Record<string, any>;',
    "const amount = parseFloat('1.5');",
    'try { go(); } catch {}',
    'try { go(); } catch (error) {\n}',
    'promise.catch(() => {});',
  ]);
  assert.deepEqual(where(checkBannedApis([banned])), [
    'src/app/pay.ts:1: banned Date.now()',
    'src/app/pay.ts:2: banned new Date()',
    'src/app/pay.ts:3: banned new Date()',
    'src/app/pay.ts:4: banned Math.random',
    'src/app/pay.ts:5: banned console.log',
    'src/app/pay.ts:6: banned any',
    'src/app/pay.ts:6: banned any',
    'src/app/pay.ts:6: banned any',
    'src/app/pay.ts:7: banned any',
    'src/app/pay.ts:7: banned any',
    'src/app/pay.ts:8: banned parseFloat',
    'src/app/pay.ts:9: empty catch',
    'src/app/pay.ts:10: empty catch',
  ]);
  const advice = checkBannedApis([banned]).map((violation) => violation.advice);
  assert.match(advice[0]!, /now: Date/);
  assert.match(advice[3]!, /createRandom/);
  assert.match(advice[10]!, /parseMajor/);
});

test('banned APIs: parsed dates, comments, strings, other folders and the clock itself pass', () => {
  const allowed = [
    file('src/http/parse.ts', [
      "const d = new Date('2026-01-01T00:00:00Z');",
      'const e = new Date(row.at);',
      '// Date.now() and console.log are banned; Math.random too.',
      "const s = 'as any';",
      'const rate = parseFloat(input);', // Only domain/ and app/ handle money.
      'const o = { any: 1 }; const p = options.any;',
      'try { go(); } catch { /* Already closed: closing twice is harmless. */ }',
      'promise.catch(() => undefined);',
    ]),
    file('src/stdx/clock.ts', ['export const systemClock = { now: () => new Date() };', 'Date.now();']),
    file('test/helper.ts', ['console.log(Date.now(), Math.random());']),
  ];
  assert.deepEqual(where(checkBannedApis(allowed)), []);
});

test('function length: over 70 lines fails unless allowlisted, and the allowlist ratchets', () => {
  const body = (name: string, lines: number) =>
    [`function ${name}() {`, ...Array.from({ length: lines - 2 }, () => '  step();'), '}'];
  const files = [
    file('src/a.ts', [...body('fits', 70), ...body('tooLong', 71)]),
    file('src/b.ts', [...body('listedSame', 80), ...body('listedGrew', 81), ...body('listedShrank', 75)]),
    file('src/c.ts', [...body('nowShort', 60), ...body('run', 10), ...body('run', 72)]),
  ];
  const allowlist = {
    path: 'test/tidy-allowlist.json',
    text: JSON.stringify({
      'src/b.ts#listedSame': 80, 'src/b.ts#listedGrew': 80, 'src/b.ts#listedShrank': 78,
      'src/c.ts#nowShort': 90, 'src/c.ts#run~2': 72, 'src/gone.ts#old': 99,
    }, null, 2),
  };
  const violations = checkFunctionLength(files, allowlist);
  assert.deepEqual(where(violations), [
    'src/a.ts:71: function length',
    'src/b.ts:81: function length',
    'src/b.ts:162: function length',
    'src/c.ts:1: function length',
    'test/tidy-allowlist.json:7: function length',
  ]);
  assert.deepEqual(violations.map((violation) => violation.advice.split(';')[0]), [
    'tooLong has 71 lines (limit 70)',
    'listedGrew has 81 lines, more than the 80 recorded in test/tidy-allowlist.json',
    'listedShrank has 75 lines, fewer than the 78 recorded',
    'nowShort has 60 lines, within the limit now',
    '"src/gone.ts#old" names no function in the tree',
  ]);
});

test('line length: 110 columns pass, 111 fail, in src/ only; wide characters count once', () => {
  const files = [
    file('src/x.ts', ['a'.repeat(110), 'b'.repeat(111), `'${'¥'.repeat(108)}'`]),
    file('test/x.ts', ['c'.repeat(200)]),
  ];
  assert.deepEqual(where(checkLineLength(files)), ['src/x.ts:2: line length']);
});

test('policy rules: folder, rule.ts with citation and matching id, rule.test.ts and a doc page', () => {
  const [cn01, cn02, us03, us04] = ['cn/cn-gbt-01', 'cn/cn-gbt-02', 'us/us-03', 'us/us-04']
    .map((folder) => `src/policy/rules/${folder}`);
  const texts: Record<string, string> = {
    [`${cn01}/rule.ts`]: "export const rule = { id: 'CN-GBT-01', citation: { url: 'u' } };",
    [`${cn02}/rule.ts`]: "export const rule = {\n  id: 'CN-GBT-20',\n};",
    [`${us03}/rule.ts`]: "// citation: none\nexport const rule = { title: 't' };",
  };
  const paths = [
    ...Object.keys(texts), `${cn01}/rule.test.ts`, `${cn02}/rule.test.ts`, `${us04}/rule.test.ts`,
    'src/policy/rules/index.ts', 'src/policy/rules/cn/shared.ts',
    'docs/policies/CN-GBT-01.md', 'docs/policies/us-03.md', 'docs/policies/US-04.md',
  ];
  const violations = checkPolicyRules(paths, (path) => texts[path]!);
  assert.deepEqual(where(violations), [
    `${cn02}/:1: policy rule`, `${cn02}/rule.ts:1: policy rule`, `${cn02}/rule.ts:2: policy rule`,
    `${us03}/:1: policy rule`, `${us03}/rule.ts:1: policy rule`, `${us03}/rule.ts:1: policy rule`,
    `${us04}/:1: policy rule`,
  ]);
  assert.deepEqual(violations.map((violation) => violation.advice.split(';')[0]), [
    'no docs/policies/CN-GBT-02.md (or docs/policies/cn-gbt-02.md)',
    'the metadata has no `citation` (regulation, section and URL)',
    "id 'CN-GBT-20' does not match the folder",
    'add rule.test.ts: a table of cases, a blocked and a just-allowed row per reason',
    'the metadata has no `citation` (regulation, section and URL)',
    "the metadata has no `id: 'US-03'`",
    'add rule.ts with the metadata: id, title, citation, jurisdiction, parameters',
  ]);
});

test('markdown: exactly one H1, and `# ` inside a fence is not a heading', () => {
  const files = [
    { path: 'ok.md', text: '# Title\n\n```sh\n# a shell comment\n```\n\n## Section\n~~~\n# x\n~~~' },
    { path: 'two.md', text: '# One\ntext\n# Two\n  # Three' },
    { path: 'none.md', text: '## Only a section\n#hashtag' },
    { path: 'unclosed.md', text: '# Title\n````\n```\n# still code' },
  ];
  assert.deepEqual(where(checkMarkdownHeadings(files)), [
    'two.md:3: one H1', 'two.md:4: one H1', 'none.md:1: one H1',
  ]);
});

test('file names: kebab-case files and folders in src/, tests beside code', () => {
  const paths = [
    'src/domain/payment/allocate-payment.ts', 'src/domain/payment/allocate-payment.test.ts',
    'src/app/cycle/run-cycle.db.test.ts', 'src/db/migrations/0001_foundation.sql',
    'src/domain/allocatePayment.ts', 'src/domain/__tests__/x.test.ts', 'src/domain/__tests__/y.test.ts',
    'src/domain/snake_case.ts', 'src/Http/app.ts', 'src/domain/-leading.ts', 'test/CamelCase.ts',
  ];
  assert.deepEqual(where(checkFileNames(paths)), [
    'src/domain/allocatePayment.ts:1: file name', 'src/domain/__tests__/:1: file name',
    'src/domain/snake_case.ts:1: file name', 'src/Http/:1: file name', 'src/domain/-leading.ts:1: file name',
  ]);
});

test('machine paths: absolute paths of one machine are reported by line', () => {
  const root = ['', 'work', 'main'].join('/');
  const files = [
    { path: 'README.md', text: `line one\nexport PATH=${root}/node_modules/.bin:$PATH` },
    { path: 'bench/x.ts', text: `const probe = '${['', 'tmp', 'stack-probe'].join('/')}/out';` },
    { path: 'ok.md', text: 'export PATH="$PWD/node_modules/.bin:$PATH"; cd workspace/' },
  ];
  assert.deepEqual(where(checkMachinePaths(files)), [
    'README.md:2: machine path', 'bench/x.ts:1: machine path',
  ]);
});

test('swallowed errors: a promise handler that does nothing and says nothing, in every folder', () => {
  const files = [
    file('src/db/close.ts', [
      'await client.end().catch(() => undefined);',
      'promise.catch(() => {});',
      'promise.catch((error) => null);',
      'promise.catch(async (_error: unknown) => { return; });',
      'promise.catch(error => void 0);',
      'tail = result.catch(() => { return undefined; });',
      'promise.catch((): undefined => undefined); // a comment outside the call does not count',
    ]),
    file('test/support/open.ts', ['await admin.end().catch(() => {', '});']),
    file('scripts/run.ts', ['x.then(f).catch(() => null).finally(g);']),
  ];
  assert.deepEqual(where(checkSwallowedErrors(files)), [
    'src/db/close.ts:1: swallowed error',
    'src/db/close.ts:2: swallowed error',
    'src/db/close.ts:3: swallowed error',
    'src/db/close.ts:4: swallowed error',
    'src/db/close.ts:5: swallowed error',
    'src/db/close.ts:6: swallowed error',
    'src/db/close.ts:7: swallowed error',
    'test/support/open.ts:1: swallowed error',
    'scripts/run.ts:1: swallowed error',
  ]);
});

test('swallowed errors: handlers that act, return a value or say why pass, as do try/catch', () => {
  const files = [
    file('src/db/close.ts', [
      'await client.end().catch(() => {',
      '  // The connect error is the one to report.',
      '});',
      'promise.catch(() => undefined /* the caller has the error through `result` */);',
      'pending.catch(() => ensured.delete(url));',
      'promise.catch((error) => { log(error); });',
      "promise.catch(() => 'fallback');",
      'promise.catch(() => { throw new Wrapped(); });',
      'promise.catch(handle);',
      'promise.then(() => undefined);',
      'try { go(); } catch { /* A closed handle: closing twice is harmless. */ }',
      "const text = 'x.catch(() => undefined)';",
    ]),
  ];
  assert.deepEqual(where(checkSwallowedErrors(files)), []);
});

test('limits: a module-level numeric bound outside limits.ts, and a second copy of one', () => {
  const files = [
    file('src/config/limits.ts', ['export const GRACE_DAYS_MAX = 30;']),
    file('src/domain/import/rules.ts', [
      'export const RATE_BP_MAX = 100_000;',
      'const PREVIEW_CHARS_MAX = 3 * 8;',
      'export const GRACE_DAYS_MAX: number = 30;',
      'export const AMOUNT_MINOR_MIN = 1n;',
      'const CSV_LIMIT = (64 * 1024);',
    ]),
    file('src/policy/time/zone.ts', ['/** Bounded. */', 'export const WINDOW_SEARCH_DAYS_MAX = 14;']),
  ];
  const violations = checkLimitsLocation(files);
  assert.deepEqual(where(violations), [
    'src/domain/import/rules.ts:1: limit outside limits.ts',
    'src/domain/import/rules.ts:2: limit outside limits.ts',
    'src/domain/import/rules.ts:3: limit outside limits.ts',
    'src/domain/import/rules.ts:4: limit outside limits.ts',
    'src/domain/import/rules.ts:5: limit outside limits.ts',
    'src/policy/time/zone.ts:2: limit outside limits.ts',
  ]);
  assert.match(violations[2]!.advice, /^GRACE_DAYS_MAX: already defined in src\/config\/limits\.ts/);
  assert.match(violations[0]!.advice, /^RATE_BP_MAX: move it to src\/config\/limits\.ts/);
  assert.deepEqual(violations.map(limitKey).slice(0, 2), [
    'src/domain/import/rules.ts#RATE_BP_MAX', 'src/domain/import/rules.ts#PREVIEW_CHARS_MAX',
  ]);
});

test('limits: other constants, local ones, tests, other folders and limits.ts itself pass', () => {
  const files = [
    file('src/config/limits.ts', ['export const PAGE_ROWS_MAX = 500;']),
    file('src/app/run.ts', [
      'export const POSTGRES_CONNECT_TIMEOUT_MS = 3_000;',
      'export const PAGE_ROWS_DEFAULT = 50;',
      'const MAXIMUM_NAME = 3;',
      "const NAME_MAX = 'text';",
      'const AMOUNT_MAX = PAGE_ROWS_MAX * 2;',
      'export const AMOUNT_MINOR_MAX: Readonly<Record<string, bigint>> = { CNY: 1n };',
      'function f() {', '  const LOCAL_MAX = 3;', '  return LOCAL_MAX;', '}',
      'const Text_Max = 4;',
      '// const COMMENTED_MAX = 1;',
    ]),
    file('src/app/run.test.ts', ['const BATCHES_MAX = 40;']),
    file('test/support/fixture.ts', ['export const ROWS_MAX = 10;']),
  ];
  assert.deepEqual(where(checkLimitsLocation(files)), []);
});

test('ratchet: listed violations pass up to their count; a new one fails; a stale count must come down', () => {
  const allowlist = {
    path: 'test/tidy/ratchet-allowlist.json',
    text: JSON.stringify({ rule: { 'src/a.ts': 1, 'src/b.ts': 2, 'src/gone.ts': 1 } }, null, 2),
  };
  const found = (path: string, line: number) => ({ path, line, rule: 'rule', advice: 'fix it' });
  const violations = [
    found('src/a.ts', 3), found('src/b.ts', 1), found('src/c.ts', 9), found('src/a.ts', 8),
  ];
  const left = applyRatchet('rule', violations, (violation) => violation.path, allowlist);
  assert.deepEqual(where(left), [
    'src/a.ts:3: rule', 'src/a.ts:8: rule', 'src/c.ts:9: rule',
    'test/tidy/ratchet-allowlist.json:4: rule', 'test/tidy/ratchet-allowlist.json:5: rule',
  ]);
  assert.match(left[0]!.advice, /2 here, 1 allowed/);
  assert.match(left[3]!.advice, /"src\/b\.ts" has 1 rule left, fewer than 2; lower the entry to 1/);
  assert.match(left[4]!.advice, /"src\/gone\.ts" has no rule left; remove the entry/);
  assert.deepEqual(applyRatchet('other rule', [], (violation) => violation.path, allowlist), []);
  assert.throws(
    () => applyRatchet('rule', [], (violation) => violation.path, { ...allowlist, text: '{"rule": {"x": 0}}' }),
    /not a positive count/,
  );
});

test('dead exports: unused ones, and ones only their own file uses, in src/ outside tests', () => {
  const files = [
    file('src/domain/fee.ts', [
      'export function feeOf(amount: bigint): bigint { return amount / 10n; }', // 1: nobody uses it
      'export const FEE_BP = 100;', // 2: used below, so only the keyword is dead
      'export type Fee = { readonly bp: number };', // 3: used as a type below
      'const waived = (fee: Fee) => fee.bp === 0 && { FEE_BP: 1 }.FEE_BP === 1;',
      'export function overloaded(a: string): string;', // 5: reported once, at the first signature
      'export function overloaded(a: string): string { return a; }',
      'const helper = FEE_BP * 2;',
      'export { helper as feeHelper, waived };', // 8: two list entries nobody imports
      'export const FORWARDED = 1;', // the forward below uses it
      'export const width = 3;', // 10: a property key and a property access are not uses
      'const size = { width: 4 }.width;',
      'const doubled = helper * size;', // uses feeHelper's local
    ]),
    // 1: a forward nobody takes
    file('src/domain/index.ts', ["export { FORWARDED as fee } from './fee.ts';"]),
    file('src/domain/fee.test.ts', ['export const FIXTURE = 1;']),
    file('test/support/helper.ts', ['export const UNUSED_IN_TEST_FOLDER = 1;']),
  ];
  const violations = checkDeadExports(files);
  assert.deepEqual(where(violations), [
    'src/domain/fee.ts:1: dead export',
    'src/domain/fee.ts:2: dead export',
    'src/domain/fee.ts:3: dead export',
    'src/domain/fee.ts:5: dead export',
    'src/domain/fee.ts:8: dead export',
    'src/domain/fee.ts:8: dead export',
    'src/domain/fee.ts:10: dead export',
    'src/domain/index.ts:1: dead export',
  ]);
  assert.deepEqual(violations.map(deadExportKey), [
    'src/domain/fee.ts#feeOf', 'src/domain/fee.ts#FEE_BP', 'src/domain/fee.ts#Fee',
    'src/domain/fee.ts#overloaded', 'src/domain/fee.ts#feeHelper', 'src/domain/fee.ts#waived',
    'src/domain/fee.ts#width', 'src/domain/index.ts#fee',
  ]);
  assert.match(violations[0]!.advice, /^feeOf: no file imports it and this file does not use it; delete it/);
  assert.match(violations[1]!.advice, /^FEE_BP: only this file uses it; drop the `export`/);
  assert.match(violations[2]!.advice, /^Fee: only this file uses it/);
  assert.match(violations[4]!.advice, /^feeHelper: only this file uses it/);
  assert.match(violations[5]!.advice, /^waived: no file imports it/);
  assert.match(violations[6]!.advice, /^width: no file imports it/);
});

test('dead exports: every way of importing a name keeps it alive, as do the listed entry points', () => {
  const files = [
    file('src/stdx/names.ts', [
      'export const byTest = 1;', 'export const byForward = 2;', 'export type ByType = number;',
      'export const byNamespace = 3;', 'export const byDefaultAs = 4;', 'const local = 5;',
      'export { local as byList };', 'export const byDynamic = 6;', 'export const byDynamicMember = 7;',
      'export default 8;', 'export type ByTypeofImport = 9;', 'export const byScript = 10;',
    ]),
    file('src/stdx/names.test.ts', ["import { byTest } from './names.ts';"]),
    file('src/stdx/forward.ts', ["export { byForward } from './names.ts';"]),
    file('src/app/use.ts', [
      "import type { ByType, byList } from '../stdx/names.ts';",
      "import * as names from '../stdx/names.ts';",
      "import eight, { default as alsoEight } from '../stdx/names.ts';",
      'export const uses = [names.byNamespace, eight, alsoEight];',
      "export const { byDynamic: renamed } = await import('../stdx/names.ts');",
      "export const member = (await import(new URL('../stdx/names.ts', import.meta.url).href))",
      '  .byDynamicMember;',
      "export type T = typeof import('../stdx/names.ts').ByTypeofImport;",
    ]),
    file('test/flows.test.ts', [
      "import { uses, renamed, member, type T } from '../src/app/use.ts';",
      "import { byForward } from '../src/stdx/forward.ts';",
    ]),
    file('scripts/run.ts', ["import { byScript, byDefaultAs } from '../src/stdx/names.ts';"]),
    file('src/cli/commands/serve.ts', ['export function register(): void {}']),
  ];
  assert.deepEqual(where(checkDeadExports(files)), []);
});

test('dead exports: a namespace used whole, or an import it cannot follow, keeps the whole module', () => {
  const module = file('src/stdx/all.ts', ['export const a = 1;', 'export const b = 2;']);
  const namespaced = file('bench/all.ts', ["import * as all from '../src/stdx/all.ts';", 'run(all);']);
  const loaded = file('bench/load.ts', ["const all = await import('../src/stdx/all.ts');"]);
  assert.deepEqual(where(checkDeadExports([module, namespaced])), []);
  assert.deepEqual(where(checkDeadExports([module, loaded])), []);
  assert.deepEqual(where(checkDeadExports([module])), [
    'src/stdx/all.ts:1: dead export', 'src/stdx/all.ts:2: dead export',
  ]);
});
