import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { canonicalJson } from './hash.ts';

/** The definition canonicalJson is held to: a sorted copy, then JSON.stringify. */
function sortedCopy(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(sortedCopy);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== undefined)
      .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0));
    return Object.fromEntries(entries.map(([key, inner]) => [key, sortedCopy(inner)]));
  }
  return value;
}

test('canonical JSON is JSON.stringify of a key-sorted copy, for every kind of value', () => {
  const cases: [string, unknown][] = [
    ['nested objects with unsorted keys', { b: { d: 1, c: [3, { z: true, a: null }] }, a: 'x' }],
    ['undefined members are left out, and are null in arrays', { a: undefined, b: [undefined, 1] }],
    ['bigints become strings', { amount: 12345678901234567890n, list: [1n] }],
    ['dates are ISO strings', { at: new Date('2026-11-23T09:00:00Z') }],
    ['non-finite numbers are null', { nan: Number.NaN, inf: Infinity }],
    ['unicode keys sort by code unit', { 'é': 1, z: 2, 'Z': 3, '中': 4 }],
    ['functions and symbols are left out', { f: () => 1, s: Symbol('x'), kept: 1 }],
    ['array-index keys come first, in numeric order', { b: 1, '10': 2, '': 3, '2': 4, '01': 5 }],
  ];
  for (const [name, value] of cases) {
    assert.equal(canonicalJson(value), JSON.stringify(sortedCopy(value)), name);
  }
  fc.assert(fc.property(fc.jsonValue(), fc.anything(), (json, anything) => {
    assert.equal(canonicalJson(json), JSON.stringify(sortedCopy(json)));
    assert.equal(canonicalJson({ anything }), JSON.stringify(sortedCopy({ anything })));
  }));
});
