import { cnSituation, type RuleCase } from '../../rule-case.ts';

const callMeAtSix = {
  kind: 'callback' as const, partyId: 'b-1', startsAt: '2026-03-10T10:00:00Z',
    recordedAt: '2026-03-10T02:00:00Z',
};

export const cases: RuleCase[] = [
  {
    name: 'a call at 17:59 when the borrower said "call me at 18:00"',
    now: '2026-03-10T09:59:00Z', situation: cnSituation({ agreements: [callMeAtSix] }),
    expect: { result: 'deny', reason: 'callback_time_not_reached',
      nextAllowedAt: '2026-03-10T10:00:00.000Z', detail: null },
  },
  {
    name: 'the call at 18:00 as agreed',
    boundary: 'the first minute of the time the borrower asked for',
    now: '2026-03-10T10:00:00Z', situation: cnSituation({ agreements: [callMeAtSix] }),
    expect: { result: 'allow', reason: 'no_objection_recorded', detail: null },
  },
  {
    name: 'a neutral SMS before the callback time is possible',
    now: '2026-03-10T09:00:00Z', situation: cnSituation({ channel: 'sms', agreements: [callMeAtSix] }),
    expect: { result: 'allow', reason: 'no_objection_recorded', detail: null },
  },
  {
    name: 'the borrower objected to app push messages',
    now: '2026-03-10T09:00:00Z',
    situation: cnSituation({ channel: 'app_push', optOuts: [{ partyId: 'b-1', channel: 'app_push',
      at: '2026-03-01T00:00:00Z' }] }),
    expect: { result: 'deny', reason: 'channel_opted_out', detail: { channel: 'app_push' } },
  },
];
