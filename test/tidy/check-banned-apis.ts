import { hasComment, type ScannedSource, type Token } from './scan-source.ts';
import type { ScannedFile, Violation } from './violation.ts';

/**
 * APIs banned in src/, each with its replacement. Reading the wall clock or an unseeded random
 * source makes decisions impossible to replay; console.log bypasses the output channels; `any`
 * switches the type checker off; floats corrupt money; an empty catch hides a failure.
 */
const CLOCK_FILE = 'src/stdx/clock.ts';
const CLOCK_ADVICE = 'take `now: Date` as a parameter, or a Clock from src/stdx/clock.ts';
const MONEY_FOLDERS = ['src/domain/', 'src/app/'];

type Finding = { readonly token: Token; readonly rule: string; readonly advice: string };

export function checkBannedApis(files: readonly ScannedFile[]): Violation[] {
  const violations: Violation[] = [];
  for (const file of files) {
    if (!file.path.startsWith('src/')) continue;
    for (const finding of findBannedApis(file.path, file.source)) {
      const { token, rule, advice } = finding;
      violations.push({ path: file.path, line: token.line, rule, advice });
    }
  }
  return violations;
}

function findBannedApis(path: string, source: ScannedSource): Finding[] {
  const findings: Finding[] = [];
  const { tokens } = source;
  const moneyCode = MONEY_FOLDERS.some((folder) => path.startsWith(folder));
  tokens.forEach((token, index) => {
    if (token.kind !== 'word') return;
    const add = (rule: string, advice: string) => findings.push({ token, rule, advice });
    if (path !== CLOCK_FILE && isMember(tokens, index, 'Date', 'now')) add('banned Date.now()', CLOCK_ADVICE);
    if (path !== CLOCK_FILE && isArgumentlessNewDate(source, index)) add('banned new Date()', CLOCK_ADVICE);
    if (isMember(tokens, index, 'Math', 'random')) {
      add('banned Math.random', 'use createRandom(seed) from src/stdx/random.ts so a run can be replayed');
    }
    if (isMember(tokens, index, 'console', 'log')) {
      add('banned console.log', 'write with process.stdout.write, or through the logger');
    }
    if (isAnyType(tokens, index)) add('banned any', 'use unknown and narrow it, or name the real type');
    if (moneyCode && token.text === 'parseFloat') {
      add('banned parseFloat', 'money is bigint minor units: parse it with parseMajor (src/stdx/money.ts)');
    }
    if (isEmptyCatch(source, index)) {
      add('empty catch', 'handle the error, rethrow it or return a rejection value; if ignoring it is ' +
        'right, say why in a comment inside the block');
    }
  });
  return findings;
}

function isPunct(token: Token | undefined, text: string): boolean {
  return token !== undefined && token.kind === 'punct' && token.text === text;
}

/** `object.member` with `object` not itself a property (`x.Date.now` is someone else's). */
function isMember(tokens: readonly Token[], index: number, object: string, member: string): boolean {
  const next = tokens[index + 2];
  return tokens[index]!.text === object && !isPunct(tokens[index - 1], '.') &&
    isPunct(tokens[index + 1], '.') && next?.kind === 'word' && next.text === member;
}

/** `new Date()` or `new Date`; `new Date(value)` parses a value and is fine. */
function isArgumentlessNewDate(source: ScannedSource, index: number): boolean {
  const { tokens } = source;
  const date = tokens[index + 1];
  if (tokens[index]!.text !== 'new' || date?.kind !== 'word' || date.text !== 'Date') return false;
  const open = index + 2;
  return !isPunct(tokens[open], '(') || source.closing[open] === open + 1;
}

/** The identifier `any`, except as a property (`x.any`) or an object key (`{ any: 1 }`). */
function isAnyType(tokens: readonly Token[], index: number): boolean {
  if (tokens[index]!.text !== 'any') return false;
  const previous = tokens[index - 1];
  if (isPunct(previous, '.')) return false;
  const isKey = isPunct(tokens[index + 1], ':') && (isPunct(previous, '{') || isPunct(previous, ','));
  return !isKey;
}

/**
 * `catch {}` and `catch (error) {}` with nothing inside, not even a comment. The promise form,
 * `.catch(() => {})` and its kin, is check-swallowed-errors.ts's, in every folder.
 */
function isEmptyCatch(source: ScannedSource, index: number): boolean {
  const { tokens, closing } = source;
  if (tokens[index]!.text !== 'catch' || isPunct(tokens[index - 1], '.')) return false;
  let open = index + 1;
  if (isPunct(tokens[open], '(')) {
    if (closing[open] === -1) return false;
    open = closing[open]! + 1;
  }
  if (!isPunct(tokens[open], '{') || closing[open] !== open + 1) return false;
  return !hasComment(source, tokens[open]!.start, tokens[open + 1]!.end);
}
