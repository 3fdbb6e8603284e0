import type { Facts } from '../../../engine/facts.ts';
import { defineRule, WHOLE_HISTORY, type Verdict, type Verdicts } from '../../../rule.ts';

type Reason = 'address_not_employer_provided' | 'employer_provided_email' | 'consumer_consented_to_address'
  | 'consumer_wrote_from_address';

/** Reg F's restricted media: no email to an address the consumer's employer provided. */
export const rule = defineRule({
  id: 'US-06',
  title: 'Restricted media: no email to an address provided by the consumer\'s employer',
  category: 'conduct',
  jurisdiction: 'US',
  kind: 'law',
  citation: {
    source: '12 CFR 1006 (Regulation F)', section: '§1006.22(f)(3)', grade: 'A',
    url: 'https://www.consumerfinance.gov/rules-policy/regulations/1006/22/', requirements: ['R5'],
  },
  effective: { from: '2021-11-30' },
  summary: 'No email to an address the collector knows or should know the consumer\'s employer provided, '
    + 'unless the consumer gave the collector prior consent to use email directly, or wrote to the '
    + 'collector from that address.',
  rationale: 'An employer may read its employees\' mail, so a collection email to a work address risks '
    + 'disclosing the debt to the employer. Section 1006.22(f)(3) makes it an unfair means of collection, '
    + 'lifted only by the consumer\'s own choice: direct prior consent, or an email received from that '
    + 'address. Other restricted media (postcards, envelopes, public social-media messages) are not '
    + 'channels of the gate.',
  reasons: {
    address_not_employer_provided: 'The email address is not known to be provided by an employer.',
    employer_provided_email: 'The email address was provided to the consumer by their employer.',
    consumer_consented_to_address: 'The consumer gave the collector direct prior consent to email.',
    consumer_wrote_from_address: 'The consumer wrote to the collector from this address.',
  },
  parameters: [],
  // An email the person ever sent from the address lifts the restriction, however long ago; the gate
  // loads every inbound email whatever its age.
  lookBackDays: WHOLE_HISTORY,
  historyReads: [{ channels: ['email'], inbound: true, keep: 'all' }],
  build(_params, verdicts) {
    return (facts) => checkEmployerEmail(facts, verdicts);
  },
});

function checkEmployerEmail(facts: Facts, verdicts: Verdicts<Reason>): Verdict {
  const target = facts.target;
  if (facts.situation.action !== 'contact' || target === null) {
    return verdicts.notApplicable('action_not_covered');
  }
  if (facts.channel !== 'email') return verdicts.notApplicable('channel_not_covered');
  if (target.employerProvided !== true) return verdicts.allow('address_not_employer_provided');
  const consented = facts.agreements('channel_consent', target.partyId)
    .some((agreement) => agreement.channel === 'email');
  if (consented) return verdicts.allow('consumer_consented_to_address');
  const wrote = target.contactPointId !== undefined && facts.attempts.some((attempt) =>
    attempt.channel === 'email' && attempt.direction === 'inbound' && attempt.partyId === target.partyId
    && attempt.contactPointId === target.contactPointId && attempt.atMs <= facts.nowMs);
  if (wrote) return verdicts.allow('consumer_wrote_from_address');
  return verdicts.deny('employer_provided_email');
}
