import { attempt, cnSituation, type RuleCase } from '../../rule-case.ts';

const pooled = [
  attempt('2026-03-10T01:00:00Z', 'connected', { actorKind: 'agency', actorId: 'ag-a-7',
    agencyId: 'agency-a' }),
  attempt('2026-03-10T02:00:00Z', 'connected', { actorKind: 'agent', actorId: 'agent-1' }),
  attempt('2026-03-10T03:00:00Z', 'callback_requested', { actorKind: 'agency', actorId: 'ag-b-2',
    agencyId: 'agency-b' }),
];

export const cases: RuleCase[] = [
  {
    name: 'one call by each of two agencies and one in-house: the cap is reached for everyone',
    now: '2026-03-10T06:00:00Z',
    situation: cnSituation({ history: pooled, actor: { kind: 'agency', id: 'ag-a-9',
      agencyId: 'agency-a' } }),
    expect: { result: 'deny', reason: 'daily_connected_call_cap_reached',
      nextAllowedAt: '2026-03-10T16:00:00.000Z', detail: { count: 3, limit: 3, zone: 'Asia/Shanghai' } },
  },
  {
    name: 'two pooled calls leave one for anybody',
    boundary: 'two connected calls pooled across the lender and its agencies; one more reaches the cap',
    now: '2026-03-10T06:00:00Z', situation: cnSituation({ history: pooled.slice(0, 2) }),
    expect: { result: 'allow', reason: 'under_daily_connected_call_cap',
      detail: { count: 2, limit: 3, zone: 'Asia/Shanghai' } },
  },
  {
    name: 'calls to a contact person are not calls with the debtor',
    now: '2026-03-10T06:00:00Z',
    situation: cnSituation({ history: pooled, target: { partyId: 'c-1', role: 'contact_person',
      contactPointId: 'cp-9' } }),
    expect: { result: 'not_applicable', reason: 'target_not_covered', detail: null },
  },
];
