import { attempt, usSituation, type RuleCase } from '../../rule-case.ts';

const letter = { kind: 'debt_message' as const, accountId: 'acct-1', at: '2026-03-02T15:00:00Z',
  channel: 'letter' as const };
const report = { action: 'credit_report' as const, target: null };

export const cases: RuleCase[] = [
  {
    name: 'reporting 13 days after the letter waits for the 14th',
    now: '2026-03-15T15:00:00Z', situation: usSituation({ ...report, events: [letter] }),
    expect: { result: 'deny', reason: 'waiting_for_undeliverable_notice',
      nextAllowedAt: '2026-03-16T15:00:00.000Z', detail: null },
  },
  {
    name: 'reporting 14 days after the letter with no bounce',
    boundary: 'exactly 14 days after the letter, with no notice of non-delivery',
    now: '2026-03-16T15:00:00Z', situation: usSituation({ ...report, events: [letter] }),
    expect: { result: 'allow', reason: 'message_sent_without_bounce', detail: null },
  },
  {
    name: 'the letter came back undeliverable',
    now: '2026-03-20T15:00:00Z',
    situation: usSituation({ ...report, events: [letter, { kind: 'undeliverable', accountId: 'acct-1',
      at: '2026-03-09T15:00:00Z' }] }),
    expect: { result: 'deny', reason: 'message_undeliverable', detail: null },
  },
  {
    name: 'no contact of any kind yet',
    now: '2026-03-20T15:00:00Z', situation: usSituation(report),
    expect: { result: 'deny', reason: 'no_prior_communication', detail: null },
  },
  {
    name: 'the collector spoke with the consumer',
    now: '2026-03-03T15:00:00Z', situation: usSituation({ ...report,
      history: [attempt('2026-03-02T15:00:00Z', 'connected')] }),
    expect: { result: 'allow', reason: 'spoke_with_consumer', detail: null },
  },
];
