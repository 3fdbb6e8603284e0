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
  {
    name: 'the borrower said only evenings (18:00–21:00) are convenient: a call at 10:00 waits',
    now: '2026-03-10T02:00:00Z',
    situation: cnSituation({ agreements: [{ kind: 'contact_time', partyId: 'b-1', dailyFrom: '18:00',
      dailyUntil: '21:00', onlyThen: true, recordedAt: '2026-03-09T12:00:00Z' }] }),
    expect: { result: 'deny', reason: 'outside_only_convenient_time',
      nextAllowedAt: '2026-03-10T10:00:00.000Z', detail: null },
  },
  {
    name: 'the same borrower at 18:00',
    boundary: 'the first minute of the only convenient time',
    now: '2026-03-10T10:00:00Z',
    situation: cnSituation({ agreements: [{ kind: 'contact_time', partyId: 'b-1', dailyFrom: '18:00',
      dailyUntil: '21:00', onlyThen: true, recordedAt: '2026-03-09T12:00:00Z' }] }),
    expect: { result: 'allow', reason: 'no_objection_recorded', detail: null },
  },
  {
    name: 'the borrower said 12:00–14:00 is inconvenient (a lunch break)',
    now: '2026-03-10T04:30:00Z',
    situation: cnSituation({ inconvenientTimes: [{ partyId: 'b-1', from: '12:00', until: '14:00',
      statedAt: '2026-03-01T04:00:00Z' }] }),
    expect: { result: 'deny', reason: 'stated_inconvenient_time',
      nextAllowedAt: '2026-03-10T06:00:00.000Z', detail: { from: '12:00', until: '14:00' } },
  },
];
