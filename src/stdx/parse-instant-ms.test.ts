// parseInstantMs must be Date.parse exactly: compared on every shape it reads itself (UTC instants as
// toISOString writes them, with or without milliseconds) and on the texts it hands to Date.parse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseInstantMs } from './parse-instant-ms.ts';

const same = (text: string) => assert.ok(Object.is(parseInstantMs(text), Date.parse(text)), text);

test('UTC instants of the years 0000 to 9999 read as Date.parse reads them', () => {
  fc.assert(fc.property(fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }), (epochMs) => {
    const text = new Date(epochMs).toISOString();
    assert.equal(parseInstantMs(text), epochMs);
    same(text);
    same(`${text.slice(0, 19)}Z`);
  }));
});

test('texts out of range or of another shape get what Date.parse gives them', () => {
  const texts = [
    '2026-02-29T00:00:00Z', '2024-02-29T23:59:59.999Z', '2026-02-30T00:00:00Z', '2026-04-31T00:00:00.000Z',
    '2026-13-01T00:00:00Z', '2026-00-10T00:00:00Z', '2026-01-00T00:00:00Z', '2026-01-01T24:00:00Z',
    '2026-01-01T23:60:00Z', '2026-01-01T23:59:60Z', '2026-01-01T00:00:00.1Z', '2026-01-01T00:00:00.12345Z',
    '2026-01-01t00:00:00z', '2026-01-01T00:00:00+08:00', '2026-01-01T00:00:00.000+08:00',
    '+002026-01-01T00:00:00Z', '2026-1a-01T00:00:00Z', '2026-01-01 00:00:00Z', '0000-01-01T00:00:00.000Z',
    '1900-02-29T00:00:00Z', '', 'Z',
    'not an instant at all, 24 ch', '2026-01-01T00:00:0aZ', '2026-01-01T00:00:00.00aZ',
  ];
  for (const text of texts) same(text);
  fc.assert(fc.property(fc.string({ minLength: 20, maxLength: 24 }), (text) => same(text)));
});
