import { yearMonthDayOf } from './day-number.ts';

/**
 * `new Date(epochMs).toISOString()`, exactly: "2026-03-10T08:30:00.000Z". Every Decision writes its
 * instants this way (when it was made, when each denial lifts), and the general formatter costs about
 * a microsecond each; instants of the years 0000 to 9999 are written here with integer arithmetic, and
 * anything else (fractions of a millisecond, expanded years, values that are not instants) goes to
 * `toISOString` itself, which also throws for what is not an instant.
 */
export function formatInstant(epochMs: number): string {
  if (!Number.isInteger(epochMs) || epochMs < YEAR_0000_MS || epochMs >= YEAR_10000_MS) {
    return new Date(epochMs).toISOString();
  }
  const dayNumber = Math.floor(epochMs / MS_PER_DAY);
  if (dayNumber !== lastDayNumber) {
    const { year, month, day } = yearMonthDayOf(dayNumber);
    lastDayNumber = dayNumber;
    lastDatePrefix = `${pad4(year)}-${pad2(month)}-${pad2(day)}T`;
  }
  let rest = epochMs - dayNumber * MS_PER_DAY;
  const hour = Math.floor(rest / MS_PER_HOUR);
  rest -= hour * MS_PER_HOUR;
  const minute = Math.floor(rest / MS_PER_MINUTE);
  rest -= minute * MS_PER_MINUTE;
  const second = Math.floor(rest / MS_PER_SECOND);
  const millisecond = rest - second * MS_PER_SECOND;
  return `${lastDatePrefix}${pad2(hour)}:${pad2(minute)}:${pad2(second)}.`
    + `${millisecond < 100 ? (millisecond < 10 ? '00' : '0') : ''}${millisecond}Z`;
}

/** The date part of the last day written: the instants of one Decision mostly share a day. */
let lastDayNumber = Number.NaN;
let lastDatePrefix = '';

/** 0000-01-01T00:00:00.000Z and 10000-01-01T00:00:00.000Z, the bounds of four-digit years. */
const YEAR_0000_MS = -62_167_219_200_000;
const YEAR_10000_MS = 253_402_300_800_000;
const MS_PER_SECOND = 1_000;
const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;

function pad2(value: number): string {
  return value < 10 ? `0${value}` : `${value}`;
}

function pad4(value: number): string {
  return value < 1000 ? `${value}`.padStart(4, '0') : `${value}`;
}
