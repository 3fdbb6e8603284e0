import { defineRule } from '../../../rule.ts';
import { windowZones } from '../../time/contact-window.ts';
import { outsideOnlyThen, statedInconvenientTime } from '../../time/stated-times.ts';

/** What an objection to a medium does not block: notices the law requires, answers the person asked for. */
const NOTICE_PURPOSES = new Set(['adverse_credit_notice', 'validation_notice', 'dispute_response',
  'service']);

/** "Not now, call me at …" and "not by this medium": the borrower's word on how they are contacted. */
export const rule = defineRule({
  id: 'CN-CIVIL-01',
  title: 'Respect "not now" and channel objections: no call before the agreed callback time',
  category: 'consent',
  jurisdiction: 'CN',
  kind: 'law',
  citation: {
    source: '民法典 (Civil Code)', section: 'art. 1033(1)', grade: 'A', requirements: ['R6', 'R19'],
  },
  effective: { from: '2021-01-01' },
  summary: 'When the person said it is inconvenient and agreed a time to be called back, no call or visit '
    + 'before that time (messages with neutral content remain possible); no call or visit at a time of day '
    + 'the person said is inconvenient, nor outside a time they gave as the only convenient one. When the '
    + 'person objected '
      + 'to a medium, '
    + 'it is not used for collection; required notices still go out.',
  rationale: 'Without legal authority or express consent no one may disturb another\'s private life '
    + 'by phone, '
    + 'message or email (Civil Code art. 1033(1)). A collector who calls again ten minutes after '
      + '"call me at six" '
    + 'is the complaint R6 answers.',
  reasons: {
    no_objection_recorded: 'No callback time is pending and the medium was not objected to.',
    callback_time_not_reached: 'The person asked to be called back later; calls wait until then.',
    stated_inconvenient_time: 'The person said this time of day is inconvenient.',
    outside_only_convenient_time: 'The person gave another time as the only convenient one.',
    channel_opted_out: 'The person objected to this medium.',
  },
  parameters: [],
  // Callback times still ahead and objections in force only.
  lookBackDays: 0,
  build(_params, verdicts) {
    return (facts) => {
      const target = facts.target;
      if (facts.situation.action !== 'contact' || target === null || facts.channel === null) {
        return verdicts.notApplicable('action_not_covered');
      }
      if (facts.channel === 'voice' || facts.channel === 'visit') {
        const pending = facts.agreements('callback', target.partyId)
          .filter((agreement) => agreement.startsMs !== null && agreement.startsMs > facts.nowMs);
        if (pending.length > 0) {
          const nextAllowedAtMs = Math.max(...pending.map((agreement) => agreement.startsMs!));
          return verdicts.deny('callback_time_not_reached', { nextAllowedAtMs });
        }
        const stated = statedInconvenientTime(facts, windowZones(facts));
        if (stated !== null) {
          return verdicts.deny('stated_inconvenient_time', { nextAllowedAtMs: stated.endMs,
            detail: { from: stated.from, until: stated.until } });
        }
        const outside = outsideOnlyThen(facts, windowZones(facts));
        if (outside !== null) {
          return verdicts.deny('outside_only_convenient_time', { nextAllowedAtMs: outside.nextAllowedAtMs });
        }
      }
      if (facts.optedOut(target.partyId, facts.channel) && !NOTICE_PURPOSES.has(facts.purpose)) {
        return verdicts.deny('channel_opted_out', { detail: { channel: facts.channel } });
      }
      return verdicts.allow('no_objection_recorded');
    };
  },
});
