// How a request's language is chosen: the address, then the cookie, then Chinese; never the
// browser's Accept-Language. Each row is what a request carries (its `?lang=` and its `lang`
// cookie's value) and the locale the server answers in, and whether it remembers a choice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseLocale } from './choose-locale.ts';

test('the address chooses and is remembered, the cookie is next, Chinese is the default', () => {
  const cases: [string, string | undefined, string | undefined, ReturnType<typeof chooseLocale>][] = [
    ['nothing: Chinese, nothing remembered', undefined, undefined, { locale: 'zh-CN', remember: false }],
    ['?lang=en', 'en', undefined, { locale: 'en', remember: true }],
    ['?lang=zh-CN over an English cookie', 'zh-CN', 'en', { locale: 'zh-CN', remember: true }],
    ['the cookie alone', undefined, 'en', { locale: 'en', remember: false }],
    ['an unknown cookie value', undefined, 'fr', { locale: 'zh-CN', remember: false }],
    ['an unknown address value: Chinese, remembered', 'EN', 'en', { locale: 'zh-CN', remember: true }],
    ['an empty address value', '', undefined, { locale: 'zh-CN', remember: true }],
    ['an empty cookie value', undefined, '', { locale: 'zh-CN', remember: false }],
  ];
  for (const [name, query, cookie, expected] of cases) {
    assert.deepEqual(chooseLocale(query, cookie), expected, name);
  }
});
