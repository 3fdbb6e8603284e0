// The tidy checks trust the lexer to tell code from comments, strings, templates and regular
// expressions, and to match braces; these cases pin that down, including the awkward ones
// (a brace or a banned name inside a string, nested templates, division versus a regex), and
// check that functions are measured from their declaration to their closing brace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findFunctions } from './find-functions.ts';
import { findImports } from './find-imports.ts';
import { scanSource, unmatchedBrackets } from './scan-source.ts';

const words = (text: string) =>
  scanSource(text).tokens.filter((token) => token.kind === 'word').map((token) => token.text);
const functions = (text: string) =>
  findFunctions(scanSource(text)).map((span) => `${span.name}:${span.startLine}-${span.endLine}`);

test('comments, strings and template text hide their words; substitutions do not', () => {
  assert.deepEqual(words('a // Date.now()\nb /* console.log */ c'), ['a', 'b', 'c']);
  assert.deepEqual(words(`x = 'Math.random' + "any" + \`t \${y + \`\${z}\`} any\`;`), ['x', 'y', 'z']);
  assert.deepEqual(words("s = 'it\\'s' + q"), ['s', 'q']);
  assert.deepEqual(words('#!/usr/bin/env node\nrun()'), ['run']);
});

test('a slash is a regex after an operator or keyword and division after an operand', () => {
  const kinds = (text: string) => scanSource(text).tokens.map((token) => token.kind);
  assert.deepEqual(kinds('x = /a{/g'), ['word', 'punct', 'regex']);
  assert.deepEqual(kinds('return /[/]/.test(s)').slice(0, 2), ['word', 'regex']);
  assert.deepEqual(kinds('a / b / c'), ['word', 'punct', 'word', 'punct', 'word']);
  assert.deepEqual(kinds('f(a) / 2'), ['word', 'punct', 'word', 'punct', 'punct', 'number']);
  assert.deepEqual(kinds('items[0]! / 2').slice(-2), ['punct', 'number']);
});

test('brackets match across template substitutions and ignore braces in strings', () => {
  const source = scanSource('f({ a: `${ { b: "}" }.b }`, c: [1] })');
  const open = source.tokens.findIndex((token) => token.text === '{');
  assert.equal(source.tokens[source.closing[open]!]!.text, '}');
  assert.equal(source.closing[open], source.tokens.length - 2);
  assert.equal(source.closing[0], -1, 'a word opens nothing');
});

test('lines are counted from 1 and tokens know theirs', () => {
  const source = scanSource('a\n\nb\r\nc');
  assert.deepEqual(source.tokens.map((token) => token.line), [1, 3, 4]);
  assert.equal(source.lineAt(0), 1);
  assert.equal(source.lineAt(source.text.length), 4);
});

test('function declarations, assigned arrows, fields and methods are found with their extent', () => {
  const text = [
    'export async function load<T>(id: string): Promise<{ a: T }> {', // 1
    '  return { a: id };',
    '}',
    'const short = (x: number): number => x + 1;', // 4
    'export const long = async ({ a }: Options) => {', // 5
    '  if (a) {',
    '  }',
    '};',
    'class Store {', // 9
    '  constructor(name: string) {',
    '    this.name = name;',
    '  }',
    '  get size(): number { return 1; }', // 13
    '  handle = (event: Event): void => {', // 14
    '  };',
    '}',
    'const table = { run(x) {', // 17
    '}, stop: () => {', // 18
    '} };',
    'const typed: (a: number) => number = function (a) {', // 20
    '  return a;',
    '};',
  ].join('\n');
  assert.deepEqual(functions(text), [
    'load:1-3', 'short:4-4', 'long:5-8', 'constructor:10-12', 'size:13-13', 'handle:14-15',
    'run:17-18', 'stop:18-19', 'typed:20-22',
  ]);
});

test('calls, control flow, overloads, type members and anonymous callbacks are not functions', () => {
  const text = [
    'if (ready) { go(); }',
    'for (const x of xs) { use(x); }',
    "test('name', async () => {",
    '  helper(1);',
    '});',
    'function overload(a: string): void;',
    'interface Shape { area(): { value: number }; onClick: (e: Event) => void; }',
    'while (next()) { step(); }',
    'catch (error) { log(error); }',
  ].join('\n');
  assert.deepEqual(functions(text), []);
});

test('a multi-line arrow with an expression body ends where its expression ends', () => {
  const text = [
    'const pick = (rows: Row[]) =>', '  rows', '    .filter(keep)', '    .map(shape);', 'const next = 1;',
  ];
  assert.deepEqual(functions(text.join('\n')), ['pick:1-4']);
});

test('imports: static, re-exports, side-effect, type-only and literal dynamic imports', () => {
  const text = [
    "import { a } from './a.ts';",
    "import type { B } from '../b.ts';",
    "export * from './c.ts';",
    "import 'side-effect';",
    'const d = await import(`./d.ts`);',
    "const e = await import('node:fs');",
    "const f = from('not-an-import');",
    "// import x from './commented.ts';",
  ].join('\n');
  assert.deepEqual(findImports(scanSource(text)).map((site) => `${site.line}:${site.specifier}`), [
    '1:./a.ts', '2:../b.ts', '3:./c.ts', '4:side-effect', '5:./d.ts', '6:node:fs',
  ]);
});

test('unmatched brackets are reported, so a misread file cannot pass the checks silently', () => {
  const unmatched = (text: string) =>
    unmatchedBrackets(scanSource(text)).map((token) => `${token.line}:${token.text}`);
  assert.deepEqual(unmatched('f({ a: [1, `${x}`] });'), []);
  assert.deepEqual(unmatched('f(\n{ a ]'), ['1:(', '2:{', '2:]']);
  assert.deepEqual(unmatched('x = 1 / 2; y = (3) / 4 }'), ['1:}']);
});
