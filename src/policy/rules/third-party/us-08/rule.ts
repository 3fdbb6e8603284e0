import type { Facts } from '../../../engine/facts.ts';
import { defineRule, WHOLE_HISTORY, type Verdict, type Verdicts } from '../../../rule.ts';
import { contentVerdict, CONVERSATION_OUTCOMES } from '../../rule-helpers.ts';

type Reason = 'location_contact_allowed' | 'purpose_not_location_information'
  | 'third_party_already_contacted'
  | 'third_party_requested_contact' | 'discloses_debt_to_third_party';

/** Reg F: a third party may be asked for location information only, once, without learning of the debt. */
export const rule = defineRule({
  id: 'US-08',
  title: 'Third parties: location information only, once per person, never the debt',
  category: 'third-party',
  jurisdiction: 'US',
  kind: 'law',
  citation: {
    source: '12 CFR 1006 (Regulation F)', section: '§1006.6(d), §1006.10', grade: 'A',
    url: 'https://www.consumerfinance.gov/rules-policy/regulations/1006/10/', requirements: ['R8'],
  },
  effective: { from: '2021-11-30' },
  summary: 'A collector may contact a third party only to acquire location information (address, '
    + 'phone, place '
    + 'of work), may not say the consumer owes a debt, and may not contact the same person more '
      + 'than once unless '
    + 'that person asks.',
  rationale: 'Disclosure of a debt to third parties is the harm §1006.6(d) prevents; §1006.10 '
    + 'allows the single '
    + 'narrow exception of finding the consumer.',
  reasons: {
    location_contact_allowed: 'A first contact with this third party to acquire location information.',
    purpose_not_location_information: 'The purpose is not acquiring location information.',
    third_party_already_contacted: 'This third party was already contacted once.',
    third_party_requested_contact: 'The third party asked to be contacted again.',
    discloses_debt_to_third_party: 'The text reveals the debt to a third party.',
  },
  parameters: [],
  contentReasons: ['discloses_debt_to_third_party'],
  // Whether this third party was ever reached: a shorter history forgets the first contact and lets
  // a second one through.
  lookBackDays: WHOLE_HISTORY,
  historyReads: [{
    party: 'others', outbound: true, outcomes: [...CONVERSATION_OUTCOMES, 'delivered'], keep: 'all',
  }],
  build(_params, verdicts) {
    return (facts) => checkThirdParty(facts, verdicts);
  },
});

function checkThirdParty(facts: Facts, verdicts: Verdicts<Reason>): Verdict {
  const target = facts.target;
  if (facts.situation.action !== 'contact' || target === null || target.role !== 'contact_person') {
    return verdicts.notApplicable('target_not_covered');
  }
  if (facts.purpose !== 'location_information') {
    return verdicts.deny('purpose_not_location_information', { detail: { purpose: facts.purpose } });
  }
  const content = contentVerdict(facts, verdicts, ['discloses_debt_to_third_party'],
    'location_contact_allowed');
  if (content.result === 'deny') return content;
  const reached = facts.attempts.some((attempt) => attempt.partyId === target.partyId
    && attempt.direction !== 'inbound' &&
    attempt.atMs <= facts.nowMs && (CONVERSATION_OUTCOMES.has(attempt.outcome)
      || attempt.outcome === 'delivered'));
  if (!reached) return verdicts.allow('location_contact_allowed');
  const asked = facts.agreements('callback', target.partyId).length > 0 ||
    facts.agreements('channel_consent', target.partyId).length > 0;
  return asked ? verdicts.allow('third_party_requested_contact')
    : verdicts.deny('third_party_already_contacted');
}
