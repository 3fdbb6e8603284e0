import { civilDateInZone } from '../../stdx/civil-date.ts';
import type { PageText } from '../i18n/localise-request.ts';

/**
 * The gate's answers in plain words for the desk: a denying rule's reason code as a sentence in the
 * reader's language (the common ones; any other as its rule and code, readable but untranslated),
 * and when a denied contact opens, as an absolute time and the minutes left, which the page's
 * script keeps counting down.
 */
export function denialText(text: PageText, denial: { ruleId: string; reason: string }): string {
  return text.t('desk.denial', { rule: denial.ruleId, reason: reasonText(text, denial.reason) });
}

function reasonText(text: PageText, reason: string): string {
  const known: Readonly<Record<string, string>> = {
    outside_contact_window: text.t('desk.reason.outside_contact_window'),
    callback_time_not_reached: text.t('desk.reason.callback_time_not_reached'),
    daily_connected_call_cap_reached: text.t('desk.reason.daily_connected_call_cap_reached'),
    daily_unanswered_attempt_cap_reached: text.t('desk.reason.daily_unanswered_attempt_cap_reached'),
    cooldown_after_conversation: text.t('desk.reason.cooldown_after_conversation'),
    seven_calls_in_seven_days: text.t('desk.reason.seven_calls_in_seven_days'),
    collection_paused_for_dispute: text.t('desk.reason.collection_paused_for_dispute'),
    stated_inconvenient_time: text.t('desk.reason.stated_inconvenient_time'),
    outside_only_convenient_time: text.t('desk.reason.outside_only_convenient_time'),
    represented_by_attorney: text.t('desk.reason.represented_by_attorney'),
    employer_prohibits_contact: text.t('desk.facts.reason.employer_prohibits_contact'),
    stated_inconvenient_place: text.t('desk.facts.reason.stated_inconvenient_place'),
    channel_opted_out: text.t('desk.reason.channel_opted_out'),
  };
  return known[reason] ?? text.t('desk.reason.other', { code: reason.replaceAll('_', ' ') });
}

/** A gate request the rules could not judge (no such number, no pack), in words. */
export function rejectionText(text: PageText, reason: string): string {
  return text.t('desk.gate.notJudged', { code: reason.replaceAll('_', ' ') });
}

type Opening = {
  /** The instant, for the time element. */
  iso: string;
  /**
   * Milliseconds from the server's now to the instant: the script counts down from this by the
   * browser's elapsed time, so a workstation's clock set wrong cannot make a closed contact look open.
   */
  leftMs: number;
  /** "allowed from 14:00 (in 35 min)", in the page's language. */
  label: string;
  /** "in 35 min", the part the script updates, and its template with {n} for the minutes. */
  left: string;
  leftTemplate: string;
  openNow: string;
};

/**
 * When a denied contact opens: "HH:MM" in `zone` on the same day, the date as well on another,
 * with the whole minutes left rounded up (a contact one second away is "in 1 min").
 */
export function openingText(text: PageText, at: Date, now: Date, zone: string): Opening {
  const sameDay = civilDateInZone(at, zone) === civilDateInZone(now, zone);
  const wall = new Intl.DateTimeFormat('sv-SE', {
    timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    ...(sameDay ? {} : { year: 'numeric', month: '2-digit', day: '2-digit' }),
  }).format(at);
  const minutes = Math.max(0, Math.ceil((at.getTime() - now.getTime()) / 60_000));
  const left = text.t('desk.countdown.in', { minutes });
  return {
    iso: at.toISOString(), leftMs: Math.max(0, at.getTime() - now.getTime()), left,
    leftTemplate: text.t('desk.countdown.in', { minutes: '{n}' }),
    label: text.t('desk.countdown.from', { time: wall }), openNow: text.t('desk.countdown.openNow'),
  };
}
