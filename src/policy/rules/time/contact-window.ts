import type { Facts } from '../../engine/facts.ts';
import type { ParameterSpec, Verdict, Verdicts } from '../../rule.ts';
import { isInsideWindow, nextInsideAllWindows } from '../../time/zone-clock.ts';
import { localTimeText } from '../rule-helpers.ts';
import { agreementCoversNow } from './stated-times.ts';

/**
 * The contact window shared by the quiet-hours rules of both packs: a contact is allowed only when
 * the local time lies inside [allowed_start, allowed_end) in *every* candidate zone of the person
 * contacted (the borrower's for a visit), unless that person agreed a contact time covering now.
 * Letters are delivered by post and are not timed contact.
 */
export type WindowReason = 'within_contact_window' | 'agreed_contact_time' | 'outside_contact_window';

export const WINDOW_REASONS: Readonly<Record<WindowReason, string>> = {
  within_contact_window: 'The local time is inside the allowed window in every candidate zone.',
  agreed_contact_time: 'The person agreed a contact time that covers this moment.',
  outside_contact_window: 'The local time is outside the allowed window in at least one candidate zone.',
};

export function windowParameters(group: string, start: string, end: string,
  ruleWord: string): ParameterSpec[] {
  return [
    {
      key: `${group}.allowed_start`, kind: 'time_of_day', default: start, legalBound: start,
        stricter: 'higher',
      description: `Local time from which ${ruleWord} is allowed.`,
      below: { key: `${group}.allowed_end`, strict: true },
    },
    {
      key: `${group}.allowed_end`, kind: 'time_of_day', default: end, legalBound: end, stricter: 'lower',
      description: `Local time from which ${ruleWord} is no longer allowed.`,
    },
  ];
}

export function checkContactWindow<R extends string>(
  facts: Facts, verdicts: Verdicts<R | WindowReason>, startMinutes: number, endMinutes: number,
): Verdict {
  if (facts.situation.action !== 'contact'
    || facts.target === null) return verdicts.notApplicable('action_not_covered');
  const channel = facts.channel;
  if (channel === null || channel === 'letter') return verdicts.notApplicable('channel_not_covered');
  const zones = windowZones(facts);
  if (hasAgreedTime(facts, zones)) return verdicts.allow('agreed_contact_time');
  const outside = zones.find((zone) => !isInsideWindow(zone, facts.nowMs, startMinutes, endMinutes));
  if (outside === undefined) return verdicts.allow('within_contact_window');
  return verdicts.deny('outside_contact_window', {
    nextAllowedAtMs: nextInsideAllWindows(zones, facts.nowMs, startMinutes, endMinutes),
    detail: { zone: outside, localTime: localTimeText(outside, facts.nowMs) },
  });
}

/** The zones a contact's local time is read in: the borrower's for a visit, else the contacted person's. */
export function windowZones(facts: Facts): readonly string[] {
  return facts.channel === 'visit' ? facts.borrowerZones : facts.targetZones;
}

function hasAgreedTime(facts: Facts, zones: readonly string[]): boolean {
  const partyId = facts.target!.partyId;
  const covers = (startsMs: number | null, endsMs: number | null) =>
    startsMs !== null && endsMs !== null && startsMs <= facts.nowMs && facts.nowMs < endsMs;
  const channelMatches = (channel: string | undefined) => channel === undefined || channel === facts.channel;
  const agreed = facts.agreements('contact_time', partyId)
    .some((agreement) => channelMatches(agreement.channel) && agreementCoversNow(agreement, facts, zones));
  if (agreed) return true;
  return facts.channel === 'visit' && facts.agreements('visit_consent', partyId)
    .some((agreement) => covers(agreement.startsMs, agreement.endsMs));
}

/**
 * The latest time the person asked to be called back at that is still ahead, for a contact other
 * than a letter, or null: a request for a later time makes every earlier time unreasonable.
 */
export function laterCallbackAtMs(facts: Facts): number | null {
  const target = facts.target;
  if (target === null || facts.situation.action !== 'contact' || facts.channel === 'letter') return null;
  const later = facts.agreements('callback', target.partyId)
    .filter((agreement) => agreement.startsMs !== null && agreement.startsMs > facts.nowMs);
  return later.length === 0 ? null : Math.max(...later.map((agreement) => agreement.startsMs!));
}
