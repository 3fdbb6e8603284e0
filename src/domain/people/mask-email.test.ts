// Email masking: the mailbox keeps one character and always three stars; the domain stays.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maskEmail } from './mask-email.ts';

test('the mailbox is hidden after its first character, the domain is kept', () => {
  const cases: [string, string][] = [
    ['zhang.wei@example.com', 'z***@example.com'],
    ['z@example.com', 'z***@example.com'],
    ['"a@b"@example.com', '"***@example.com'],
    ['@example.com', '***@example.com'],
    ['张伟@例子.中国', '张***@例子.中国'],
    ['😀x@example.com', '😀***@example.com'],
    ['not-an-address', 'n***'],
    ['', ''],
  ];
  for (const [value, masked] of cases) assert.equal(maskEmail(value), masked, value);
});
