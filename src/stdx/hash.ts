import { createHash } from 'node:crypto';

/**
 * Content hashes: policy versions, payment bodies, template content. Hashing is pure (no I/O), so
 * the pure core may use it through this one door.
 */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * JSON with sorted keys and bigints as strings, so equal values hash equally: exactly
 * `JSON.stringify` of the value with every object's own keys sorted (hash.test.ts holds it to
 * that). Written out directly rather than by building a sorted copy first, because every Decision's
 * id hashes its whole Situation this way and the copies were most of the cost.
 */
export function canonicalJson(value: unknown): string {
  return write(value)!;
}

const kept = new WeakMap<object, string>();

/**
 * canonicalJson of a value that is not changed afterwards, written once per object: a Decision's
 * id hashes its Situation's canonical JSON, and storing the Decision writes the same text.
 */
export function canonicalJsonKept(value: object): string {
  let text = kept.get(value);
  if (text === undefined) {
    text = canonicalJson(value);
    kept.set(value, text);
  }
  return text;
}

function write(value: unknown): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'bigint': return JSON.stringify(value.toString());
    case 'object': break;
    default: return JSON.stringify(value);
  }
  if (value instanceof Date) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => write(item) ?? 'null').join(',')}]`;
  const record = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of sortedKeys(record)) {
    const inner = write(record[key]);
    if (inner !== undefined) parts.push(`${JSON.stringify(key)}:${inner}`);
  }
  return `{${parts.join(',')}}`;
}

/**
 * The keys in the order JSON.stringify writes a copy built in sorted order: a JavaScript object
 * lists its array-index keys ("0", "1", …) first, in numeric order, then the others in the order
 * they were added.
 */
function sortedKeys(record: Record<string, unknown>): string[] {
  const keys = Object.keys(record).sort();
  if (!keys.some(isArrayIndex)) return keys;
  const indexes = keys.filter(isArrayIndex).sort((left, right) => Number(left) - Number(right));
  return [...indexes, ...keys.filter((key) => !isArrayIndex(key))];
}

function isArrayIndex(key: string): boolean {
  return /^(0|[1-9]\d*)$/.test(key) && Number(key) < 2 ** 32 - 1;
}
