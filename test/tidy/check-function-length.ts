import { findFunctions, type FunctionSpan } from './find-functions.ts';
import type { ScannedFile, TextFile, Violation } from './violation.ts';

/**
 * Functions are at most 70 lines, so each fits on a screen and can be read whole. The allowlist
 * is a ratchet for the exceptions that already exist: it records each listed function's length,
 * a listed function may not grow, and when it shrinks its entry must shrink with it (or go,
 * once it is within the limit). Long functions can then only get shorter.
 */
export const FUNCTION_LINES_MAX = 70;

/** `{"path#name": lines}`; a name repeated in one file gets `~2`, `~3`… in order of position. */
export type Allowlist = Readonly<Record<string, number>>;

export function checkFunctionLength(files: readonly ScannedFile[], allowlist: TextFile): Violation[] {
  const recorded = parseAllowlist(allowlist);
  const violations: Violation[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    for (const [key, span] of keyedFunctions(file)) {
      seen.add(key);
      const violation = judge(file.path, key, span, recorded[key], allowlist.path);
      if (violation !== null) violations.push(violation);
    }
  }
  for (const key of Object.keys(recorded)) {
    if (seen.has(key)) continue;
    violations.push({
      path: allowlist.path, line: lineOfKey(allowlist.text, key), rule: 'function length',
      advice: `"${key}" names no function in the tree; remove the entry`,
    });
  }
  return violations;
}

export function parseAllowlist(allowlist: TextFile): Allowlist {
  const parsed: unknown = JSON.parse(allowlist.text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`${allowlist.path} must hold a JSON object {"path#name": lines}`);
  }
  for (const [key, value] of Object.entries(parsed)) {
    if (!Number.isInteger(value) || !key.includes('#')) {
      throw new Error(`${allowlist.path}: entry "${key}" must map "path#name" to a line count`);
    }
  }
  return parsed as Allowlist;
}

function keyedFunctions(file: ScannedFile): [string, FunctionSpan][] {
  const counts = new Map<string, number>();
  return findFunctions(file.source).map((span) => {
    const count = (counts.get(span.name) ?? 0) + 1;
    counts.set(span.name, count);
    const key = `${file.path}#${span.name}${count === 1 ? '' : `~${count}`}`;
    return [key, span];
  });
}

function judge(
  path: string, key: string, span: FunctionSpan, recorded: number | undefined, allowlistPath: string,
): Violation | null {
  const at = { path, line: span.startLine, rule: 'function length' };
  const size = `${span.name} has ${span.lines} lines`;
  if (recorded === undefined) {
    if (span.lines <= FUNCTION_LINES_MAX) return null;
    return {
      ...at,
      advice: `${size} (limit ${FUNCTION_LINES_MAX}); split it: keep control flow in the parent ` +
        'and move pure steps into helpers named after it',
    };
  }
  if (span.lines <= FUNCTION_LINES_MAX) {
    return { ...at, advice: `${size}, within the limit now; remove "${key}" from ${allowlistPath}` };
  }
  if (span.lines > recorded) {
    return { ...at, advice: `${size}, more than the ${recorded} recorded in ${allowlistPath}; shorten it` };
  }
  if (span.lines < recorded) {
    return { ...at, advice: `${size}, fewer than the ${recorded} recorded; lower "${key}" to ${span.lines}` };
  }
  return null;
}

function lineOfKey(text: string, key: string): number {
  const index = text.indexOf(JSON.stringify(key));
  return index === -1 ? 1 : text.slice(0, index).split('\n').length;
}
