import { attempt, usSituation, type RuleCase } from '../../rule-case.ts';

const neighbour = { partyId: 'n-1', role: 'contact_person' as const, relationship: 'other' as const,
  contactPointId: 'cp-5' };
const now = '2026-03-10T15:00:00Z';
const earlier = attempt('2026-03-02T15:00:00Z', 'connected', { partyId: 'n-1', contactPointId: 'cp-5' });

export const cases: RuleCase[] = [
  {
    name: 'a second call to the same neighbour',
    now, situation: usSituation({ purpose: 'location_information', target: neighbour, history: [earlier] }),
    expect: { result: 'deny', reason: 'third_party_already_contacted', detail: null },
  },
  {
    name: 'the first call to a neighbour for location information',
    boundary: 'the one location-information contact with this third party',
    now, situation: usSituation({ purpose: 'location_information', target: neighbour }),
    expect: { result: 'allow', reason: 'location_contact_allowed', detail: null },
  },
  {
    name: 'the neighbour asked to be called back',
    now,
    situation: usSituation({ purpose: 'location_information', target: neighbour, history: [earlier],
      agreements: [{ kind: 'callback', partyId: 'n-1', startsAt: '2026-03-10T14:00:00Z',
        recordedAt: '2026-03-02T15:05:00Z' }] }),
    expect: { result: 'allow', reason: 'third_party_requested_contact', detail: null },
  },
  {
    name: 'an email to a neighbour that mentions the debt',
    now,
    situation: usSituation({ channel: 'email', purpose: 'location_information', target: neighbour,
      content: { text: 'Please ask John to call us about his overdue balance. Reply STOP to opt out.',
        locale: 'en' } }),
    expect: { result: 'deny', reason: 'discloses_debt_to_third_party',
      detail: { phrase: 'overdue', at: 37 } },
  },
  {
    name: 'asking a neighbour to pay',
    now, situation: usSituation({ purpose: 'collect', target: neighbour }),
    expect: { result: 'deny', reason: 'purpose_not_location_information', detail: { purpose: 'collect' } },
  },
];
