import { assert } from './assert.ts';

/**
 * A small seeded pseudo-random generator (sfc32). Every synthetic portfolio and every simulation
 * run takes a seed so that a failure can be replayed exactly; Math.random is banned in src/.
 */
export type Random = {
  readonly seed: number;
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  /** Picks by weight: [[value, weight], ...]. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** A child stream that does not disturb this one's sequence. */
  fork(label: string): Random;
};

export function createRandom(seed: number): Random {
  assert(Number.isInteger(seed), 'seed must be an integer');
  let a = 0x9e3779b9 ^ seed;
  let b = 0x243f6a88 ^ Math.imul(seed, 0x85ebca6b);
  let c = 0xb7e15162;
  let d = 1;
  const next = (): number => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (a + b + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let warm = 0; warm < 12; warm += 1) next();
  const random: Random = {
    seed,
    next,
    int(min, max) {
      assert(Number.isInteger(min) && Number.isInteger(max) && min <= max, 'bad int range');
      return min + Math.floor(next() * (max - min + 1));
    },
    pick(items) {
      assert(items.length > 0, 'pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    chance(probability) {
      return next() < probability;
    },
    weighted(entries) {
      let total = 0;
      for (const [, weight] of entries) total += weight;
      assert(total > 0, 'weights must sum above zero');
      let roll = next() * total;
      for (const [value, weight] of entries) {
        roll -= weight;
        if (roll < 0) return value;
      }
      return entries[entries.length - 1]![0];
    },
    fork(label) {
      return createRandom((seed ^ hashLabel(label)) | 0);
    },
  };
  return random;
}

function hashLabel(label: string): number {
  let hash = 2166136261;
  for (let index = 0; index < label.length; index += 1) {
    hash ^= label.charCodeAt(index);
    hash = Math.imul(hash, 16777619);
  }
  return hash | 0;
}
