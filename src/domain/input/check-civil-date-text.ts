import { Temporal } from 'temporal-polyfill';
import { CALENDAR_YEAR_MAX, CALENDAR_YEAR_MIN } from '../../config/limits.ts';

/**
 * Reads a civil date "YYYY-MM-DD" that exists, in the calendar's year range, or returns null.
 * The pure core's own `parseCivilDate` accepts any real date; input from outside goes through here.
 */
export function checkCivilDateText(text: string): string | null {
  const match = CIVIL_DATE.exec(text);
  if (match === null) return null;
  const year = Number(match[1]);
  if (year < CALENDAR_YEAR_MIN || year > CALENDAR_YEAR_MAX) return null;
  try {
    return Temporal.PlainDate.from(text, { overflow: 'reject' }).toString();
  } catch {
    return null; // not a real day of the calendar: the caller reports the field
  }
}

const CIVIL_DATE = /^(\d{4})-\d{2}-\d{2}$/;
