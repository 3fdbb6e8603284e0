import { attempt, attempts, usSituation, type RuleCase } from '../../rule-case.ts';

// Seven rung-out calls, one a day from Monday 2026-03-02 to Sunday 2026-03-08 at 10:00 New York.
const weekOfCalls = ['2026-03-02T15:00:00Z', '2026-03-03T15:00:00Z', '2026-03-04T15:00:00Z',
  '2026-03-05T15:00:00Z',
  '2026-03-06T15:00:00Z', '2026-03-07T15:00:00Z', '2026-03-08T14:00:00Z'].map((at) => attempt(at,
    'no_answer'));

export const cases: RuleCase[] = [
  {
    name: 'an eighth call within 7 days is refused until the oldest call leaves the window',
    now: '2026-03-08T20:00:00Z', situation: usSituation({ history: weekOfCalls }),
    expect: { result: 'deny', reason: 'seven_calls_in_seven_days',
      nextAllowedAt: '2026-03-09T04:00:00.000Z', detail: { count: 7, limit: 7 } },
  },
  {
    name: 'the seventh call is allowed',
    boundary: 'six calls in the 7-day window; the seventh is the last one under the presumption',
    now: '2026-03-08T20:00:00Z', situation: usSituation({ history: weekOfCalls.slice(1) }),
    expect: { result: 'allow', reason: 'under_call_frequency_limits', detail: null },
  },
  {
    name: 'calls that never connected to the number do not count',
    now: '2026-03-08T20:00:00Z',
    situation: usSituation({ history: [...weekOfCalls.slice(1), attempt('2026-03-08T15:00:00Z', 'failed')] }),
    expect: { result: 'allow', reason: 'under_call_frequency_limits', detail: null },
  },
  {
    name: 'calls about another debt count separately',
    now: '2026-03-08T20:00:00Z',
    situation: usSituation({ history: weekOfCalls, accountId: 'acct-2' }),
    expect: { result: 'allow', reason: 'under_call_frequency_limits', detail: null },
  },
  {
    name: 'a conversation on Tuesday blocks calls through the next Monday',
    now: '2026-03-16T15:00:00Z', situation: usSituation({ history: [attempt('2026-03-10T15:00:00Z',
      'connected')] }),
    expect: { result: 'deny', reason: 'cooldown_after_conversation',
      nextAllowedAt: '2026-03-17T04:00:00.000Z', detail: { conversationDay: '2026-03-10' } },
  },
  {
    name: 'the cooldown ends at local midnight of day 8',
    now: '2026-03-17T04:00:00Z', situation: usSituation({ history: [attempt('2026-03-10T15:00:00Z',
      'connected')] }),
    expect: { result: 'allow', reason: 'under_call_frequency_limits', detail: null },
  },
  {
    name: 'an inbound conversation starts the cooldown too',
    now: '2026-03-11T15:00:00Z',
    situation: usSituation({ history: [attempt('2026-03-10T15:00:00Z', 'connected',
      { direction: 'inbound' })] }),
    expect: { result: 'deny', reason: 'cooldown_after_conversation',
      nextAllowedAt: '2026-03-17T04:00:00.000Z', detail: { conversationDay: '2026-03-10' } },
  },
  {
    name: 'the consumer asked to be called back (direct consent) two days ago',
    now: '2026-03-11T15:00:00Z',
    situation: usSituation({ history: attempts(8, '2026-03-09T15:00:00Z', 'no_answer'),
      agreements: [{ kind: 'channel_consent', partyId: 'b-1', channel: 'voice',
        recordedAt: '2026-03-09T14:00:00Z' }] }),
    expect: { result: 'allow', reason: 'consented_call', detail: null },
  },
  {
    name: 'calls to the consumer\'s attorney are outside the presumption',
    now: '2026-03-08T20:00:00Z',
    situation: usSituation({ history: weekOfCalls, target: { partyId: 'law-1', role: 'attorney',
      contactPointId: 'cp-7' } }),
    expect: { result: 'not_applicable', reason: 'target_not_covered', detail: null },
  },
];
