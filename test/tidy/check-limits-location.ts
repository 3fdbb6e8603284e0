import type { ScannedSource, Token } from './scan-source.ts';
import type { ScannedFile, Violation } from './violation.ts';

/**
 * Every bound has one home, `src/config/limits.ts`, where the limits are read together and their
 * relations asserted. A module-level constant of `src/` (tests aside) named as a bound (a `MAX`,
 * `MIN` or `LIMIT` word in an UPPER_SNAKE name) whose value is a number, or arithmetic on numbers,
 * is a limit defined elsewhere. One that repeats a name of limits.ts is a second copy, which can
 * drift from the first.
 */
export const LIMITS_FILE = 'src/config/limits.ts';
export const LIMIT_OUTSIDE_RULE = 'limit outside limits.ts';
const LIMIT_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;
const BOUND_WORDS = new Set(['MAX', 'MIN', 'LIMIT']);
const ARITHMETIC = new Set(['*', '+', '-', '/', '(', ')']);

export type LimitDefinition = { readonly name: string; readonly token: Token };

export function checkLimitsLocation(files: readonly ScannedFile[]): Violation[] {
  const home = files.find((file) => file.path === LIMITS_FILE);
  const homeNames = new Set(home === undefined ? [] : findLimitDefinitions(home.source).map((found) => found.name));
  const violations: Violation[] = [];
  for (const file of files) {
    if (!file.path.startsWith('src/') || file.path === LIMITS_FILE || file.path.endsWith('.test.ts')) continue;
    for (const { name, token } of findLimitDefinitions(file.source)) {
      const advice = homeNames.has(name)
        ? `${name}: already defined in ${LIMITS_FILE}; import it from there and delete this copy`
        : `${name}: move it to ${LIMITS_FILE} (unit last, relations asserted there) and import it`;
      violations.push({ path: file.path, line: token.line, rule: LIMIT_OUTSIDE_RULE, advice });
    }
  }
  return violations;
}

/** The allowlist key of a violation: `path#NAME`, so a listed limit may move within its file. */
export function limitKey(violation: Violation): string {
  return `${violation.path}#${violation.advice.slice(0, violation.advice.indexOf(':'))}`;
}

/** Module-level `[export] const NAME[: type] = <numeric expression>;` with a bound's name. */
export function findLimitDefinitions(source: ScannedSource): LimitDefinition[] {
  const { tokens } = source;
  const depths = depthOfTokens(source);
  const found: LimitDefinition[] = [];
  tokens.forEach((token, index) => {
    if (depths[index] !== 0 || token.kind !== 'word' || token.text !== 'const') return;
    const name = tokens[index + 1];
    if (name?.kind !== 'word' || !isBoundName(name.text)) return;
    let at = index + 2;
    while (at < tokens.length && depths[at] === 0 && tokens[at]!.text !== '=' && tokens[at]!.text !== ';') at += 1;
    if (tokens[at]?.text !== '=') return;
    const value: Token[] = [];
    for (at += 1; at < tokens.length && !(depths[at] === 0 && tokens[at]!.text === ';'); at += 1) {
      if (depths[at] === 0 && tokens[at]!.kind === 'word' && tokens[at]!.line !== tokens[at - 1]!.line) break;
      value.push(tokens[at]!);
    }
    if (isNumeric(value)) found.push({ name: name.text, token: name });
  });
  return found;
}

function isBoundName(name: string): boolean {
  return LIMIT_NAME.test(name) && name.split('_').some((word) => BOUND_WORDS.has(word));
}

function isNumeric(value: readonly Token[]): boolean {
  return value.some((token) => token.kind === 'number') && value.every(
    (token) => token.kind === 'number' || (token.kind === 'punct' && ARITHMETIC.has(token.text)),
  );
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
