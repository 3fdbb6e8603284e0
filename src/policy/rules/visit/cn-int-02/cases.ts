import { attempt, cnSituation, type RuleCase } from '../../rule-case.ts';

const visit = { staff: 2, identityConfirmed: true, authorisationConfirmed: true };
const failures = [attempt('2026-03-01T02:00:00Z', 'no_answer'), attempt('2026-03-05T02:00:00Z', 'busy')];

export const cases: RuleCase[] = [
  {
    name: 'six days after the first failed call',
    now: '2026-03-07T02:00:00Z', situation: cnSituation({ channel: 'visit', visit, history: failures }),
    expect: { result: 'deny', reason: 'phone_contact_not_exhausted',
      nextAllowedAt: '2026-03-08T02:00:00.000Z', detail: null },
  },
  {
    name: 'seven days after the first failed call',
    boundary: 'exactly the policy\'s seven days after the first failed call',
    now: '2026-03-08T02:00:00Z', situation: cnSituation({ channel: 'visit', visit, history: failures }),
    expect: { result: 'allow', reason: 'phone_contact_failed_long_enough', detail: null },
  },
  {
    name: 'the borrower answered the phone since',
    now: '2026-03-10T02:00:00Z',
    situation: cnSituation({ channel: 'visit', visit, history: [...failures,
      attempt('2026-03-06T02:00:00Z', 'connected')] }),
    expect: { result: 'deny', reason: 'phone_contact_not_attempted', detail: null },
  },
];
