import type { FastifyReply, FastifyRequest } from 'fastify';
import { chooseLocale, LOCALE_COOKIE } from './choose-locale.ts';
import { LOCALE_NAMES, LOCALES, type Locale } from './locale.ts';
import type { MessageArguments, MessageKey } from './messages.ts';
import { translate, translateWithCode } from './translate.ts';

/** What a server-rendered page needs to speak the reader's language; templates receive it as `it.text`. */
export type PageText = {
  locale: Locale;
  t: <Key extends MessageKey>(key: Key, ...params: MessageArguments<Key>) => string;
  /** HTML: output it raw (`<%~ %>`); the message and its values are escaped. */
  tCode: <Key extends MessageKey>(key: Key, ...params: MessageArguments<Key>) => string;
  /** The other languages, each a link to this same page in it, named in its own language. */
  switches: { locale: Locale; name: string; href: string }[];
};

/** A year: long enough that a reader chooses once, short enough that a browser forgets eventually. */
const LOCALE_COOKIE_AGE_SECONDS = 365 * 24 * 60 * 60;

/**
 * Chooses the request's locale (chooseLocale), remembers a choice made with `?lang=` in the reply's
 * cookie and says which language the reply is in. The reply varies with the cookie, so no cache
 * may serve one reader's language to another.
 */
export function localiseRequest(request: FastifyRequest, reply: FastifyReply): PageText {
  const { locale, remember } = chooseLocale(queryLang(request.query), request.cookies[LOCALE_COOKIE]);
  // Read by the page's own links only, so neither HttpOnly nor Secure is needed for it to work.
  if (remember) {
    reply.setCookie(LOCALE_COOKIE, locale, { path: '/', sameSite: 'lax', maxAge: LOCALE_COOKIE_AGE_SECONDS });
  }
  reply.header('content-language', locale).header('vary', 'cookie');
  const path = request.url.split('?')[0] ?? '/';
  return {
    locale,
    t: (key, ...params) => translate(locale, key, ...params),
    tCode: (key, ...params) => translateWithCode(locale, key, ...params),
    switches: LOCALES.filter((other) => other !== locale)
      .map((other) => ({ locale: other, name: LOCALE_NAMES[other], href: `${path}?lang=${other}` })),
  };
}

function queryLang(query: unknown): string | undefined {
  if (typeof query !== 'object' || query === null || !('lang' in query)) return undefined;
  return typeof query.lang === 'string' ? query.lang : undefined;
}
