import { assert } from './assert.ts';

/**
 * Money is an integer count of minor units (fen, cents) as a bigint, always paired with an
 * ISO 4217 currency code where it crosses a boundary. Floats never touch money: 0.1 + 0.2 is not
 * 0.3, and a ledger that drifts by a fen a day is a ledger nobody can defend in a dispute.
 */
export type Minor = bigint;

export type Money = { readonly amountMinor: Minor; readonly currency: string };

const CURRENCY_PATTERN = /^[A-Z]{3}$/;

/** Minor units per major unit for the currencies the product handles. */
const MINOR_DIGITS: Readonly<Record<string, number>> = { CNY: 2, USD: 2, GBP: 2, EUR: 2, HKD: 2 };

export function isCurrency(code: string): boolean {
  return CURRENCY_PATTERN.test(code) && MINOR_DIGITS[code] !== undefined;
}

export function minorDigits(currency: string): number {
  const digits = MINOR_DIGITS[currency];
  assert(digits !== undefined, `unknown currency ${currency}`);
  return digits;
}

/**
 * Parses a decimal string such as "1234.5" into minor units, exactly. Returns null when the text
 * is not a plain decimal with at most the currency's number of fraction digits.
 */
export function parseMajor(text: string, currency: string): Minor | null {
  const digits = minorDigits(currency);
  const match = /^(-?)(\d{1,15})(?:\.(\d+))?$/.exec(text.trim());
  if (match === null) return null;
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > digits) return null;
  const minor = BigInt(whole!) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0');
  return sign === '-' ? -minor : minor;
}

/** Formats minor units as a plain decimal string ("1234.50"). */
export function formatMajor(amountMinor: Minor, currency: string): string {
  const digits = minorDigits(currency);
  const negative = amountMinor < 0n;
  const absolute = negative ? -amountMinor : amountMinor;
  const scale = 10n ** BigInt(digits);
  const whole = absolute / scale;
  const fraction = (absolute % scale).toString().padStart(digits, '0');
  return `${negative ? '-' : ''}${whole}${digits > 0 ? `.${fraction}` : ''}`;
}

/**
 * Multiplies by a ratio numerator/denominator and rounds half to even (banker's rounding), so
 * that rounding errors over many accruals cancel instead of drifting one way.
 */
export function mulDivRound(amountMinor: Minor, numerator: bigint, denominator: bigint): Minor {
  assert(denominator > 0n, 'denominator must be positive');
  const product = amountMinor * numerator;
  const quotient = product / denominator;
  const remainder = product % denominator;
  const twice = (remainder < 0n ? -remainder : remainder) * 2n;
  if (twice < denominator) return quotient;
  const away = product < 0n ? quotient - 1n : quotient + 1n;
  if (twice > denominator) return away;
  return quotient % 2n === 0n ? quotient : away;
}

export function minMinor(a: Minor, b: Minor): Minor {
  return a < b ? a : b;
}

export function maxMinor(a: Minor, b: Minor): Minor {
  return a > b ? a : b;
}

export function sumMinor(values: readonly Minor[]): Minor {
  let total = 0n;
  for (const value of values) total += value;
  return total;
}
