import { Temporal } from 'temporal-polyfill';
import { assert } from '../../stdx/assert.ts';
import { civilDateOf as civilDateOfDay } from '../../stdx/day-number.ts';
import { WINDOW_SEARCH_DAYS_MAX, ZONE_CACHE_ENTRIES_MAX } from '../../config/limits.ts';

/**
 * Local time in an IANA zone, fast enough for a tight evaluation loop. Offsets, windows and day
 * boundaries come from Temporal, which handles daylight-saving gaps and overlaps; the results are
 * cached per zone: each offset with the span between the two transitions around it (half a year
 * where the clocks change, decades where they do not), days and wall-clock times per local day, so
 * evaluating a million situations costs a few comparisons and map lookups each instead of a
 * Temporal computation each.
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

/**
 * The caches of one zone, keyed by numbers (local day number, day and minute) so that a lookup builds
 * no string. The last span and day asked for are kept beside them: one evaluation asks about the same
 * few instants again and again.
 */
type ZoneCache = {
  /** Spans of constant offset met so far, each from one transition (inclusive) to the next. */
  readonly spans: OffsetSpan[];
  readonly days: Map<number, LocalDay>;
  /** Instants of wall-clock times, keyed by `dayNumber * MINUTES_PER_DAY_KEYS + minutes`. */
  readonly walls: Map<number, number>;
  lastSpan: OffsetSpan | null;
  lastDay: LocalDay | null;
};

/** The zone keeps one UTC offset from `startMs` (a transition, or -∞) until `endMs` (the next, or +∞). */
type OffsetSpan = { readonly startMs: number; readonly endMs: number; readonly offsetMs: number };

/** 24 * 60 + 1 minute values (00:00 to 24:00 inclusive) per day in a wall-time key. */
const MINUTES_PER_DAY_KEYS = 24 * 60 + 1;
const zoneCaches = new Map<string, ZoneCache>();
/** Entries over every zone's maps: all of them start over together past ZONE_CACHE_ENTRIES_MAX. */
let zoneEntries = 0;
const zoneValidity = new Map<string, boolean>();

function zoneCache(zone: string): ZoneCache {
  let cache = zoneCaches.get(zone);
  if (cache === undefined) {
    cache = { spans: [], days: new Map(), walls: new Map(), lastSpan: null, lastDay: null };
    rememberInZone(zoneCaches, zone, cache);
  }
  return cache;
}

function rememberInZone<K, V>(map: Map<K, V>, key: K, value: V): void {
  makeRoomInZones();
  map.set(key, value);
  zoneEntries += 1;
}

function makeRoomInZones(): void {
  if (zoneEntries >= ZONE_CACHE_ENTRIES_MAX) {
    // Emptied in place: a caller may hold a zone's cache while it adds to it.
    for (const cache of zoneCaches.values()) {
      cache.spans.length = 0;
      cache.days.clear();
      cache.walls.clear();
    }
    zoneCaches.clear();
    zoneEntries = 0;
  }
}

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
  return cachedOffsetMs(zoneCache(zone), zone, epochMs);
}

function cachedOffsetMs(cache: ZoneCache, zone: string, epochMs: number): number {
  const last = cache.lastSpan;
  if (last !== null && epochMs >= last.startMs && epochMs < last.endMs) return last.offsetMs;
  let found: OffsetSpan | undefined;
  for (const span of cache.spans) {
    if (epochMs >= span.startMs && epochMs < span.endMs) {
      found = span;
      break;
    }
  }
  if (found === undefined) {
    found = offsetSpan(zone, epochMs);
    makeRoomInZones();
    cache.spans.push(found);
    zoneEntries += 1;
  }
  cache.lastSpan = found;
  return found.offsetMs;
}

/**
 * The offset at an instant and the span it holds for: from the latest transition at or before the
 * instant to the first after it, as Temporal's zone data has them (no transition either way: no end).
 */
