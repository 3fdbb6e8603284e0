import { cnSituation, type RuleCase } from '../../rule-case.ts';

const litigation = { kind: 'litigation' as const, accountId: 'acct-1', startedAt: '2026-03-01T00:00:00Z' };
const now = '2026-03-10T06:00:00Z';

export const cases: RuleCase[] = [
  {
    name: 'a collection call to the borrower during litigation',
    now, situation: cnSituation({ holds: [litigation] }),
    expect: { result: 'deny', reason: 'litigation_contact_through_counsel', detail: null },
  },
  {
    name: 'a call to the borrower\'s counsel',
    now, situation: cnSituation({ holds: [litigation], target: { partyId: 'law-1', role: 'attorney',
      contactPointId: 'cp-7' } }),
    expect: { result: 'allow', reason: 'contact_through_counsel', detail: null },
  },
  {
    name: 'a second lawsuit on the same account',
    now, situation: cnSituation({ action: 'legal_action', holds: [litigation] }),
    expect: { result: 'deny', reason: 'litigation_already_pending', detail: null },
  },
  {
    name: 'no litigation',
    now, situation: cnSituation({ action: 'legal_action' }),
    expect: { result: 'allow', reason: 'no_litigation_pending', detail: null },
  },
  {
    name: 'a call to the borrower the instant the litigation ends',
    boundary: 'the instant the litigation hold ends',
    now, situation: cnSituation({ holds: [{ ...litigation, endedAt: now }] }),
    expect: { result: 'allow', reason: 'no_litigation_pending', detail: null },
  },
];
