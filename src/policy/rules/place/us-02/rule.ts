import type { Facts } from '../../../engine/facts.ts';
import { parseInstantMs } from '../../../../stdx/parse-instant-ms.ts';
import { defineRule, type Verdict, type Verdicts } from '../../../rule.ts';

type Reason = 'place_not_known_inconvenient' | 'stated_inconvenient_place' | 'employer_prohibits_contact';

/** Who Regulation F calls a consumer: the person obligated on the debt, a guarantor included. */
const CONSUMER_ROLES = new Set(['borrower', 'guarantor']);

/** Reg F's inconvenient places: where the consumer said, and a workplace whose employer forbids it. */
export const rule = defineRule({
  id: 'US-02',
  title: 'Inconvenient places: not where the consumer said, not at a workplace whose employer forbids it',
  category: 'place',
  jurisdiction: 'US',
  kind: 'law',
  citation: {
    source: '12 CFR 1006 (Regulation F)', section: '§1006.6(b)(1)(ii), (b)(3); FDCPA §805(a)(1), (a)(3)',
    grade: 'A', url: 'https://www.consumerfinance.gov/rules-policy/regulations/1006/6/',
    requirements: ['R5', 'R6'],
  },
  effective: { from: '2021-11-30' },
  summary: 'No communication or attempt with a consumer at a place the consumer said is inconvenient (their '
    + 'workplace, or one number or address), and none at the consumer\'s place of employment when the '
    + 'collector knows or has reason to know the employer prohibits the consumer from receiving such '
    + 'communications there. A place is the number, address or email the contact reaches.',
  rationale: 'Section 1006.6(b)(1)(ii) forbids communicating at any unusual place or one the collector knows '
    + 'or should know is inconvenient to the consumer; a consumer\'s statement makes a place known to be '
    + 'inconvenient. Section 1006.6(b)(3) forbids communicating at the place of employment when the '
    + 'employer prohibits it. Both protect the consumer, not third parties, whom US-08 governs. The '
    + 'consumer\'s own later word to the collector ("you may call me at work") lifts them (§1006.6(b)(4)): '
    + 'the statement is withdrawn, or the prohibition cleared, and the situation no longer carries it.',
  reasons: {
    place_not_known_inconvenient: 'The place the contact reaches is not known to be inconvenient.',
    stated_inconvenient_place: 'The consumer said the place this contact reaches is inconvenient.',
    employer_prohibits_contact: 'The contact reaches the consumer at work and the employer prohibits it.',
  },
  parameters: [],
  // Statements and prohibitions in force now only.
  lookBackDays: 0,
  build(_params, verdicts) {
    return (facts) => checkPlace(facts, verdicts);
  },
});

function checkPlace(facts: Facts, verdicts: Verdicts<Reason>): Verdict {
  const target = facts.target;
  if (facts.situation.action !== 'contact' || target === null || facts.channel === null) {
    return verdicts.notApplicable('action_not_covered');
  }
  if (!CONSUMER_ROLES.has(target.role)) return verdicts.notApplicable('target_not_covered');
  const atWork = target.workplace === true;
  const stated = (facts.situation.inconvenientPlaces ?? []).find((place) => place.partyId === target.partyId
    && parseInstantMs(place.statedAt) <= facts.nowMs
    && (place.place === 'workplace' ? atWork
      : target.contactPointId !== undefined && place.contactPointId === target.contactPointId));
  if (stated !== undefined) {
    return verdicts.deny('stated_inconvenient_place', { detail: { place: stated.place } });
  }
  if (atWork && target.employerProhibitsContact === true) return verdicts.deny('employer_prohibits_contact');
  return verdicts.allow('place_not_known_inconvenient');
}
