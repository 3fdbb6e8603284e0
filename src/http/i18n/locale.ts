/**
 * The languages FairCollect's pages are written in. Chinese is the product's language and the
 * default: a page in English is a choice the reader makes, never a guess from the browser, so that
 * two supervisors opening the same link see the same page.
 */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** Each language's name in itself, as a language switch shows it. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = { 'zh-CN': '中文', en: 'English' };

/** The locale a value names exactly, or the default for anything else (absent, misspelt, unknown). */
export function toLocale(value: string | undefined): Locale {
  return LOCALES.find((locale) => locale === value) ?? DEFAULT_LOCALE;
}
