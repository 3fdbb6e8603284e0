import { DEFAULT_LOCALE, toLocale, type Locale } from './locale.ts';

/** The cookie that remembers a reader's language across pages and visits. */
export const LOCALE_COOKIE = 'lang';

type LocaleChoice = {
  locale: Locale;
  /** Whether the request chose a language, which the reply then remembers in the cookie. */
  remember: boolean;
};

/**
 * A request's locale: a `?lang=` in the address chooses it and is remembered in the cookie; without
 * one, the cookie's value; without that, Chinese. Accept-Language is deliberately not read: Chinese
 * is the product's language, and a page should not change with a browser setting the reader never
 * chose. An unknown value means the default, so a stale link or cookie still shows a page.
 */
export function chooseLocale(query: string | undefined, remembered: string | undefined): LocaleChoice {
  if (query !== undefined) return { locale: toLocale(query), remember: true };
  return { locale: remembered === undefined ? DEFAULT_LOCALE : toLocale(remembered), remember: false };
}
