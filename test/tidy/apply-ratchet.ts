import type { TextFile, Violation } from './violation.ts';

/**
 * A ratchet for violations that already exist when a rule is introduced, in files other people
 * own: the allowlist records, per rule, how many violations each key (a path, or `path#NAME`) may
 * still have. A key may not gain any, and when it loses some its count must come down with it (or
 * the entry go), so the list only shrinks. Everything else about a rule stays strict.
 */
export type RatchetAllowlist = Readonly<Record<string, Readonly<Record<string, number>>>>;

export function parseRatchetAllowlist(allowlist: TextFile): RatchetAllowlist {
  const parsed: unknown = JSON.parse(allowlist.text);
  const shape = `${allowlist.path} must hold {"rule": {"key": count}}`;
  if (!isRecord(parsed)) throw new Error(shape);
  for (const [rule, entries] of Object.entries(parsed)) {
    if (!isRecord(entries)) throw new Error(`${shape}; "${rule}" is not an object`);
    for (const [key, count] of Object.entries(entries)) {
      if (!Number.isInteger(count) || (count as number) < 1) {
        throw new Error(`${shape}; "${rule}" → "${key}" is not a positive count`);
      }
    }
  }
  return parsed as RatchetAllowlist;
}

/**
 * The violations of `rule` left once the allowlist's counts are taken off, plus one per entry whose
 * count is now too high. `keyOf` names the allowlist key of a violation.
 */
export function applyRatchet(
  rule: string, violations: readonly Violation[], keyOf: (violation: Violation) => string,
  allowlist: TextFile,
): Violation[] {
  const allowed = parseRatchetAllowlist(allowlist)[rule] ?? {};
  const byKey = new Map<string, Violation[]>();
  for (const violation of violations) {
    const key = keyOf(violation);
    byKey.set(key, [...(byKey.get(key) ?? []), violation]);
  }
  const left: Violation[] = [];
  for (const [key, found] of byKey) {
    const count = allowed[key] ?? 0;
    if (found.length <= count) continue;
    left.push(...found.map((violation) => count === 0 ? violation : {
      ...violation, advice: `${violation.advice} (${found.length} here, ${count} allowed in ${allowlist.path})`,
    }));
  }
  for (const [key, count] of Object.entries(allowed)) {
    const now = byKey.get(key)?.length ?? 0;
    if (now >= count) continue;
    left.push({
      path: allowlist.path, line: lineOfKey(allowlist.text, key), rule,
      advice: now === 0
        ? `"${key}" has no ${rule} left; remove the entry`
        : `"${key}" has ${now} ${rule} left, fewer than ${count}; lower the entry to ${now}`,
    });
  }
  return left;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function lineOfKey(text: string, key: string): number {
  const index = text.indexOf(JSON.stringify(key));
  return index === -1 ? 1 : text.slice(0, index).split('\n').length;
}
