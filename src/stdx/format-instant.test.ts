// formatInstant must be toISOString exactly, on the instants it writes itself and on those it hands on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatInstant } from './format-instant.ts';

test('instants of the years 0000 to 9999 are written as toISOString writes them', () => {
  fc.assert(fc.property(fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }), (epochMs) => {
    assert.equal(formatInstant(epochMs), new Date(epochMs).toISOString());
  }));
  for (const epochMs of [0, -1, 1, 86_399_999, 86_400_000, -62_167_219_200_000, 253_402_300_799_999,
    Date.parse('2024-02-29T12:34:56.789Z'), Date.parse('1969-12-31T23:59:59.999Z')]) {
    assert.equal(formatInstant(epochMs), new Date(epochMs).toISOString());
  }
});

test('fractions, expanded years and values that are not instants go to toISOString', () => {
  for (const epochMs of [1.5, -1.5, -62_167_219_200_001, 253_402_300_800_000, 8.64e15, -8.64e15]) {
    assert.equal(formatInstant(epochMs), new Date(epochMs).toISOString());
  }
  for (const epochMs of [Number.NaN, Infinity, 8.64e15 + 1]) {
    assert.throws(() => formatInstant(epochMs), RangeError);
  }
});
