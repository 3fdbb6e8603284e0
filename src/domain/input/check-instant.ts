import { checkCivilDateText } from './check-civil-date-text.ts';

/**
 * Reads an instant written as RFC 3339 with a zone designator ("2026-03-08T09:30:00+08:00" or
 * "…Z"), or returns null. Checked, not only shaped: the day must exist (no 2026-02-30, which
 * `new Date` silently rolls to 2 March), hours, minutes, seconds and the offset must be in range,
 * and the year must lie in [CALENDAR_YEAR_MIN, CALENDAR_YEAR_MAX]. A leap second (":60") is
 * refused: JavaScript time has none, so it could only be stored as another instant.
 */
export function checkInstant(text: string): Date | null {
  const match = INSTANT.exec(text);
  if (match === null) return null;
  const [, date, hour, minute, second, fraction, zone] = match;
  if (checkCivilDateText(date!) === null) return null;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return null;
  const offset = zone!.toUpperCase() === 'Z' ? 'Z' : zone!;
  if (offset !== 'Z' && (Number(offset.slice(1, 3)) > 23 || Number(offset.slice(4, 6)) > 59)) return null;
  const millis = (fraction ?? '').slice(0, 3).padEnd(3, '0');
  const instant = new Date(`${date}T${hour}:${minute}:${second}.${millis}${offset}`);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

const INSTANT =
  /^(\d{4}-\d{2}-\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?([Zz]|[+-]\d{2}:\d{2})$/;
