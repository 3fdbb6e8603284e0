import { formatMajor, minorDigits } from '../../stdx/money.ts';
import type { Locale } from './locale.ts';

/**
 * An amount as a person reads it on a page: in the locale's format with its currency
 * ("¥1,234.56", "$1,234.56"), never a bare decimal. The minor units are turned into an exact
 * decimal string first (formatMajor) and Intl formats that string as written, so no amount passes
 * through a float, however large.
 */
const FORMATS = new Map<string, Intl.NumberFormat>();

export function formatMoney(locale: Locale, amountMinor: bigint | string, currency: string): string {
  const key = `${locale} ${currency}`;
  let format = FORMATS.get(key);
  if (format === undefined) {
    const digits = minorDigits(currency);
    format = new Intl.NumberFormat(locale, {
      style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits,
    });
    FORMATS.set(key, format);
  }
  // Intl.NumberFormat reads a decimal string exactly (a string is not converted to a Number).
  const decimal = formatMajor(BigInt(amountMinor), currency) as Intl.StringNumericLiteral;
  return format.format(decimal);
}
