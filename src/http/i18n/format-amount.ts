import { formatMajor, minorDigits, type Minor } from '../../stdx/money.ts';
import type { Locale } from './locale.ts';

/**
 * An amount as a reader of the locale expects it, with its currency: `¥1,234.56` on a Chinese page
 * for yuan, `$1,234.56` on an English one for dollars, never a bare decimal that leaves the reader
 * to guess the currency. The symbol is the one the locale's CLDR data gives, so it differs where a
 * reader could be misled: yuan are `¥` in Chinese but `CN¥` in English, and dollars are `$` in
 * English but `US$` in Chinese.
 *
 * Exact for any amount: the minor units become a decimal string first (formatMajor, bigint
 * arithmetic), and Intl formats that string without ever making it a float, so an amount beyond
 * 2^53 minor units keeps every digit. The fraction shows exactly the currency's minor digits.
 */
export function formatAmount(minor: Minor, currency: string, locale: Locale): string {
  return formatterOf(currency, locale).format(formatMajor(minor, currency) as Intl.StringNumericLiteral);
}

/** One formatter per locale and currency: building one reads the locale data, formatting does not. */
const FORMATTERS = new Map<string, Intl.NumberFormat>();

function formatterOf(currency: string, locale: Locale): Intl.NumberFormat {
  const key = `${locale} ${currency}`;
  let formatter = FORMATTERS.get(key);
  if (formatter === undefined) {
    const digits = minorDigits(currency);
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits,
    });
    FORMATTERS.set(key, formatter);
  }
  return formatter;
}
