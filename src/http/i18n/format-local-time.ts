/**
 * An instant as a person reads it on a page: the wall time in a zone, with the zone's name,
 * "2026-12-02 15:30:05 (Asia/Shanghai)". ISO-like in every locale, as the pages' dates are.
 */
const FORMATS = new Map<string, Intl.DateTimeFormat>();

export function formatLocalTime(instant: Date, zone: string): string {
  let format = FORMATS.get(zone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('sv-SE', {
      timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
      second: '2-digit', hourCycle: 'h23',
    });
    FORMATS.set(zone, format);
  }
  return `${format.format(instant)} (${zone})`;
}
