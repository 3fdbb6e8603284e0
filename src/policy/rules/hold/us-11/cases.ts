import { usSituation, type RuleCase } from '../../rule-case.ts';

// Sent Monday 2026-03-02; received (assumed) Monday 2026-03-09; the period ends with Wednesday 2026-04-08.
const notice = { kind: 'validation_notice' as const, accountId: 'acct-1', at: '2026-03-02T15:00:00Z',
  channel: 'letter' as const };
const disputeOn = (startedAt: string) => ({ kind: 'dispute' as const, accountId: 'acct-1', startedAt });
const now = '2026-04-15T15:00:00Z';

export const cases: RuleCase[] = [
  {
    name: 'a call while a dispute from the last day of the period is open',
    now, situation: usSituation({ events: [notice], holds: [disputeOn('2026-04-09T03:59:00Z')] }),
    expect: { result: 'deny', reason: 'collection_paused_pending_verification', detail: null },
  },
  {
    name: 'a dispute one minute after the period ended only warns',
    now, situation: usSituation({ events: [notice], holds: [disputeOn('2026-04-09T04:00:00Z')] }),
    expect: { result: 'warn', reason: 'late_dispute_open', detail: null },
  },
  {
    name: 'sending the verification',
    now, situation: usSituation({ purpose: 'dispute_response', events: [notice],
      holds: [disputeOn('2026-03-20T15:00:00Z')] }),
    expect: { result: 'allow', reason: 'dispute_handling_contact', detail: null },
  },
  {
    name: 'verification sent, hold closed',
    now, situation: usSituation({ events: [notice], holds: [{ ...disputeOn('2026-03-20T15:00:00Z'),
      endedAt: '2026-04-01T00:00:00Z' }] }),
    expect: { result: 'allow', reason: 'no_open_dispute', detail: null },
  },
  {
    name: 'a call the instant the verification closes the hold',
    boundary: 'the instant the dispute hold ends',
    now, situation: usSituation({ events: [notice], holds: [{ ...disputeOn('2026-04-09T03:59:00Z'),
      endedAt: now }] }),
    expect: { result: 'allow', reason: 'no_open_dispute', detail: null },
  },
];
