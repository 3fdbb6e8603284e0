import { cnSituation, type RuleCase } from '../../rule-case.ts';

const dispute = { kind: 'dispute' as const, accountId: 'acct-1', startedAt: '2026-03-05T00:00:00Z' };
const now = '2026-03-10T06:00:00Z';

export const cases: RuleCase[] = [
  {
    name: 'a collection call while a dispute is open',
    now, situation: cnSituation({ holds: [dispute] }),
    expect: { result: 'deny', reason: 'collection_paused_for_dispute', detail: null },
  },
  {
    name: 'a call answering the dispute',
    now, situation: cnSituation({ purpose: 'dispute_response', holds: [dispute] }),
    expect: { result: 'allow', reason: 'dispute_handling_contact', detail: null },
  },
  {
    name: 'a dispute on another account does not pause this one',
    now, situation: cnSituation({ holds: [{ ...dispute, accountId: 'acct-2' }] }),
    expect: { result: 'allow', reason: 'no_open_dispute', detail: null },
  },
  {
    name: 'a bureau report while the dispute is open',
    now, situation: cnSituation({ action: 'credit_report', holds: [dispute] }),
    expect: { result: 'deny', reason: 'collection_paused_for_dispute', detail: null },
  },
  {
    name: 'the dispute was answered a minute ago',
    boundary: 'the first minute after the dispute was answered',
    now, situation: cnSituation({ holds: [{ ...dispute, endedAt: '2026-03-10T05:59:00Z' }] }),
    expect: { result: 'allow', reason: 'no_open_dispute', detail: null },
  },
];
