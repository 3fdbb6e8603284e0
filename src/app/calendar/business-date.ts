import { civilDateInZone, type CivilDate } from '../../stdx/civil-date.ts';

/**
 * The product's "today" when a command is not given a date: the calendar date in Beijing time.
 * The demo portfolio is mostly Chinese credit booked in yuan, so its lender closes the day at
 * midnight in China; the demo, `generate` and anything else that defaults a business date use
 * this one function, so a portfolio generated "as of today" and the demo's cycles agree. From
 * 16:00 to 24:00 UTC this is already the next day in UTC terms.
 */
export const BUSINESS_TIME_ZONE = 'Asia/Shanghai';

export function businessDate(now: Date): CivilDate {
  return civilDateInZone(now, BUSINESS_TIME_ZONE);
}
