import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkCivilDateText } from './check-civil-date-text.ts';
import { checkInstant } from './check-instant.ts';
import { findInvalidCharacter } from './find-invalid-character.ts';

test('instants are checked, not only shaped', () => {
  const cases: [string, string | null][] = [
    ['2026-03-08T09:30:00+08:00', '2026-03-08T01:30:00.000Z'],
    ['2026-03-08T09:30:00.123456789Z', '2026-03-08T09:30:00.123Z'],
    ['2026-03-08t09:30:00z', '2026-03-08T09:30:00.000Z'],
    ['2199-12-31T23:59:59-05:00', '2200-01-01T04:59:59.000Z'],
    ['1900-01-01T00:00:00Z', '1900-01-01T00:00:00.000Z'],
    ['2026-02-30T08:30:00-05:00', null], // would roll to 2 March
    ['2016-12-31T23:59:60Z', null], // leap second
    ['9999-12-31T23:59:59Z', null],
    ['0000-01-01T00:00:00Z', null],
    ['0001-01-01T00:00:00Z', null],
    ['1899-12-31T23:59:59Z', null],
    ['2026-13-01T00:00:00Z', null],
    ['2026-03-08T24:00:00Z', null],
    ['2026-03-08T09:60:00Z', null],
    ['2026-03-08T09:30:00+25:00', null],
    ['2026-03-08T09:30:00+08:60', null],
    ['2026-03-08T09:30:00', null], // no zone: which instant?
    ['2026-03-08 09:30:00Z', null],
    ['+002026-03-08T09:30:00Z', null],
    ['', null],
  ];
  for (const [text, expected] of cases) {
    assert.equal(checkInstant(text)?.toISOString() ?? null, expected, text);
  }
});

test('civil dates must exist and lie in the calendar range', () => {
  const cases: [string, string | null][] = [
    ['2026-03-08', '2026-03-08'],
    ['2028-02-29', '2028-02-29'],
    ['2026-02-30', null],
    ['2026-13-01', null],
    ['0000-01-01', null],
    ['9999-12-31', null],
    ['2200-01-01', null],
    [' 2026-03-08', null],
    ['2026-3-8', null],
  ];
  for (const [text, expected] of cases) assert.equal(checkCivilDateText(text), expected, text);
});

test('NUL and lone surrogates are found; paired surrogates are text', () => {
  const cases: [string, number][] = [
    ['plain', -1],
    ['张三 😀', -1],
    ['a\u0000b', 1],
    ['\ud800', 0],
    ['x\udc00', 1],
    ['😀\ud83d', 2],
    ['\ud83d\ude00\u0000', 2],
  ];
  for (const [text, expected] of cases) {
    assert.equal(findInvalidCharacter(text), expected, JSON.stringify(text));
  }
});
