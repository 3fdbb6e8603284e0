// Offsets, local days and windows across daylight-saving changes, compared with Temporal computed directly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Temporal } from 'temporal-polyfill';
import { isInsideWindow, localDayOf, nextInsideAllWindows, offsetMsAt } from './zone-clock.ts';

const ms = (iso: string) => Date.parse(iso);
const iso = (value: number | null) => (value === null ? null : new Date(value).toISOString());

test('New York days around the 2026 changes are 23 and 25 hours long', () => {
  const spring = localDayOf('America/New_York', ms('2026-03-08T12:00:00Z'));
  assert.deepEqual([spring.date, iso(spring.startMs), iso(spring.endMs)],
    ['2026-03-08', '2026-03-08T05:00:00.000Z', '2026-03-09T04:00:00.000Z']);
  const autumn = localDayOf('America/New_York', ms('2026-11-01T12:00:00Z'));
  assert.deepEqual([autumn.date, iso(autumn.startMs), iso(autumn.endMs)],
    ['2026-11-01', '2026-11-01T04:00:00.000Z', '2026-11-02T05:00:00.000Z']);
});

test('the window follows the local clock through the changes', () => {
  const start = 8 * 60;
  const end = 21 * 60;
  assert.equal(isInsideWindow('America/New_York', ms('2026-03-08T11:59:59Z'), start, end), false);
  assert.equal(isInsideWindow('America/New_York', ms('2026-03-08T12:00:00Z'), start, end), true);
  assert.equal(isInsideWindow('America/New_York', ms('2026-11-01T12:59:59Z'), start, end), false);
  assert.equal(isInsideWindow('America/New_York', ms('2026-11-01T13:00:00Z'), start, end), true);
  assert.equal(isInsideWindow('America/New_York', ms('2026-11-02T01:59:59Z'), start, end), true);
  assert.equal(isInsideWindow('America/New_York', ms('2026-11-02T02:00:00Z'), start, end), false);
});

test('the next moment inside every zone\'s window, or none when the windows never overlap', () => {
  const zones = ['America/New_York', 'America/Los_Angeles'];
  assert.equal(iso(nextInsideAllWindows(zones, ms('2026-03-10T12:30:00Z'), 8 * 60, 21 * 60)),
    '2026-03-10T15:00:00.000Z');
  assert.equal(nextInsideAllWindows(['Asia/Shanghai', 'America/New_York'], ms('2026-03-10T00:00:00Z'),
    9 * 60, 10 * 60), null);
});

test('offsets are Temporal\'s at every transition of 1970–2040, a millisecond around it, in between', () => {
  const zones = ['America/New_York', 'Australia/Lord_Howe', 'America/St_Johns', 'Asia/Shanghai',
    'Asia/Urumqi',    'Europe/Moscow', 'Pacific/Apia', 'Asia/Kathmandu', 'UTC'];
  const exact = (zone: string, epochMs: number) =>
    Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(zone).offsetNanoseconds / 1_000_000;
  const endMs = ms('2040-01-01T00:00:00Z');
  for (const zone of zones) {
    const instants: number[] = [];
    let at: Temporal.ZonedDateTime | null =
      Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(zone);
    while (at !== null && at.epochMilliseconds < endMs) {
      const transitionMs = at.epochMilliseconds;
      instants.push(transitionMs - 1, transitionMs, transitionMs + 1, transitionMs + 3_600_000);
      at = at.getTimeZoneTransition('next');
    }
    for (let step = 0; step < 200; step += 1) instants.push(Math.floor((endMs / 200) * step) + step * 7_919);
    // Asked out of order, so that every answer but the first comes from the spans already kept.
    instants.sort((left, right) => (left % 7) - (right % 7) || left - right);
    for (const epochMs of instants) {
      assert.equal(offsetMsAt(zone, epochMs), exact(zone, epochMs), `${zone} at ${iso(epochMs)}`);
    }
  }
});
