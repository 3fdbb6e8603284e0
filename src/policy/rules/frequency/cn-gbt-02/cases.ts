import { attempt, attempts, cnSituation, type RuleCase } from '../../rule-case.ts';

export const cases: RuleCase[] = [
  {
    name: 'fourth connected call of the Shanghai day is refused until local midnight',
    now: '2026-03-10T06:00:00Z', situation: cnSituation({ history: attempts(3, '2026-03-10T01:00:00Z',
      'connected') }),
    expect: { result: 'deny', reason: 'daily_connected_call_cap_reached',
      nextAllowedAt: '2026-03-10T16:00:00.000Z', detail: { count: 3, limit: 3, zone: 'Asia/Shanghai' } },
  },
  {
    name: 'third connected call is allowed',
    boundary: 'two connected calls today; the third is the last one under the cap',
    now: '2026-03-10T06:00:00Z', situation: cnSituation({ history: attempts(2, '2026-03-10T01:00:00Z',
      'connected') }),
    expect: { result: 'allow', reason: 'under_daily_connected_call_cap',
      detail: { count: 2, limit: 3, zone: 'Asia/Shanghai' } },
  },
  {
    name: 'AI voice calls count toward the cap',
    now: '2026-03-10T06:00:00Z',
    situation: cnSituation({ history: attempts(3, '2026-03-10T01:00:00Z', 'promise_to_pay',
      { actorKind: 'ai_voice' }) }),
    expect: { result: 'deny', reason: 'daily_connected_call_cap_reached',
      nextAllowedAt: '2026-03-10T16:00:00.000Z', detail: { count: 3, limit: 3, zone: 'Asia/Shanghai' } },
  },
  {
    name: 'yesterday\'s calls (before local midnight 16:00Z) do not count',
    now: '2026-03-10T16:00:00Z', situation: cnSituation({ history: attempts(3, '2026-03-10T15:50:00Z',
      'connected') }),
    expect: { result: 'allow', reason: 'under_daily_connected_call_cap',
      detail: { count: 0, limit: 3, zone: 'Asia/Shanghai' } },
  },
  {
    name: 'a call being dialled by another collector counts (reservation)',
    now: '2026-03-10T06:00:00Z',
    situation: cnSituation({ history: [...attempts(2, '2026-03-10T01:00:00Z', 'connected'),
      attempt('2026-03-10T05:59:00Z', 'reserved', { actorId: 'agent-2' })] }),
    expect: { result: 'deny', reason: 'daily_connected_call_cap_reached',
      nextAllowedAt: '2026-03-10T16:00:00.000Z', detail: { count: 3, limit: 3, zone: 'Asia/Shanghai' } },
  },
  {
    name: 'lender cap of 2',
    now: '2026-03-10T06:00:00Z', situation: cnSituation({ history: attempts(2, '2026-03-10T01:00:00Z',
      'connected') }),
    settings: { voice: { connected_calls_per_day_max: 2 } },
    expect: { result: 'deny', reason: 'daily_connected_call_cap_reached',
      nextAllowedAt: '2026-03-10T16:00:00.000Z', detail: { count: 2, limit: 2, zone: 'Asia/Shanghai' } },
  },
  {
    name: 'an SMS is not a voice call',
    now: '2026-03-10T06:00:00Z',
    situation: cnSituation({ channel: 'sms', history: attempts(3, '2026-03-10T01:00:00Z', 'connected') }),
    expect: { result: 'not_applicable', reason: 'channel_not_covered', detail: null },
  },
];