function offsetSpan(zone: string, epochMs: number): OffsetSpan {
  const atMs = Math.floor(epochMs);
  const zoned = Temporal.Instant.fromEpochMilliseconds(atMs).toZonedDateTimeISO(zone);
  // "previous" is strictly before its instant: asked a millisecond later, it finds a transition at atMs too.
  const previous = Temporal.Instant.fromEpochMilliseconds(atMs + 1).toZonedDateTimeISO(zone)
    .getTimeZoneTransition('previous');
  const next = zoned.getTimeZoneTransition('next');
  return {
    startMs: previous?.epochMilliseconds ?? Number.NEGATIVE_INFINITY,
    endMs: next?.epochMilliseconds ?? Number.POSITIVE_INFINITY,
    offsetMs: zoned.offsetNanoseconds / 1_000_000,
  };
}

/** The local day an instant falls on in a zone. */
export function localDayOf(zone: string, epochMs: number): LocalDay {
  return cachedLocalDayOf(zoneCache(zone), zone, epochMs);
}

function cachedLocalDayOf(cache: ZoneCache, zone: string, epochMs: number): LocalDay {
  const localMs = epochMs + cachedOffsetMs(cache, zone, epochMs);
  return cachedLocalDay(cache, zone, Math.floor(localMs / MS_PER_DAY));
}

/** A local day by number, with the instants it starts and ends (23, 24 or 25 hours apart). */
export function localDay(zone: string, dayNumber: number): LocalDay {
  return cachedLocalDay(zoneCache(zone), zone, dayNumber);
}

function cachedLocalDay(cache: ZoneCache, zone: string, dayNumber: number): LocalDay {
  const last = cache.lastDay;
  if (last !== null && last.dayNumber === dayNumber) return last;
  let day = cache.days.get(dayNumber);
  if (day === undefined) {
    const date = civilDateOfDay(dayNumber);
    const startMs = startOfDayMs(zone, date);
    const endMs = startOfDayMs(zone, civilDateOfDay(dayNumber + 1));
    day = { zone, dayNumber, date, startMs, endMs };
    rememberInZone(cache.days, dayNumber, day);
  }
  cache.lastDay = day;
  return day;
}

/**
 * The instant of a wall-clock time (minutes after local midnight) on a local day. A time skipped
 * by a daylight-saving gap resolves to the moment after the gap, a repeated one to its first
 * occurrence (Temporal's "compatible" rule).
 */
export function wallTimeMs(zone: string, dayNumber: number, minutes: number): number {
  assert(minutes >= 0 && minutes <= 24 * 60, 'minutes of the day out of range');
  return cachedWallTimeMs(zoneCache(zone), zone, dayNumber, minutes);
}

function cachedWallTimeMs(cache: ZoneCache, zone: string, dayNumber: number, minutes: number): number {
  const key = dayNumber * MINUTES_PER_DAY_KEYS + minutes;
  let cached = cache.walls.get(key);
  if (cached === undefined) {
    if (minutes === 24 * 60) {
      cached = cachedLocalDay(cache, zone, dayNumber).endMs;
    } else {
      const date = Temporal.PlainDate.from(civilDateOfDay(dayNumber));
      const wall = date.toPlainDateTime({ hour: Math.floor(minutes / 60), minute: minutes % 60 });
      cached = wall.toZonedDateTime(zone, { disambiguation: 'compatible' }).epochMilliseconds;
    }
    rememberInZone(cache.walls, key, cached);
  }
  return cached;
}

/** Whether an instant lies in [start, end) local time on its own local day. */
export function isInsideWindow(zone: string, epochMs: number, startMinutes: number,
  endMinutes: number): boolean {
  assert(startMinutes >= 0 && startMinutes <= 24 * 60 && endMinutes >= 0 && endMinutes <= 24 * 60,
    'minutes of the day out of range');
  const cache = zoneCache(zone);
  const dayNumber = cachedLocalDayOf(cache, zone, epochMs).dayNumber;
  return epochMs >= cachedWallTimeMs(cache, zone, dayNumber, startMinutes) &&
    epochMs < cachedWallTimeMs(cache, zone, dayNumber, endMinutes);
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

