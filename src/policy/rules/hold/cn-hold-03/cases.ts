import { cnSituation, type RuleCase } from '../../rule-case.ts';

const deceased = { kind: 'deceased' as const, startedAt: '2026-03-01T00:00:00Z' };
const heir = { partyId: 'c-2', role: 'contact_person' as const, relationship: 'child' as const,
  contactPointId: 'cp-8' };
const now = '2026-03-10T06:00:00Z';

export const cases: RuleCase[] = [
  {
    name: 'calling a deceased debtor\'s number',
    now, situation: cnSituation({ holds: [deceased] }),
    expect: { result: 'deny', reason: 'debtor_deceased', detail: null },
  },
  {
    name: 'calling the heir to relay a message',
    now, situation: cnSituation({ holds: [deceased], purpose: 'relay_message', target: heir }),
    expect: { result: 'allow', reason: 'estate_or_guardian_path', detail: null },
  },
  {
    name: 'a bureau report on a debtor without capacity',
    now, situation: cnSituation({ action: 'credit_report', holds: [{ kind: 'incapacitated',
      startedAt: '2026-03-01T00:00:00Z' }] }),
    expect: { result: 'deny', reason: 'debtor_incapacitated', detail: null },
  },
  {
    name: 'no hold recorded',
    now, situation: cnSituation(),
    expect: { result: 'allow', reason: 'debtor_alive_and_capable', detail: null },
  },
  {
    name: 'a call the instant the debtor\'s capacity is restored',
    boundary: 'the instant the incapacity hold ends',
    now, situation: cnSituation({ holds: [{ kind: 'incapacitated', startedAt: '2026-03-01T00:00:00Z',
      endedAt: now }] }),
    expect: { result: 'allow', reason: 'debtor_alive_and_capable', detail: null },
  },
];
