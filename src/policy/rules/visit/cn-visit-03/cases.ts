import { cnSituation, type RuleCase } from '../../rule-case.ts';

const now = '2026-03-10T06:00:00Z';
const visit = { staff: 2, identityConfirmed: true, authorisationConfirmed: true };
const consent = { kind: 'visit_consent' as const, partyId: 'b-1', recordedAt: '2026-03-08T02:00:00Z',
  endsAt: '2026-03-12T10:00:00Z' };

export const cases: RuleCase[] = [
  {
    name: 'a visit with no consent recorded', now, situation: cnSituation({ channel: 'visit', visit }),
    expect: { result: 'deny', reason: 'no_visit_consent', detail: null },
  },
  {
    name: 'a visit with consent', now, situation: cnSituation({ channel: 'visit', visit,
      agreements: [consent] }),
    expect: { result: 'allow', reason: 'visit_consented', detail: null },
  },
  {
    name: 'the consent was withdrawn',
    now, situation: cnSituation({ channel: 'visit', visit, agreements: [{ ...consent,
      revokedAt: '2026-03-09T00:00:00Z' }] }),
    expect: { result: 'deny', reason: 'no_visit_consent', detail: null },
  },
  {
    name: 'entering the home with visit consent only',
    now, situation: cnSituation({ channel: 'visit', visit: { ...visit, entersPremises: true },
      agreements: [consent] }),
    expect: { result: 'deny', reason: 'no_entry_consent', detail: null },
  },
  {
    name: 'a visit in the last minute of the consented period',
    boundary: 'the last minute before the consent ends',
    now: '2026-03-12T09:59:00Z', situation: cnSituation({ channel: 'visit', visit, agreements: [consent] }),
    expect: { result: 'allow', reason: 'visit_consented', detail: null },
  },
];
