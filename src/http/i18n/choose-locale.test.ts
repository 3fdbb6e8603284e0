// How a request's language is chosen: the address, then the cookie, then Chinese; never the
// browser's Accept-Language. Each row is a request as a browser sends it and the locale and cookie
// the server answers with.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseLocale, LOCALE_COOKIE } from './choose-locale.ts';

const REMEMBER = (locale: string) => `${LOCALE_COOKIE}=${locale}; Path=/; SameSite=Lax; Max-Age=31536000`;

test('the address chooses and is remembered, the cookie is next, Chinese is the default', () => {
  const cases: [string, string | undefined, string | undefined, ReturnType<typeof chooseLocale>][] = [
    ['nothing: Chinese, nothing remembered', undefined, undefined, { locale: 'zh-CN', setCookie: null }],
    ['?lang=en', 'en', undefined, { locale: 'en', setCookie: REMEMBER('en') }],
    ['?lang=zh-CN over an English cookie', 'zh-CN', 'lang=en',
      { locale: 'zh-CN', setCookie: REMEMBER('zh-CN') }],
    ['the cookie alone', undefined, 'lang=en', { locale: 'en', setCookie: null }],
    ['the cookie among others', undefined, 'session=x; lang=en ; theme=dark',
      { locale: 'en', setCookie: null }],
    ['a cookie whose name only ends in lang', undefined, 'xlang=en', { locale: 'zh-CN', setCookie: null }],
    ['an unknown cookie value', undefined, 'lang=fr', { locale: 'zh-CN', setCookie: null }],
    ['an unknown address value: Chinese, remembered', 'EN', 'lang=en',
      { locale: 'zh-CN', setCookie: REMEMBER('zh-CN') }],
    ['an empty address value', '', undefined, { locale: 'zh-CN', setCookie: REMEMBER('zh-CN') }],
    ['a cookie without a value', undefined, 'lang', { locale: 'zh-CN', setCookie: null }],
  ];
  for (const [name, query, cookie, expected] of cases) {
    assert.deepEqual(chooseLocale(query, cookie), expected, name);
  }
});
