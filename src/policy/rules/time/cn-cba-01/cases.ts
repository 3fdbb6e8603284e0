import { cnSituation, type RuleCase } from '../../rule-case.ts';

const visit = { staff: 2, identityConfirmed: true, authorisationConfirmed: true };
const consentedArrival = {
  kind: 'visit_consent' as const, partyId: 'b-1', startsAt: '2026-03-10T14:00:00Z',
    endsAt: '2026-03-10T15:00:00Z',
  recordedAt: '2026-03-08T02:00:00Z',
};

export const cases: RuleCase[] = [
  {
    name: 'field visit at 22:15 is refused until 08:00',
    now: '2026-03-10T14:15:00Z', situation: cnSituation({ channel: 'visit', visit }),
    expect: { result: 'deny', reason: 'outside_contact_window', nextAllowedAt: '2026-03-11T00:00:00.000Z',
      detail: { zone: 'Asia/Shanghai', localTime: '22:15' } },
  },
  {
    name: 'field visit at 21:59 is allowed',
    boundary: 'the last minute of the visiting window',
    now: '2026-03-10T13:59:00Z', situation: cnSituation({ channel: 'visit', visit }),
    expect: { result: 'allow', reason: 'within_contact_window', detail: null },
  },
  {
    name: 'field visit at 22:15 at an arrival time the borrower consented to',
    now: '2026-03-10T14:15:00Z', situation: cnSituation({ channel: 'visit', visit,
      agreements: [consentedArrival] }),
    expect: { result: 'allow', reason: 'agreed_contact_time', detail: null },
  },
  {
    name: 'before the guideline took effect the rule does not apply',
    now: '2026-01-20T15:00:00Z', situation: cnSituation(),
    expect: { result: 'not_applicable', reason: 'not_in_force', detail: null },
  },
];
