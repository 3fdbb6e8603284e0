import { Temporal } from 'temporal-polyfill';
import { assert } from './assert.ts';

/**
 * A civil date is a calendar day with no time and no zone, written "YYYY-MM-DD". Due dates, value
 * dates and cycle dates are civil dates: a bill due on 2026-03-08 is due on that day wherever the
 * server runs. Keeping them as strings (and as SQL `date`) avoids the classic off-by-one where a
 * midnight UTC timestamp lands on the previous day in Asia/Shanghai or America/Los_Angeles.
 */
export type CivilDate = string;

const PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Returns null for anything that is not a real calendar date ("2026-02-30" is not). */
export function parseCivilDate(text: string): CivilDate | null {
  const trimmed = text.trim();
  if (!PATTERN.test(trimmed)) return null;
  try {
    return Temporal.PlainDate.from(trimmed, { overflow: 'reject' }).toString();
  } catch {
    return null;
  }
}

export function assertCivilDate(value: string): CivilDate {
  assert(PATTERN.test(value), `not a civil date: ${value}`);
  return value;
}

export function addDays(date: CivilDate, days: number): CivilDate {
  return Temporal.PlainDate.from(date).add({ days }).toString();
}

export function addMonths(date: CivilDate, months: number): CivilDate {
  // Temporal constrains 01-31 + 1 month to the month's last day, as lenders' schedules do.
  return Temporal.PlainDate.from(date).add({ months }).toString();
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: CivilDate, to: CivilDate): number {
  return Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to), { largestUnit: 'days' }).days;
}

export function compareCivil(a: CivilDate, b: CivilDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function minCivil(a: CivilDate, b: CivilDate): CivilDate {
  return a < b ? a : b;
}

export function maxCivil(a: CivilDate, b: CivilDate): CivilDate {
  return a > b ? a : b;
}

/** The civil date of an instant in an IANA zone. */
export function civilDateInZone(instant: Date, zone: string): CivilDate {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime())
    .toZonedDateTimeISO(zone)
    .toPlainDate()
    .toString();
}
