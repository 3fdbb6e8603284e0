// National ID masking: a table of resident identity numbers (18 and 15 characters, an X check
// character, spaced and full-width), passport-like numbers and too-short values, then a property:
// an 18-character number never shows its date of birth (characters 7 to 14).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { maskNationalId } from './mask-national-id.ts';

test('resident identity numbers keep their first 4 and last 4 characters', () => {
  const cases: [string, string][] = [
    ['110101199003071234', '1101**********1234'],
    ['11010119900307123X', '1101**********123X'],
    ['110101 19900307 1234', '1101** ******** 1234'],
    ['110101900307123', '1101*******7123'],
    ['１１０１０１１９９００３０７１２３４', '１１０１**********１２３４'],
    ['E12345678', 'E******78'],
    ['G1234567', 'G*****67'],
    ['123456', '1***56'],
    ['12345', '*****'],
    ['', ''],
    ['--', '--'],
  ];
  for (const [value, masked] of cases) assert.equal(maskNationalId(value), masked, value);
});

test('an 18-character number never shows its date of birth, and keeps its length', () => {
  const digit = fc.constantFrom(...'0123456789');
  fc.assert(fc.property(fc.string({ unit: digit, minLength: 17, maxLength: 17 }), fc.constantFrom('X', '7'),
    (body, check) => {
      const value = `${body}${check}`;
      const masked = maskNationalId(value);
      assert.equal(masked.length, 18);
      assert.equal(masked.slice(6, 14), '********');
      assert.equal(masked, `${value.slice(0, 4)}${'*'.repeat(10)}${value.slice(14)}`);
    }));
});
