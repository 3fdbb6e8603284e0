import {
  MASKED_PHONE_AREA_DIGITS_MAX, MASKED_PHONE_DIGITS_MIN, MASKED_PHONE_HIDDEN_DIGITS_MIN,
} from '../../config/limits.ts';

/**
 * A phone number as staff see it by default (PIPL's minimum necessary): enough to tell numbers
 * apart and to recognise one a borrower reads out (the leading part that names the country, the
 * area or the mobile network, and the last four digits), never the middle. Only digits (of any
 * script, full-width ones included) are masked; every other character (`+`, spaces, dashes,
 * parentheses) stays in place, so the layout and the length in characters are preserved:
 *
 * - `13812345678` → `138****5678`; `+86 138 1234 5678` → `+86 138 **** 5678`
 * - `+1 (415) 555-0123` → `+1 (415) ***-0123`; `010-12345678` → `010-****5678`
 * - a number of at least 7 digits always hides at least 3 of them and shows the last 4;
 * - a short number (3 to 6 digits, a service or extension number) shows only its last 2;
 * - 1 or 2 digits are all hidden.
 */
export function maskPhone(value: string): string {
  // Any script's decimal digits count (full-width ones are common in Chinese data entry), read as
  // ASCII for the area and network rules.
  const digits = (value.match(DIGIT) ?? []).map((digit) => digit.normalize('NFKC')).join('');
  const count = digits.length;
  if (count < MASKED_PHONE_DIGITS_MIN) {
    return maskDigits(value, 0, count <= SHORT_SHOWN_DIGITS ? count : count - SHORT_SHOWN_DIGITS);
  }
  const international = /^\s*[+＋]/u.test(value);
  const leading = leadingDigits(digits, international);
  const prefix = Math.max(0, Math.min(leading, count - LAST_DIGITS - MASKED_PHONE_HIDDEN_DIGITS_MIN));
  return maskDigits(value, prefix, count - prefix - LAST_DIGITS);
}

const DIGIT = /\p{Nd}/gu;
const SHORT_SHOWN_DIGITS = 2;
const LAST_DIGITS = 4;

/**
 * ITU E.164 country codes starting with these two digits have three digits (852 Hong Kong, 886
 * Taiwan, 971 UAE...); 1 (North America) and 7 (Russia, Kazakhstan) have one; all others have two.
 */
const THREE_DIGIT_COUNTRY_LEADS = new Set([
  '21', '22', '23', '24', '25', '26', '28', '29', '35', '37', '38', '42', '50', '59', '67', '68', '69',
  '80', '83', '85', '87', '88', '89', '96', '97', '99',
]);

function leadingDigits(digits: string, international: boolean): number {
  if (!international) return nationalLeadingDigits(digits);
  const country = digits[0] === '1' || digits[0] === '7' ? 1
    : THREE_DIGIT_COUNTRY_LEADS.has(digits.slice(0, 2)) ? 3 : 2;
  return country + nationalLeadingDigits(digits.slice(country));
}

/** The part of a national number that names its area or network, capped so the middle stays hidden. */
function nationalLeadingDigits(national: string): number {
  // China's area codes: 010 and 02x have three digits with the trunk 0, all others four.
  const areaDigits = national[1] === '1' || national[1] === '2' ? 3 : MASKED_PHONE_AREA_DIGITS_MAX;
  const shown = national.startsWith('0') ? areaDigits
    : national.length === 11 && national.startsWith('1') ? 3 // a mobile number in China
      : national.length === 10 ? 3 // North America's area code; many countries' networks
        : 0;
  return Math.max(0, Math.min(shown, national.length - LAST_DIGITS - MASKED_PHONE_HIDDEN_DIGITS_MIN));
}

/** Replaces `hidden` digits after the first `shown` digits with `*`, leaving other characters alone. */
function maskDigits(value: string, shown: number, hidden: number): string {
  let seen = 0;
  return value.replace(DIGIT, (digit) => {
    const index = seen++;
    return index >= shown && index < shown + hidden ? '*' : digit;
  });
}
