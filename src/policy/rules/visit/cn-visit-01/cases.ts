import { cnSituation, type RuleCase } from '../../rule-case.ts';

const now = '2026-03-10T06:00:00Z';
const visitWith = (staff: number) => cnSituation({ channel: 'visit',
  visit: { staff, identityConfirmed: true, authorisationConfirmed: true } });

export const cases: RuleCase[] = [
  { name: 'one collector alone', now, situation: visitWith(1), expect: { result: 'deny',
    reason: 'too_few_staff', detail: { staff: 1, minimum: 2 } } },
  {
    name: 'two collectors', boundary: 'the standard\'s minimum of two staff', now, situation: visitWith(2),
    expect: { result: 'allow', reason: 'enough_staff', detail: { staff: 2, minimum: 2 } },
  },
];
