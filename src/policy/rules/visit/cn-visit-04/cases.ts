import { cnSituation, type RuleCase } from '../../rule-case.ts';

const now = '2026-03-10T06:00:00Z';
const visit = (identityConfirmed: boolean, authorisationConfirmed: boolean) =>
  cnSituation({ channel: 'visit', visit: { staff: 2, identityConfirmed, authorisationConfirmed } });

export const cases: RuleCase[] = [
  { name: 'no ID check', now, situation: visit(false, true), expect: { result: 'deny',
    reason: 'identity_not_confirmed', detail: null } },
  {
    name: 'no authorisation letter', now, situation: visit(true, false),
    expect: { result: 'deny', reason: 'authorisation_not_confirmed', detail: null },
  },
  {
    name: 'both confirmed',
    boundary: 'both checks done, and nothing more is required', now, situation: visit(true, true),
    expect: { result: 'allow', reason: 'identity_and_authorisation_confirmed', detail: null },
  },
];
