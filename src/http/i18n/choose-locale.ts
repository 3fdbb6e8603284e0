import { DEFAULT_LOCALE, toLocale, type Locale } from './locale.ts';

/** The cookie that remembers a reader's language across pages and visits. */
export const LOCALE_COOKIE = 'lang';
/** A year: long enough that a reader chooses once, short enough that a browser forgets eventually. */
const LOCALE_COOKIE_AGE_SECONDS = 365 * 24 * 60 * 60;

type LocaleChoice = {
  locale: Locale;
  /** The Set-Cookie value that remembers the choice, when the request made one; null otherwise. */
  setCookie: string | null;
};

/**
 * A request's locale: a `?lang=` in the address chooses it and is remembered in the cookie; without
 * one, the cookie; without that, Chinese. Accept-Language is deliberately not read: Chinese is the
 * product's language, and a page should not change with a browser setting the reader never chose.
 * An unknown value means the default, so a stale link or cookie still shows a page.
 */
export function chooseLocale(query: string | undefined, cookieHeader: string | undefined): LocaleChoice {
  if (query !== undefined) {
    const locale = toLocale(query);
    const remember = `${LOCALE_COOKIE}=${locale}; Path=/; SameSite=Lax; Max-Age=${LOCALE_COOKIE_AGE_SECONDS}`;
    return { locale, setCookie: remember };
  }
  const remembered = readCookie(cookieHeader ?? '', LOCALE_COOKIE);
  return { locale: remembered === undefined ? DEFAULT_LOCALE : toLocale(remembered), setCookie: null };
}

/** One cookie's value from a Cookie header (`a=1; lang=en`), the first when a name repeats. */
function readCookie(header: string, name: string): string | undefined {
  for (const pair of header.split(';')) {
    const separator = pair.indexOf('=');
    if (separator !== -1 && pair.slice(0, separator).trim() === name) return pair.slice(separator + 1).trim();
  }
  return undefined;
}
