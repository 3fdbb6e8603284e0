// Masking by contact point kind: numbers and emails as their own masks do, addresses keep their
// first third (at most 12 characters), push tokens their last 4, and an unknown kind shows nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maskContactValue } from './mask-contact-value.ts';

test('each kind of contact point is masked its own way', () => {
  const cases: [string, string, string][] = [
    ['mobile', '13812345678', '138****5678'],
    ['landline', '010-12345678', '010-****5678'],
    ['email', 'li.na@example.cn', 'l***@example.cn'],
    ['address', '广东省深圳市南山区科技园路1号3栋502', '广东省深圳市**************'],
    ['address', '12 Main St Springfield', '12 Main ** ***********'],
    ['address', 'ab', '**'],
    ['app_push', 'tok_0123456789abcdef', '****************cdef'],
    ['app_push', 'abc', '**c'],
    ['fax', '13812345678', '***********'],
    ['mobile', '', ''],
  ];
  for (const [kind, value, masked] of cases) {
    assert.equal(maskContactValue(kind, value), masked, `${kind} ${value}`);
  }
});
