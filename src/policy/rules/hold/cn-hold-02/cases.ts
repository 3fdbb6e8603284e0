import { cnSituation, type RuleCase } from '../../rule-case.ts';

const hardship = { kind: 'hardship' as const, startedAt: '2026-03-01T00:00:00Z',
  endedAt: '2026-04-01T00:00:00Z' };
const now = '2026-03-10T06:00:00Z';

export const cases: RuleCase[] = [
  {
    name: 'a lawsuit during a hardship hold waits for its end',
    now, situation: cnSituation({ action: 'legal_action', holds: [hardship] }),
    expect: { result: 'deny', reason: 'escalation_paused_for_hardship',
      nextAllowedAt: '2026-04-01T00:00:00.000Z', detail: null },
  },
  {
    name: 'a call to agree a plan during hardship',
    now, situation: cnSituation({ holds: [hardship] }),
    expect: { result: 'allow', reason: 'contact_allowed_during_hardship', detail: null },
  },
  {
    name: 'a lawsuit once the hold ended',
    boundary: 'the instant the hardship hold ends',
    now: '2026-04-01T00:00:00Z', situation: cnSituation({ action: 'legal_action', holds: [hardship] }),
    expect: { result: 'allow', reason: 'no_hardship_hold', detail: null },
  },
];
