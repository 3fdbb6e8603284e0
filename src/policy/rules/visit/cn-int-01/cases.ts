import { cnSituation, type RuleCase } from '../../rule-case.ts';

const now = '2026-03-10T06:00:00Z';
const visitWith = (staff: number) => cnSituation({ channel: 'visit',
  visit: { staff, identityConfirmed: true, authorisationConfirmed: true } });

export const cases: RuleCase[] = [
  { name: 'three collectors at the door', now, situation: visitWith(3), expect: { result: 'deny',
    reason: 'too_many_staff', detail: { staff: 3, maximum: 2 } } },
  {
    name: 'two collectors', boundary: 'the lender\'s maximum of two staff', now, situation: visitWith(2),
    expect: { result: 'allow', reason: 'staff_within_policy', detail: { staff: 2, maximum: 2 } },
  },
  {
    name: 'a lender that allows three', now, situation: visitWith(3), settings: { visit: { staff_max: 3 } },
    expect: { result: 'allow', reason: 'staff_within_policy', detail: { staff: 3, maximum: 3 } },
  },
];
