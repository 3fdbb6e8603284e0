import { Temporal } from 'temporal-polyfill';
import { parseCivilDate } from '../../stdx/civil-date.ts';
import { isCurrency, parseMajor, type Minor } from '../../stdx/money.ts';

/**
 * Field-level parsing for import rows. Every parser returns the value or a rejection with a
 * snake_case reason and a sentence, so a bad cell becomes a line in the error report instead of an
 * exception that would lose the good rows around it.
 */
export type FieldProblem = { field: string | null; reason: string; message: string };
export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: FieldProblem };

export type RawRow = Readonly<Record<string, string | undefined>>;

export const TEXT_LENGTH_MAX = 200;
export const EXTERNAL_ID_PATTERN = /^[A-Za-z0-9._:@-]{1,128}$/;

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (field: string, reason: string, message: string): Parsed<never> => ({
  ok: false,
  problem: { field, reason, message },
});

function present(row: RawRow, field: string): string | null {
  const value = row[field]?.trim();
  return value === undefined || value === '' ? null : value;
}

export function requiredText(row: RawRow, field: string, pattern?: RegExp): Parsed<string> {
  const value = present(row, field);
  if (value === null) return fail(field, 'missing_field', `${field} is required`);
  if (value.length > TEXT_LENGTH_MAX)
    return fail(field, 'value_too_long', `${field} is longer than ${TEXT_LENGTH_MAX} characters`);
  if (pattern !== undefined && !pattern.test(value))
    return fail(field, 'invalid_value', `${field} "${value}" has an invalid format`);
  return ok(value);
}

export function optionalText(row: RawRow, field: string): Parsed<string | null> {
  const value = present(row, field);
  if (value !== null && value.length > TEXT_LENGTH_MAX) {
    return fail(field, 'value_too_long', `${field} is longer than ${TEXT_LENGTH_MAX} characters`);
  }
  return ok(value);
}

export function oneOf<T extends string>(
  row: RawRow,
  field: string,
  values: readonly T[],
  fallback?: T,
): Parsed<T> {
  const value = present(row, field);
  if (value === null)
    return fallback === undefined ? fail(field, 'missing_field', `${field} is required`) : ok(fallback);
  if (!(values as readonly string[]).includes(value)) {
    return fail(field, 'invalid_value', `${field} "${value}" is not one of ${values.join(', ')}`);
  }
  return ok(value as T);
}

export function civilDate(row: RawRow, field: string): Parsed<string> {
  const value = present(row, field);
  if (value === null) return fail(field, 'missing_field', `${field} is required`);
  const date = parseCivilDate(value);
  return date === null
    ? fail(field, 'invalid_date', `${field} "${value}" is not a real date YYYY-MM-DD`)
    : ok(date);
}

export function integer(
  row: RawRow,
  field: string,
  min: number,
  max: number,
  fallback?: number,
): Parsed<number> {
  const value = present(row, field);
  if (value === null)
    return fallback === undefined ? fail(field, 'missing_field', `${field} is required`) : ok(fallback);
  if (!/^-?\d+$/.test(value))
    return fail(field, 'invalid_number', `${field} "${value}" is not a whole number`);
  const number = Number(value);
  if (number < min || number > max)
    return fail(field, 'out_of_range', `${field} ${value} is outside ${min}..${max}`);
  return ok(number);
}

/** A decimal amount in major units ("1234.50") in the given currency, never negative. */
export function amount(row: RawRow, field: string, currency: string, fallback?: Minor): Parsed<Minor> {
  const value = present(row, field);
  if (value === null)
    return fallback === undefined ? fail(field, 'missing_field', `${field} is required`) : ok(fallback);
  const minor = parseMajor(value, currency);
  if (minor === null)
    return fail(field, 'invalid_amount', `${field} "${value}" is not an amount in ${currency}`);
  if (minor < 0n) return fail(field, 'negative_amount', `${field} ${value} is negative`);
  return ok(minor);
}

export function currency(row: RawRow, field: string): Parsed<string> {
  const value = present(row, field);
  if (value === null) return fail(field, 'missing_field', `${field} is required`);
  return isCurrency(value)
    ? ok(value)
    : fail(field, 'invalid_currency', `${field} "${value}" is not a supported ISO 4217 code`);
}

export function boolean(row: RawRow, field: string, fallback: boolean): Parsed<boolean> {
  const value = present(row, field)?.toLowerCase() ?? null;
  if (value === null) return ok(fallback);
  if (value === 'true' || value === '1' || value === 'yes') return ok(true);
  if (value === 'false' || value === '0' || value === 'no') return ok(false);
  return fail(field, 'invalid_value', `${field} "${value}" is not true or false`);
}

export function timeZone(value: string, field: string): Parsed<string> {
  try {
    // Resolving a fixed date in the zone validates the name without reading the clock.
    Temporal.PlainDate.from('2000-01-01').toZonedDateTime(value);
    return ok(value);
  } catch {
    return fail(field, 'invalid_time_zone', `${field} "${value}" is not an IANA time zone`);
  }
}

/** A ";"-separated list (JSON arrays are joined the same way by the JSONL reader). */
export function list(row: RawRow, field: string): string[] {
  return (present(row, field) ?? '')
    .split(';')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
