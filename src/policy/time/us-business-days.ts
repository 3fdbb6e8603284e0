import { ZONE_CACHE_ENTRIES_MAX } from '../../config/limits.ts';
import { civilDateOfDay, dayNumberOf } from './zone-clock.ts';

/**
 * US business days for Regulation F's validation period: Saturdays, Sundays and the legal public
 * holidays of 5 U.S.C. 6103(a) are excluded. A holiday on a Saturday is observed the Friday
 * before, one on a Sunday the Monday after.
 */
export function addUsBusinessDays(date: string, days: number): string {
  return civilDateOfDay(usBusinessDaysAfter(dayNumberOf(date), days));
}

/**
 * The day `days` US business days after a day, by day number. Every US evaluation asks this of its
 * validation notice's day, and the same days recur, so the answers are kept.
 */
export function usBusinessDaysAfter(dayNumber: number, days: number): number {
  let byDays = businessDaySums.get(days);
  if (byDays === undefined) {
    byDays = new Map();
    businessDaySums.set(days, byDays);
  }
  let sum = byDays.get(dayNumber);
  if (sum === undefined) {
    sum = countUsBusinessDays(dayNumber, days);
    if (businessDaySumCount >= ZONE_CACHE_ENTRIES_MAX) {
      businessDaySums.clear();
      businessDaySumCount = 0;
      byDays = new Map();
      businessDaySums.set(days, byDays);
    }
    byDays.set(dayNumber, sum);
    businessDaySumCount += 1;
  }
  return sum;
}

/** Kept answers of usBusinessDaysAfter by number of days, then by day. */
const businessDaySums = new Map<number, Map<number, number>>();
let businessDaySumCount = 0;

function countUsBusinessDays(dayNumber: number, days: number): number {
  let day = dayNumber;
  let remaining = days;
  while (remaining > 0) {
    day += 1;
    if (isUsBusinessDay(civilDateOfDay(day))) remaining -= 1;
  }
  return day;
}

export function isUsBusinessDay(date: string): boolean {
  const weekday = (dayNumberOf(date) + 4) % 7; // 1970-01-01 was a Thursday (4); 0 is Sunday.
  if (weekday === 0 || weekday === 6) return false;
  return !federalHolidays(Number(date.slice(0, 4))).has(date);
}

const holidayCache = new Map<number, ReadonlySet<string>>();

export function federalHolidays(year: number): ReadonlySet<string> {
  const cached = holidayCache.get(year);
  if (cached !== undefined) return cached;
  const fixed = [[1, 1], [6, 19], [7, 4], [11, 11], [12, 25]].map(([month, day]) => observed(year, month!,
    day!));
  const floating = [
    nthWeekday(year, 1, 1, 3), nthWeekday(year, 2, 1, 3), lastWeekday(year, 5, 1), nthWeekday(year, 9, 1, 1),
    nthWeekday(year, 10, 1, 2), nthWeekday(year, 11, 4, 4),
  ];
  // New Year's Day of the next year may be observed on 31 December of this one.
  const nextNewYear = observed(year + 1, 1, 1);
  const holidays = new Set([...fixed, ...floating,
    ...(nextNewYear.startsWith(`${year}-`) ? [nextNewYear] : [])]);
  holidayCache.set(year, holidays);
  return holidays;
}

function dateOf(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function weekdayOf(date: string): number {
  return (dayNumberOf(date) + 4) % 7;
}

function observed(year: number, month: number, day: number): string {
  const date = dateOf(year, month, day);
  const weekday = weekdayOf(date);
  if (weekday === 6) return civilDateOfDay(dayNumberOf(date) - 1);
  if (weekday === 0) return civilDateOfDay(dayNumberOf(date) + 1);
  return date;
}

function nthWeekday(year: number, month: number, weekday: number, nth: number): string {
  const first = dateOf(year, month, 1);
  const offset = (weekday - weekdayOf(first) + 7) % 7;
  return civilDateOfDay(dayNumberOf(first) + offset + (nth - 1) * 7);
}

function lastWeekday(year: number, month: number, weekday: number): string {
  const next = month === 12 ? dateOf(year + 1, 1, 1) : dateOf(year, month + 1, 1);
  const last = dayNumberOf(next) - 1;
  const back = (weekdayOf(civilDateOfDay(last)) - weekday + 7) % 7;
  return civilDateOfDay(last - back);
}
