import { Temporal } from 'temporal-polyfill';
import { assert } from '../../stdx/assert.ts';
import { civilDateOf as civilDateOfDay } from '../../stdx/day-number.ts';
import { WINDOW_SEARCH_DAYS_MAX, ZONE_CACHE_ENTRIES_MAX } from '../../config/limits.ts';

/**
 * Local time in an IANA zone, fast enough for a tight evaluation loop. Windows and day boundaries
 * come from Temporal, which handles daylight-saving gaps and overlaps; the results are cached per
 * (zone, local day) and the zone's UTC offset per (zone, UTC hour), so evaluating a million
 * situations costs a few map lookups each instead of a Temporal computation each.
 *
 * Days are numbered from 1970-01-01 (day 0) as civil dates, independent of any zone.
 */
export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

export type LocalDay = {
  readonly zone: string;
  readonly dayNumber: number;
  readonly date: string;
  readonly startMs: number;
  readonly endMs: number;
};

const offsetCache = new Map<string, number>();
const dayCache = new Map<string, LocalDay>();
const wallCache = new Map<string, number>();
const zoneValidity = new Map<string, boolean>();

export function isTimeZone(zone: string): boolean {
  const known = zoneValidity.get(zone);
  if (known !== undefined) return known;
  let valid: boolean;
  try {
    Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(zone);
    valid = true;
  } catch (error) {
    // An unknown zone is a RangeError; anything else is a real failure and propagates.
    if (!(error instanceof RangeError)) throw error;
    valid = false;
  }
  if (zoneValidity.size > ZONE_CACHE_ENTRIES_MAX) zoneValidity.clear();
  zoneValidity.set(zone, valid);
  return valid;
}

/** The zone's UTC offset in milliseconds at an instant. */
export function offsetMsAt(zone: string, epochMs: number): number {
  const hour = Math.floor(epochMs / MS_PER_HOUR);
  const key = `${zone}|${hour}`;
  let cached = offsetCache.get(key);
  if (cached === undefined) {
    const atStart = exactOffsetMs(zone, hour * MS_PER_HOUR);
    const atEnd = exactOffsetMs(zone, (hour + 1) * MS_PER_HOUR - 1);
    // NaN marks an hour with a transition inside it: compute those instants exactly.
    cached = atStart === atEnd ? atStart : Number.NaN;
    remember(offsetCache, key, cached);
  }
  return Number.isNaN(cached) ? exactOffsetMs(zone, epochMs) : cached;
}

/** The local day an instant falls on in a zone. */
export function localDayOf(zone: string, epochMs: number): LocalDay {
  return localDay(zone, Math.floor((epochMs + offsetMsAt(zone, epochMs)) / MS_PER_DAY));
}

/** A local day by number, with the instants it starts and ends (23, 24 or 25 hours apart). */
export function localDay(zone: string, dayNumber: number): LocalDay {
  const key = `${zone}|${dayNumber}`;
  let day = dayCache.get(key);
  if (day === undefined) {
    const date = civilDateOfDay(dayNumber);
    const startMs = startOfDayMs(zone, date);
    const endMs = startOfDayMs(zone, civilDateOfDay(dayNumber + 1));
    day = { zone, dayNumber, date, startMs, endMs };
    remember(dayCache, key, day);
  }
  return day;
}

/**
 * The instant of a wall-clock time (minutes after local midnight) on a local day. A time skipped
 * by a daylight-saving gap resolves to the moment after the gap, a repeated one to its first
 * occurrence (Temporal's "compatible" rule).
 */
export function wallTimeMs(zone: string, dayNumber: number, minutes: number): number {
  assert(minutes >= 0 && minutes <= 24 * 60, 'minutes of the day out of range');
  const key = `${zone}|${dayNumber}|${minutes}`;
  let cached = wallCache.get(key);
  if (cached === undefined) {
    if (minutes === 24 * 60) {
      cached = localDay(zone, dayNumber).endMs;
    } else {
      const date = Temporal.PlainDate.from(civilDateOfDay(dayNumber));
      const wall = date.toPlainDateTime({ hour: Math.floor(minutes / 60), minute: minutes % 60 });
      cached = wall.toZonedDateTime(zone, { disambiguation: 'compatible' }).epochMilliseconds;
    }
    remember(wallCache, key, cached);
  }
  return cached;
}

/** Whether an instant lies in [start, end) local time on its own local day. */
export function isInsideWindow(zone: string, epochMs: number, startMinutes: number,
  endMinutes: number): boolean {
  const day = localDayOf(zone, epochMs);
  return epochMs >= wallTimeMs(zone, day.dayNumber, startMinutes) &&
    epochMs < wallTimeMs(zone, day.dayNumber, endMinutes);
}

/**
 * The earliest instant at or after `fromMs` that lies inside the window in every zone, or null
 * when no such instant exists within WINDOW_SEARCH_DAYS_MAX (zones too far apart for the window).
 */
export function nextInsideAllWindows(
  zones: readonly string[], fromMs: number, startMinutes: number, endMinutes: number,
): number | null {
  assert(zones.length > 0, 'at least one zone');
  const limitMs = fromMs + WINDOW_SEARCH_DAYS_MAX * MS_PER_DAY;
  let candidate = fromMs;
  for (let round = 0; round < zones.length * (WINDOW_SEARCH_DAYS_MAX + 2) * 2; round += 1) {
    let moved = false;
    for (const zone of zones) {
      if (isInsideWindow(zone, candidate, startMinutes, endMinutes)) continue;
      candidate = nextOpeningMs(zone, candidate, startMinutes, endMinutes);
      moved = true;
    }
    if (!moved) return candidate;
    if (candidate > limitMs) return null;
  }
  return null;
}

/** The next window opening strictly after an instant that is outside the window. */
function nextOpeningMs(zone: string, epochMs: number, startMinutes: number, endMinutes: number): number {
  const day = localDayOf(zone, epochMs);
  const opening = wallTimeMs(zone, day.dayNumber, startMinutes);
  if (epochMs < opening) return opening;
  assert(epochMs >= wallTimeMs(zone, day.dayNumber, endMinutes), 'the instant is inside the window');
  return wallTimeMs(zone, day.dayNumber + 1, startMinutes);
}

/** "YYYY-MM-DD" of a day number (days since 1970-01-01), and back: the shared integer arithmetic. */
export { civilDateOf as civilDateOfDay, dayNumberOf } from '../../stdx/day-number.ts';

function startOfDayMs(zone: string, date: string): number {
  return Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: zone }).epochMilliseconds;
}

function exactOffsetMs(zone: string, epochMs: number): number {
  const zoned = Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(zone);
  return zoned.offsetNanoseconds / 1_000_000;
}

function remember<V>(cache: Map<string, V>, key: string, value: V): void {
  if (cache.size >= ZONE_CACHE_ENTRIES_MAX) cache.clear();
  cache.set(key, value);
}
