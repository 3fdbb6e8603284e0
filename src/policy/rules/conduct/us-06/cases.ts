import { attempt, usSituation, type RuleCase } from '../../rule-case.ts';

const now = '2026-03-10T15:00:00Z';
const content = { text: 'Harbor Recovery: please contact us about your account. Ref FC-7Q2K. Reply STOP to '
  + 'opt out.', locale: 'en', institution: 'Harbor Recovery', verificationRef: 'FC-7Q2K' } as const;
const email = (employerProvided: boolean) => ({
  partyId: 'b-1', role: 'borrower', contactPointId: 'cp-mail', employerProvided,
}) as const;

export const cases: RuleCase[] = [
  {
    name: 'an email to the address the consumer\'s employer provided',
    now, situation: usSituation({ channel: 'email', target: email(true), content }),
    expect: { result: 'deny', reason: 'employer_provided_email', detail: null },
  },
  {
    name: 'the same email to the consumer\'s own address',
    boundary: 'only the address\'s origin changed: an address not known to come from the employer is usable',
    now, situation: usSituation({ channel: 'email', target: email(false), content }),
    expect: { result: 'allow', reason: 'address_not_employer_provided', detail: null },
  },
  {
    name: 'the consumer gave direct prior consent to email',
    now, situation: usSituation({ channel: 'email', target: email(true), content,
      agreements: [{ kind: 'channel_consent', partyId: 'b-1', channel: 'email',
        recordedAt: '2026-03-01T15:00:00Z' }] }),
    expect: { result: 'allow', reason: 'consumer_consented_to_address', detail: null },
  },
  {
    name: 'the consumer wrote to the collector from that work address',
    now, situation: usSituation({ channel: 'email', target: email(true), content,
      history: [attempt('2026-03-09T15:00:00Z', 'delivered', { channel: 'email', direction: 'inbound',
        contactPointId: 'cp-mail' })] }),
    expect: { result: 'allow', reason: 'consumer_wrote_from_address', detail: null },
  },
  {
    name: 'an email received from another address does not lift the restriction',
    now, situation: usSituation({ channel: 'email', target: email(true), content,
      history: [attempt('2026-03-09T15:00:00Z', 'delivered', { channel: 'email', direction: 'inbound',
        contactPointId: 'cp-home-mail' })] }),
    expect: { result: 'deny', reason: 'employer_provided_email', detail: null },
  },
  {
    name: 'a call is not an email',
    now, situation: usSituation({ target: { ...email(true), workplace: true } }),
    expect: { result: 'not_applicable', reason: 'channel_not_covered', detail: null },
  },
];
