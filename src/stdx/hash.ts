import { hash } from 'node:crypto';

/**
 * Content hashes: policy versions, payment bodies, template content. Hashing is pure (no I/O), so
 * the pure core may use it through this one door.
 */
export function sha256Hex(text: string): string {
  // The one-shot digest: the same bytes as a Hash object's update and digest, without building one.
  return hash('sha256', text, 'hex');
}

/**
 * JSON with sorted keys and bigints as strings, so equal values hash equally: exactly
 * `JSON.stringify` of the value with every object's own keys sorted (hash.test.ts holds it to
 * that). Every Decision's id hashes its whole Situation this way, so the sorted copy is built as
 * plainly as possible (each object's keys assigned in sorted order, nothing else copied) and the
 * native serialiser writes it. With `keyOrders`, each shape of object is sorted once and remembered
 * there (see `createKeyOrders`).
 */
export function canonicalJson(value: unknown, keyOrders: KeyOrders | null = null): string {
  return JSON.stringify(sortedCopy(value, keyOrders));
}

const kept = new WeakMap<object, string>();

/**
 * canonicalJson of a value that is not changed afterwards, written once per object: a Decision's
 * id hashes its Situation's canonical JSON, and storing the Decision writes the same text.
 */
export function canonicalJsonKept(value: object, keyOrders: KeyOrders | null = null): string {
  let text = kept.get(value);
  if (text === undefined) {
    text = canonicalJson(value, keyOrders);
    kept.set(value, text);
  }
  return text;
}

/**
 * The order in which canonicalJson writes the keys of each shape of object it has met. Objects of one
 * shape (the attempts of a history, the holds of a borrower) list the same keys in the same order, so
 * sorting them once per shape rather than once per object more than halves the cost of a Situation's
 * text. Shapes are found by their first key, then compared key by key; the bounds come from the
 * caller, which keeps the cache for as long as it writes values of the same kinds.
 */
type KeyOrders = {
  readonly byFirstKey: Map<string, Shape[]>;
  readonly shapesMax: number;
  readonly shapesPerFirstKeyMax: number;
  shapes: number;
};

type Shape = { readonly keys: readonly string[]; readonly sorted: readonly string[] };

export function createKeyOrders(shapesMax: number, shapesPerFirstKeyMax: number): KeyOrders {
  return { byFirstKey: new Map(), shapesMax, shapesPerFirstKeyMax, shapes: 0 };
}

/**
 * A copy whose objects have their keys in canonical order, holding only what JSON.stringify of it
 * writes as canonicalJson would: bigints become strings, members JSON leaves out (undefined, functions,
 * symbols) are not copied, and every object becomes a plain one (its own `toJSON`, if any, is a function
 * and left out), except dates, which JSON writes as canonicalJson does. Arrays keep every slot.
 */
function sortedCopy(value: unknown, keyOrders: KeyOrders | null): unknown {
  if (typeof value !== 'object' || value === null) {
    return typeof value === 'bigint' ? value.toString() : value;
  }
  if (Array.isArray(value)) {
    const copy = new Array<unknown>(value.length);
    for (let index = 0; index < value.length; index += 1) copy[index] = sortedCopy(value[index], keyOrders);
    return copy;
  }
  if (value instanceof Date) return value;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  const copy: Record<string, unknown> = {};
  if (keys.length === 0) return copy;
  const { sorted } = keyOrders === null ? shapeOfKeys(keys) : shapeOf(keyOrders, keys);
  for (const key of sorted) {
    const inner = record[key];
    if (inner === undefined || typeof inner === 'function' || typeof inner === 'symbol') continue;
    if (key === '__proto__') {
      // Assigned, this key would set the copy's prototype instead of adding a member.
      Object.defineProperty(copy, key, {
        value: sortedCopy(inner, keyOrders), enumerable: true, writable: true, configurable: true,
      });
    } else {
      copy[key] = sortedCopy(inner, keyOrders);
    }
  }
  return copy;
}

function shapeOf(keyOrders: KeyOrders, keys: readonly string[]): Shape {
  const first = keys[0]!;
  let candidates = keyOrders.byFirstKey.get(first);
  if (candidates !== undefined) {
    for (const shape of candidates) {
      if (sameKeys(shape.keys, keys)) return shape;
    }
  }
  const shape = shapeOfKeys(keys);
  if (keyOrders.shapes >= keyOrders.shapesMax) {
    keyOrders.byFirstKey.clear();
    keyOrders.shapes = 0;
    candidates = undefined;
  }
  if (candidates === undefined) {
    candidates = [];
    keyOrders.byFirstKey.set(first, candidates);
  }
  if (candidates.length < keyOrders.shapesPerFirstKeyMax) {
    candidates.push(shape);
    keyOrders.shapes += 1;
  }
  return shape;
}

function shapeOfKeys(keys: readonly string[]): Shape {
  return { keys, sorted: sortedKeys(keys) };
}

/** Whether two key lists with the same first key are the same list. */
function sameKeys(left: readonly string[], right: readonly string[]): boolean {
  if (left.length !== right.length) return false;
  for (let index = 1; index < left.length; index += 1) {
    if (left[index] !== right[index]) return false;
  }
  return true;
}

/**
 * The keys in the order JSON.stringify writes a copy built in sorted order: a JavaScript object
 * lists its array-index keys ("0", "1", …) first, in numeric order, then the others in the order
 * they were added.
 */
function sortedKeys(keys: readonly string[]): string[] {
  const sorted = [...keys].sort();
  if (!sorted.some(isArrayIndex)) return sorted;
  const indexes = sorted.filter(isArrayIndex).sort((left, right) => Number(left) - Number(right));
  return [...indexes, ...sorted.filter((key) => !isArrayIndex(key))];
}

function isArrayIndex(key: string): boolean {
  return /^(0|[1-9]\d*)$/.test(key) && Number(key) < 2 ** 32 - 1;
}
