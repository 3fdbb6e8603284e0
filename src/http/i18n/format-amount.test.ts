// Amounts as each locale prints them, from a table: the locale's symbol for the currency (yuan are
// ¥ in Chinese and CN¥ in English, dollars $ in English and US$ in Chinese), grouping, exactly the
// currency's minor digits, negative amounts, zero, and amounts far beyond what a float holds exactly,
// which must keep every digit (a float would round 9007199254740993 fen).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Locale } from './locale.ts';
import { formatAmount } from './format-amount.ts';

const TABLE: readonly [string, bigint, string, Locale, string][] = [
  ['yuan in Chinese', 123456n, 'CNY', 'zh-CN', '¥1,234.56'],
  ['dollars in English', 123456n, 'USD', 'en', '$1,234.56'],
  ['yuan in English name their country', 123456n, 'CNY', 'en', 'CN¥1,234.56'],
  ['dollars in Chinese name their country', 123456n, 'USD', 'zh-CN', 'US$1,234.56'],
  ['euros', 123456n, 'EUR', 'en', '€1,234.56'],
  ['Hong Kong dollars', 123456n, 'HKD', 'zh-CN', 'HK$1,234.56'],
  ['zero', 0n, 'CNY', 'zh-CN', '¥0.00'],
  ['one fen', 1n, 'CNY', 'zh-CN', '¥0.01'],
  ['whole yuan keep their fraction', 100000n, 'CNY', 'zh-CN', '¥1,000.00'],
  ['a negative amount (a credit balance)', -123456n, 'CNY', 'zh-CN', '-¥1,234.56'],
  ['a negative amount in English', -5n, 'USD', 'en', '-$0.05'],
  ['beyond 2^53 minor units, every digit kept', 9007199254740993n, 'CNY', 'zh-CN', '¥90,071,992,547,409.93'],
  ['far beyond a float', 123456789012345678901234567n, 'USD', 'en',
    '$1,234,567,890,123,456,789,012,345.67'],
  ['a large negative amount', -9999999999999999999n, 'CNY', 'en', '-CN¥99,999,999,999,999,999.99'],
];

for (const [name, minor, currency, locale, expected] of TABLE) {
  test(`${name}: ${minor} ${currency} in ${locale} is ${expected}`, () => {
    assert.equal(formatAmount(minor, currency, locale), expected);
  });
}
