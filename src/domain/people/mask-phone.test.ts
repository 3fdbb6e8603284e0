// Phone masking: a table of the numbers a Chinese and a US lender hold (mobiles with and without the
// country code, landlines with area codes, service numbers) and of odd values, then properties over
// generated values: the layout is kept, shown digits are the original ones, and for a number of 7
// digits or more only a leading part (at most 7 digits) and the last 4 are shown, the middle never.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { maskPhone } from './mask-phone.ts';

test('numbers keep their leading part and their last 4 digits, never the middle', () => {
  const cases: [string, string][] = [
    ['13812345678', '138****5678'],
    ['+8613812345678', '+86138****5678'],
    ['+86 138 1234 5678', '+86 138 **** 5678'],
    ['138-1234-5678', '138-****-5678'],
    ['010-12345678', '010-****5678'],
    ['0755-12345678', '0755-****5678'],
    ['0913-1234567', '0913-***4567'],
    ['+86 10 1234 5678', '+86 10 1*** 5678'],
    ['4155550123', '415***0123'],
    ['+1 (415) 555-0123', '+1 (415) ***-0123'],
    ['+14155550123', '+1415***0123'],
    ['+852 9123 4567', '+852 **** 4567'],
    ['+44 20 7946 0958', '+44 20 7*** 0958'],
    ['12345678', '****5678'],
    ['1234567', '***4567'],
  ];
  for (const [value, masked] of cases) assert.equal(maskPhone(value), masked, value);
});

test('short, empty and odd values', () => {
  const cases: [string, string][] = [
    ['', ''],
    ['5', '*'],
    ['12', '**'],
    ['123', '*23'],
    ['10086', '***86'],
    ['123456', '****56'],
    ['unknown', 'unknown'],
    ['+', '+'],
    // An extension's digits are read as part of the number: the last 4 digits shown span both.
    ['13812345678 ext 12', '*********78 ext 12'],
    ['１３８１２３４５６７８', '１３８****５６７８'],
    ['＋８６ １３８ １２３４ ５６７８', '＋８６ １３８ **** ５６７８'],
  ];
  for (const [value, masked] of cases) assert.equal(maskPhone(value), masked, value);
});

/** The value's digits, read in order, as the mask left them. */
const digitsOf = (text: string) => text.replace(/[^\d*]/g, '');

test('the layout is kept and every shown digit is the original one in its place', () => {
  const values = fc.string({ unit: fc.constantFrom(...'0123456789+-() x'), maxLength: 30 });
  fc.assert(fc.property(values, (value) => {
    const masked = maskPhone(value);
    assert.equal(masked.length, value.length);
    for (const [index, character] of [...masked].entries()) {
      const original = value[index]!;
      assert.ok(character === original || (character === '*' && /\d/.test(original)), `${value} → ${masked}`);
    }
  }));
});

test('a number of 7 digits or more shows at most a 7-digit lead and the last 4, hiding at least 3', () => {
  const layouts = fc.constantFrom('', '+', '+86 ', '0', '1');
  const numbers = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 7, maxLength: 20 });
  fc.assert(fc.property(layouts, numbers, (lead, number) => {
    const value = `${lead}${number}`;
    const digits = digitsOf(maskPhone(value));
    const original = value.replace(/\D/g, '');
    const match = /^(\d*)(\*+)(\d{4})$/.exec(digits);
    assert.ok(match !== null, `${value} → ${digits}`);
    const [, shown, hidden, last] = match;
    assert.ok(shown!.length <= 7 && hidden!.length >= 3, `${value} → ${digits}`);
    assert.equal(shown! + last!, original.slice(0, shown!.length) + original.slice(-4));
    // The middle (after the longest possible lead, before the last 4) is hidden digit by digit.
    for (let index = 7; index < original.length - 4; index++) assert.equal(digits[index], '*', value);
  }));
});

test('a Chinese mobile number never shows its 4th to 7th digits', () => {
  fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 10, maxLength: 10 }),
    (rest) => {
      const masked = maskPhone(`1${rest}`);
      assert.equal(masked, `1${rest.slice(0, 2)}****${rest.slice(-4)}`);
    }));
});
