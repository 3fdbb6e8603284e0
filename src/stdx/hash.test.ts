// canonicalJson against its definition (JSON.stringify of a key-sorted copy) with and without kept key
// orders, over fixed edge cases and generated values; sha256Hex against a Hash object.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { canonicalJson, createKeyOrders, sha256Hex } from './hash.ts';

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
    ['an own __proto__ key is a member like any other', JSON.parse('{"b":1,"__proto__":{"z":2,"a":1}}')],
    ['a toJSON member that is not a function is a member', { toJSON: 'text', inner: { b: 1, toJSON: 2 } }],
    ['objects are written by their keys, whatever their class', { boxed: Object('ab'), made: new (class {
      b = 1;
      a = 2;
      toJSON(): string { return 'class'; }
    })(), sparse: [1, , 3] }],
  ];
  for (const [name, value] of cases) {
    assert.equal(canonicalJson(value), JSON.stringify(sortedCopy(value)), name);
  }
  // A function is left out like any other, so a toJSON method of the value's own is not called.
  assert.equal(canonicalJson({ inner: { toJSON: () => 'x', a: 1 } }), '{"inner":{"a":1}}');
  fc.assert(fc.property(fc.jsonValue(), fc.anything(), (json, anything) => {
    assert.equal(canonicalJson(json), JSON.stringify(sortedCopy(json)));
    assert.equal(canonicalJson({ anything }), JSON.stringify(sortedCopy({ anything })));
  }));
});

test('canonical JSON is the same with remembered key orders, however small the cache', () => {
  const caches = () => [createKeyOrders(4_096, 32), createKeyOrders(1, 1), createKeyOrders(3, 2)];
  const shapes: unknown[] = [
    { b: 1, a: 2 }, { a: 2, b: 1 }, { b: 1, a: 2, c: 3 }, { b: 1 },
    { b: { d: 1, c: 2 }, a: [{ y: 1, x: 2 }] },
    { '2': 'x', b: 1, '10': 'y' }, { b: undefined, a: 1 }, { b: () => 1, a: Symbol('s') }, [{ z: 1, y: 2 }],
  ];
  for (const keyOrders of caches()) {
    // Twice over, so that the second pass reads the orders the first one kept.
    for (const value of [...shapes, ...shapes]) {
      assert.equal(canonicalJson(value, keyOrders), JSON.stringify(sortedCopy(value)));
    }
  }
  const keyOrders = caches();
  fc.assert(fc.property(fc.jsonValue(), fc.anything(), (json, anything) => {
    for (const cache of keyOrders) {
      assert.equal(canonicalJson(json, cache), JSON.stringify(sortedCopy(json)));
      assert.equal(canonicalJson({ anything }, cache), JSON.stringify(sortedCopy({ anything })));
    }
  }));
});

test('strings and numbers are written exactly as JSON.stringify writes them', () => {
  const long = 'x'.repeat(200);
  const strings = ['', 'plain', 'quote " inside', 'back\\slash', 'tab\tnew\nline', '\u0000\u001f', '\u007f',
    'lone \ud800 high', 'lone \udc00 low', 'pair \ud83d\ude00', 'separator \u2028\u2029', '中文',
    `${long}"`, `${long}\ud800`, long];
  const numbers = [0, -0, 1.5, -2, 1e21, 1e-7, Number.MAX_VALUE, Number.NaN, Infinity, -Infinity];
  for (const value of [...strings, ...numbers, true, false, 12n]) {
    assert.equal(canonicalJson({ value }), JSON.stringify(sortedCopy({ value })), String(value));
  }
  fc.assert(fc.property(fc.string({ unit: 'binary' }), fc.double(), (text, number) => {
    assert.equal(canonicalJson([text, number]), JSON.stringify([text, number]));
  }));
});

test('sha256Hex is the digest of the UTF-8 text, lone surrogates included', () => {
  for (const text of ['', 'abc', '中文 text', 'lone \ud800', 'x'.repeat(5_000)]) {
    assert.equal(sha256Hex(text), createHash('sha256').update(text).digest('hex'));
  }
});
