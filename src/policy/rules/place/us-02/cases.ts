import { usSituation, type RuleCase } from '../../rule-case.ts';

const now = '2026-03-10T15:00:00Z';
const workPhone = { partyId: 'b-1', role: 'borrower', contactPointId: 'cp-work', workplace: true } as const;
const notAtWork = [{ partyId: 'b-1', place: 'workplace', statedAt: '2026-03-02T15:00:00Z' }] as const;

export const cases: RuleCase[] = [
  {
    name: 'a call to the work number of a consumer who said "don\'t call me at work"',
    now, situation: usSituation({ target: workPhone, inconvenientPlaces: [...notAtWork] }),
    expect: { result: 'deny', reason: 'stated_inconvenient_place', detail: { place: 'workplace' } },
  },
  {
    name: 'the same consumer on their own mobile',
    boundary: 'the statement names the workplace; a number that does not reach the workplace stays usable',
    now, situation: usSituation({ inconvenientPlaces: [...notAtWork] }),
    expect: { result: 'allow', reason: 'place_not_known_inconvenient', detail: null },
  },
  {
    name: 'a call to the work number when the employer prohibits such calls',
    now, situation: usSituation({ target: { ...workPhone, employerProhibitsContact: true } }),
    expect: { result: 'deny', reason: 'employer_prohibits_contact', detail: null },
  },
  {
    name: 'a call to the work number when no prohibition is known',
    boundary: 'a workplace is not inconvenient by itself: a statement or a known prohibition makes it so',
    now, situation: usSituation({ target: workPhone }),
    expect: { result: 'allow', reason: 'place_not_known_inconvenient', detail: null },
  },
  {
    name: 'a visit to an address the consumer said is inconvenient (a relative\'s home)',
    now, situation: usSituation({
      channel: 'visit', target: { partyId: 'b-1', role: 'borrower', contactPointId: 'cp-addr-2' },
      visit: { staff: 2, identityConfirmed: true, authorisationConfirmed: true },
      inconvenientPlaces: [{ partyId: 'b-1', place: 'contact_point', contactPointId: 'cp-addr-2',
        statedAt: '2026-03-02T15:00:00Z' }],
    }),
    expect: { result: 'deny', reason: 'stated_inconvenient_place', detail: { place: 'contact_point' } },
  },
  {
    name: 'a statement made after the moment decided does not apply to it',
    now, situation: usSituation({ target: workPhone,
      inconvenientPlaces: [{ partyId: 'b-1', place: 'workplace', statedAt: '2026-03-10T15:00:01Z' }] }),
    expect: { result: 'allow', reason: 'place_not_known_inconvenient', detail: null },
  },
  {
    name: 'a third party at work is outside the consumer\'s place rule',
    now, situation: usSituation({ purpose: 'location_information', target: { partyId: 'c-1',
      role: 'contact_person', relationship: 'colleague', contactPointId: 'cp-c', workplace: true,
      employerProhibitsContact: true } }),
    expect: { result: 'not_applicable', reason: 'target_not_covered', detail: null },
  },
];
