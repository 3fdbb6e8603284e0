import { cnSituation, type RuleCase } from '../../rule-case.ts';

const agencyA = { kind: 'agency' as const, id: 'ag-a-7', agencyId: 'agency-a', dialledFrom: '4008001001',
  registeredNumbers: ['4008001001'] };
const placedWithA = { accountId: 'acct-1', agencyId: 'agency-a', placedAt: '2026-03-01T00:00:00Z' };
const now = '2026-03-10T06:00:00Z';

export const cases: RuleCase[] = [
  {
    name: 'an agency calls about an account never placed with it',
    now, situation: cnSituation({ actor: agencyA, placements: [] }),
    expect: { result: 'deny', reason: 'account_not_placed_with_agency', detail: null },
  },
  {
    name: 'an agency calls about an account placed with it',
    now, situation: cnSituation({ actor: agencyA, placements: [placedWithA] }),
    expect: { result: 'allow', reason: 'account_placed_with_agency', detail: null },
  },
  {
    name: 'an agency calls after the account was recalled',
    now, situation: cnSituation({ actor: agencyA, placements: [{ ...placedWithA,
      recalledAt: '2026-03-10T05:00:00Z' }] }),
    expect: { result: 'deny', reason: 'account_not_placed_with_agency', detail: null },
  },
  {
    name: 'placing the debt with agency B while agency A holds it',
    now, situation: cnSituation({ action: 'placement', actor: { kind: 'system', id: 'cycle',
      agencyId: 'agency-b' },
      placements: [placedWithA] }),
    expect: { result: 'deny', reason: 'debt_placed_with_another_agency', detail: { agencyId: 'agency-a' } },
  },
  {
    name: 'placing the debt with agency B after A\'s placement was recalled',
    now, situation: cnSituation({ action: 'placement', actor: { kind: 'system', id: 'cycle',
      agencyId: 'agency-b' },
      placements: [{ ...placedWithA, recalledAt: '2026-03-09T00:00:00Z' }] }),
    expect: { result: 'allow', reason: 'single_agency_placement', detail: null },
  },
  {
    name: 'the ladder reviews a placement (no agency named yet) while agency A holds the debt',
    now, situation: cnSituation({ action: 'placement', actor: { kind: 'system', id: 'cycle' },
      placements: [placedWithA] }),
    expect: { result: 'deny', reason: 'debt_placed_with_another_agency', detail: { agencyId: 'agency-a' } },
  },
  {
    name: 'the ladder reviews a placement (no agency named yet) of a debt no agency holds',
    now, situation: cnSituation({ action: 'placement', actor: { kind: 'system', id: 'cycle' } }),
    expect: { result: 'allow', reason: 'single_agency_placement', detail: null },
  },
  {
    name: 'an in-house agent calls',
    now, situation: cnSituation(),
    expect: { result: 'not_applicable', reason: 'not_an_agency_action', detail: null },
  },
  {
    name: 'placing the debt with agency B the instant A\'s recall takes effect',
    boundary: 'the recall instant: from then on agency A no longer holds the debt',
    now, situation: cnSituation({ action: 'placement', actor: { kind: 'system', id: 'cycle',
      agencyId: 'agency-b' },
      placements: [{ ...placedWithA, recalledAt: now }] }),
    expect: { result: 'allow', reason: 'single_agency_placement', detail: null },
  },
];
