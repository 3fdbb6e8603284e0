import type { Facts } from '../../engine/facts.ts';
import { usBusinessDaysAfter } from '../../time/us-business-days.ts';
import { localDay, localDayOf } from '../../time/zone-clock.ts';

/**
 * The end of Regulation F's validation period, as an instant: the notice is assumed received 5
 * business days after it was sent, and the period ends 30 days after receipt (the end of that
 * local day for the consumer). Null when no validation notice was sent.
 */
export function validationPeriodEndMs(facts: Facts): number | null {
  const notice = facts.events('validation_notice')[0];
  if (notice === undefined) return null;
  const zone = facts.borrowerZones[0]!;
  const received = usBusinessDaysAfter(localDayOf(zone, notice.atMs).dayNumber, 5);
  return localDay(zone, received + 30).endMs;
}
