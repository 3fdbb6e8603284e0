import { Temporal } from 'temporal-polyfill';
import {
  CALENDAR_YEAR_MAX, CALENDAR_YEAR_MIN, IMPORT_AMOUNT_MINOR_MAX, IMPORT_TEXT_CHARS_MAX,
  IMPORT_TIME_ZONES_KEPT_MAX,
} from '../../config/limits.ts';
import { formatMajor, isCurrency, parseMajor, type Minor } from '../../stdx/money.ts';

/**
 * Field-level parsing for import rows. Every parser returns the value or a rejection with a
 * snake_case reason and a sentence, so a bad cell becomes a line in the error report instead of an
 * exception that would lose the good rows around it. The parsers run once per cell of files with
 * millions of rows, so the common checks avoid allocation and the slow ones (time zones) are cached.
 */
export type FieldProblem = { field: string | null; reason: string; message: string };
export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: FieldProblem };

export type RawRow = Readonly<Record<string, string | undefined>>;

export const EXTERNAL_ID_PATTERN = /^[A-Za-z0-9._:@-]{1,128}$/;

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });

export function fail(field: string, reason: string, message: string): Parsed<never> {
  return { ok: false, problem: { field, reason, message } };
}

function present(row: RawRow, field: string): string | null {
  const value = row[field]?.trim();
  return value === undefined || value === '' ? null : value;
}

const missing = (field: string) => fail(field, 'missing_field', `${field} is required.`);
const tooLong = (field: string) =>
  fail(field, 'value_too_long', `${field} is longer than ${IMPORT_TEXT_CHARS_MAX} characters.`);

export function requiredText(row: RawRow, field: string, pattern?: RegExp): Parsed<string> {
  const value = present(row, field);
  if (value === null) return missing(field);
  if (value.length > IMPORT_TEXT_CHARS_MAX) return tooLong(field);
  if (pattern !== undefined && !pattern.test(value)) {
    return fail(field, 'invalid_value', `${field} "${value}" has an invalid format.`);
  }
  return ok(value);
}

export function optionalText(row: RawRow, field: string, pattern?: RegExp): Parsed<string | null> {
  const value = present(row, field);
  if (value === null) return ok(null);
  if (value.length > IMPORT_TEXT_CHARS_MAX) return tooLong(field);
  if (pattern !== undefined && !pattern.test(value)) {
    return fail(field, 'invalid_value', `${field} "${value}" has an invalid format.`);
  }
  return ok(value);
}

export function oneOf<T extends string>(
  row: RawRow, field: string, values: readonly T[], fallback?: T,
): Parsed<T> {
  const value = present(row, field);
  if (value === null) return fallback === undefined ? missing(field) : ok(fallback);
  if (!(values as readonly string[]).includes(value)) {
    return fail(field, 'invalid_value', `${field} "${value}" is not one of ${values.join(', ')}.`);
  }
  return ok(value as T);
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * True for a date that exists on the calendar ("2026-02-30" does not) within the product's year
 * range (CALENDAR_YEAR_MIN to _MAX); a year outside it is a typing error, not a date. Cheaper than
 * `checkCivilDateText`, which builds a Temporal date, because it runs on every date cell.
 */
export function isRealDate(text: string): boolean {
  const match = DATE_PATTERN.exec(text);
  if (match === null) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < CALENDAR_YEAR_MIN || year > CALENDAR_YEAR_MAX) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}

export function civilDate(row: RawRow, field: string): Parsed<string> {
  const value = present(row, field);
  if (value === null) return missing(field);
  if (!isRealDate(value)) {
    return fail(field, 'invalid_date', `${field} "${value}" is not a real date YYYY-MM-DD.`);
  }
  return ok(value);
}

const INTEGER_PATTERN = /^-?\d{1,15}$/;

export function integer(
  row: RawRow, field: string, min: number, max: number, fallback?: number,
): Parsed<number> {
  const value = present(row, field);
  if (value === null) return fallback === undefined ? missing(field) : ok(fallback);
  if (!INTEGER_PATTERN.test(value)) {
    return fail(field, 'invalid_number', `${field} "${value}" is not a whole number.`);
  }
  const number = Number(value);
  if (number < min || number > max) {
    return fail(field, 'out_of_range', `${field} ${value} is outside ${min} to ${max}.`);
  }
  return ok(number);
}

/**
 * A decimal amount in major units ("1234.50") in the given currency, never negative and at most
 * `max` minor units: an absurd amount is refused here rather than summed into an overflow later.
 */
export function amount(row: RawRow, field: string, currencyCode: string, fallback?: Minor,
  max: Minor = IMPORT_AMOUNT_MINOR_MAX): Parsed<Minor> {
  const value = present(row, field);
  if (value === null) return fallback === undefined ? missing(field) : ok(fallback);
  const minor = parseMajor(value, currencyCode);
  if (minor === null) {
    return fail(field, 'invalid_amount', `${field} "${value}" is not an amount in ${currencyCode}.`);
  }
  if (minor < 0n) return fail(field, 'negative_amount', `${field} ${value} is negative.`);
  if (minor > max) {
    const largest = `${formatMajor(max, currencyCode)} ${currencyCode}`;
    return fail(field, 'amount_out_of_range', `${field} ${value} is above ${largest}, the largest accepted.`);
  }
  return ok(minor);
}

export function currency(row: RawRow, field: string): Parsed<string> {
  const value = present(row, field);
  if (value === null) return missing(field);
  if (!isCurrency(value)) {
    return fail(field, 'invalid_currency', `${field} "${value}" is not a supported ISO 4217 code.`);
  }
  return ok(value);
}

export function boolean(row: RawRow, field: string, fallback: boolean): Parsed<boolean> {
  const value = present(row, field)?.toLowerCase() ?? null;
  if (value === null) return ok(fallback);
  if (value === 'true' || value === '1' || value === 'yes') return ok(true);
  if (value === 'false' || value === '0' || value === 'no') return ok(false);
  return fail(field, 'invalid_value', `${field} "${value}" is not true or false.`);
}

/** IANA names are words joined by "/" ("Asia/Shanghai", "Etc/GMT-8", "UTC"); offsets are not zones. */
const TIME_ZONE_PATTERN = /^[A-Za-z][A-Za-z_]*(\/[A-Za-z0-9_+-]+)*$/;
const knownTimeZones = new Map<string, boolean>();

/** Whether the name is an IANA time zone; the answers are cached because each lookup is slow. */
export function isTimeZone(name: string): boolean {
  const known = knownTimeZones.get(name);
  if (known !== undefined) return known;
  let valid = TIME_ZONE_PATTERN.test(name);
  if (valid) {
    try {
      // Resolving a fixed date in the zone validates the name without reading the clock.
      Temporal.PlainDate.from('2000-01-01').toZonedDateTime(name);
    } catch {
      valid = false;
    }
  }
  if (knownTimeZones.size < IMPORT_TIME_ZONES_KEPT_MAX) knownTimeZones.set(name, valid);
  return valid;
}

export function timeZone(value: string, field: string): Parsed<string> {
  if (isTimeZone(value)) return ok(value);
  return fail(field, 'invalid_time_zone', `${field} "${value}" is not an IANA time zone.`);
}

/** A ";"-separated list (JSON arrays are joined the same way by the JSONL reader). */
export function list(row: RawRow, field: string): string[] {
  const value = present(row, field);
  if (value === null) return [];
  return value.split(';').map((item) => item.trim()).filter((item) => item !== '');
}
