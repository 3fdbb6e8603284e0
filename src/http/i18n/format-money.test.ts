// Amounts in each locale's format with their currency, from bigint minor units, exactly: large
// values keep every digit and negative ones their sign.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatMoney } from './format-money.ts';

test('amounts are formatted per locale with their currency, exactly', () => {
  const table: [Parameters<typeof formatMoney>, string][] = [
    [['zh-CN', 123456n, 'CNY'], '¥1,234.56'],
    [['en', 123456n, 'USD'], '$1,234.56'],
    [['en', 123456n, 'CNY'], 'CN¥1,234.56'],
    [['zh-CN', 123456n, 'USD'], 'US$1,234.56'],
    [['zh-CN', 0n, 'CNY'], '¥0.00'],
    [['en', 5n, 'USD'], '$0.05'],
    [['en', -105n, 'USD'], '-$1.05'],
    [['zh-CN', '100000', 'CNY'], '¥1,000.00'],
    // Beyond a double's 2^53: a float would round the last digits.
    [['zh-CN', 12345678901234567891n, 'CNY'], '¥123,456,789,012,345,678.91'],
    [['en', 9007199254740993n, 'USD'], '$90,071,992,547,409.93'],
  ];
  for (const [args, expected] of table) assert.equal(formatMoney(...args), expected, args.join(' '));
});
