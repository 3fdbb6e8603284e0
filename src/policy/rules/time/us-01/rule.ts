import { defineRule } from '../../../rule.ts';
import type { Facts } from '../../../engine/facts.ts';
import type { Verdict, Verdicts } from '../../../rule.ts';
import {
  checkContactWindow, laterCallbackAtMs, WINDOW_REASONS, windowParameters, windowZones, type WindowReason,
} from '../contact-window.ts';
import { outsideOnlyThen, statedInconvenientTime } from '../stated-times.ts';

type Reason = WindowReason | 'consumer_asked_for_later_time' | 'outside_only_convenient_time'
  | 'stated_inconvenient_time';

/** Reg F's inconvenient times: before 8 a.m. or after 9 p.m. at the consumer's location. */
export const rule = defineRule({
  id: 'US-01',
  title: 'Inconvenient times: communicate only 08:00–21:00 at the consumer\'s location',
  category: 'time',
  jurisdiction: 'US',
  kind: 'law',
  citation: {
    source: '12 CFR 1006 (Regulation F)', section: '§1006.6(b)(1)(i); FDCPA §805(a)(1)', grade: 'A',
    url: 'https://www.consumerfinance.gov/rules-policy/regulations/1006/6/', requirements: ['R5', 'R6'],
  },
  effective: { from: '2021-11-30' },
  summary: 'No communication or attempt before 08:00 or from 21:00 local time at the consumer\'s location; '
    + 'when the location is ambiguous, only at times convenient in every candidate zone. A time the consumer '
    + 'asked for, or said is inconvenient ("call me after 6", "not before noon"), is honoured, and when the '
    + 'consumer gave a time as the only convenient one ("only evenings"), every other time is inconvenient.',
  rationale: 'Absent knowledge to the contrary, Regulation F presumes 8 a.m.–9 p.m. local time convenient. '
    + 'The official commentary says that when the collector has conflicting information (area code and '
    + 'address in different zones) it must call only at times convenient in all of them. A consumer\'s '
    + 'request for a later time makes earlier times known to be inconvenient, and so does a time the '
    + 'consumer '
    + 'stated to be inconvenient or a time given as the only convenient one: the collector then knows the '
    + 'other times are inconvenient, whatever the presumption says. Those are knowledge about the consumer, '
    + 'so they bind only when stated by, or agreed with, the person contacted.',
  reasons: {
    ...WINDOW_REASONS,
    consumer_asked_for_later_time: 'The consumer asked to be contacted later; earlier times are '
      + 'known to be inconvenient.',
    outside_only_convenient_time: 'The consumer gave another time as the only convenient one.',
    stated_inconvenient_time: 'The consumer said this time of day is inconvenient.',
  },
  parameters: windowParameters('contact_hours', '08:00', '21:00', 'communication'),
  // Callback times still ahead only.
  lookBackDays: 0,
  build(params, verdicts) {
    const start = params.minutes('contact_hours.allowed_start');
    const end = params.minutes('contact_hours.allowed_end');
    return (facts) => checkTimes(facts, verdicts, start, end);
  },
});

function checkTimes(facts: Facts, verdicts: Verdicts<Reason>, start: number, end: number): Verdict {
  const later = laterCallbackAtMs(facts);
  if (later !== null) return verdicts.deny('consumer_asked_for_later_time', { nextAllowedAtMs: later });
  if (facts.situation.action === 'contact' && facts.channel !== null && facts.channel !== 'letter') {
    const zones = windowZones(facts);
    const stated = statedInconvenientTime(facts, zones);
    if (stated !== null) {
      return verdicts.deny('stated_inconvenient_time', { nextAllowedAtMs: stated.endMs,
        detail: { from: stated.from, until: stated.until } });
    }
    const outside = outsideOnlyThen(facts, zones);
    if (outside !== null) {
      return verdicts.deny('outside_only_convenient_time', { nextAllowedAtMs: outside.nextAllowedAtMs });
    }
  }
  return checkContactWindow(facts, verdicts, start, end);
}
