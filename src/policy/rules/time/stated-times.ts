import type { Facts, TimedAgreement } from '../../engine/facts.ts';
import { parseInstantMs } from '../../../stdx/parse-instant-ms.ts';
import { isInsideWindow, localDayOf, nextInsideAllWindows, wallTimeMs } from '../../time/zone-clock.ts';

/**
 * What the person said about their own times, read by the time rules of both packs: a contact time
 * they agreed (a period, or a daily time such as "between 6 and 9 pm"), a contact time they gave as
 * the only convenient one ("only evenings"), and times they said are inconvenient ("not before
 * noon"). Daily times are the person's local times and must hold in every candidate zone, as the
 * default window does: a time that is convenient in one zone and not in another is not known to be
 * convenient.
 */
const MINUTES_PER_DAY = 24 * 60;

const minutesOfDay = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Whether an agreed contact time covers now: its period holds, and its daily time in every zone. */
export function agreementCoversNow(agreement: TimedAgreement, facts: Facts,
  zones: readonly string[]): boolean {
  const daily = agreement.dailyFrom !== undefined && agreement.dailyUntil !== undefined;
  if (!daily && (agreement.startsMs === null || agreement.endsMs === null)) return false;
  if (agreement.startsMs !== null && facts.nowMs < agreement.startsMs) return false;
  if (agreement.endsMs !== null && facts.nowMs >= agreement.endsMs) return false;
  if (!daily) return true;
  const from = minutesOfDay(agreement.dailyFrom!);
  const until = minutesOfDay(agreement.dailyUntil!);
  return zones.every((zone) => isInsideWindow(zone, facts.nowMs, from, until));
}

/** The contact-time agreements of the contacted person in force now for the situation's channel. */
function contactTimes(facts: Facts): readonly TimedAgreement[] {
  const target = facts.target;
  if (target === null) return [];
  return facts.agreements('contact_time', target.partyId)
    .filter((agreement) => agreement.channel === undefined || agreement.channel === facts.channel)
    .filter((agreement) => agreement.endsMs === null || facts.nowMs < agreement.endsMs);
}

type OnlyThenBreach = { readonly nextAllowedAtMs: number | null };

/**
 * When the person gave a contact time as the only convenient one and now lies outside every such
 * time, the next instant one of them covers (null when none lies ahead); null when no "only then"
 * time is in force or one covers now.
 */
export function outsideOnlyThen(facts: Facts, zones: readonly string[]): OnlyThenBreach | null {
  // A daily "only then" binds from its start (a period given as the only time binds from when it was
  // said: every moment before the period is outside it).
  const begun = (agreement: TimedAgreement) => agreement.dailyFrom === undefined
    || agreement.startsMs === null || agreement.startsMs <= facts.nowMs;
  const only = contactTimes(facts).filter((agreement) => agreement.onlyThen === true && begun(agreement));
  if (only.length === 0 || only.some((agreement) => agreementCoversNow(agreement, facts, zones))) return null;
  const starts = only.map((agreement) => nextCoveredMs(agreement, facts.nowMs, zones))
    .filter((atMs): atMs is number => atMs !== null);
  return { nextAllowedAtMs: starts.length === 0 ? null : Math.min(...starts) };
}

function nextCoveredMs(agreement: TimedAgreement, nowMs: number, zones: readonly string[]): number | null {
  const fromMs = Math.max(nowMs, agreement.startsMs ?? nowMs);
  if (agreement.dailyFrom === undefined || agreement.dailyUntil === undefined) {
    return agreement.endsMs !== null && fromMs < agreement.endsMs ? fromMs : null;
  }
  const next = nextInsideAllWindows(zones, fromMs, minutesOfDay(agreement.dailyFrom),
    minutesOfDay(agreement.dailyUntil));
  return next !== null && (agreement.endsMs === null || next < agreement.endsMs) ? next : null;
}

type StatedInconvenience = {
  readonly from: string; readonly until: string; readonly endMs: number;
};

/**
 * A time of day the contacted person said is inconvenient and that covers now in one of the zones,
 * with the instant it ends there; null when none does.
 */
export function statedInconvenientTime(facts: Facts, zones: readonly string[]): StatedInconvenience | null {
  const target = facts.target;
  if (target === null) return null;
  let found: StatedInconvenience | null = null;
  for (const time of facts.situation.inconvenientTimes ?? []) {
    if (time.partyId !== target.partyId || parseInstantMs(time.statedAt) > facts.nowMs) continue;
    for (const zone of zones) {
      const endMs = inconvenientUntilMs(zone, facts.nowMs, minutesOfDay(time.from), minutesOfDay(time.until));
      if (endMs !== null && (found === null || endMs > found.endMs)) {
        found = { from: time.from, until: time.until, endMs };
      }
    }
  }
  return found;
}

/** The end of the stated span around now in one zone (it may wrap midnight), or null outside it. */
function inconvenientUntilMs(zone: string, nowMs: number, from: number, until: number): number | null {
  const day = localDayOf(zone, nowMs).dayNumber;
  if (from < until) {
    return isInsideWindow(zone, nowMs, from, until) ? wallTimeMs(zone, day, until) : null;
  }
  if (isInsideWindow(zone, nowMs, from, MINUTES_PER_DAY)) return wallTimeMs(zone, day + 1, until);
  if (isInsideWindow(zone, nowMs, 0, until)) return wallTimeMs(zone, day, until);
  return null;
}
