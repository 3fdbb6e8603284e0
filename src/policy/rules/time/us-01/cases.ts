import { usSituation, type RuleCase } from '../../rule-case.ts';

export const cases: RuleCase[] = [
  {
    name: 'call at 21:00 New York is refused until 08:00',
    now: '2026-03-11T01:00:00Z', situation: usSituation(),
    expect: { result: 'deny', reason: 'outside_contact_window', nextAllowedAt: '2026-03-11T12:00:00.000Z',
      detail: { zone: 'America/New_York', localTime: '21:00' } },
  },
  {
    name: 'call at 20:59 New York is allowed',
    boundary: 'the last minute of the 08:00–21:00 window',
    now: '2026-03-11T00:59:00Z', situation: usSituation(),
    expect: { result: 'allow', reason: 'within_contact_window', detail: null },
  },
  {
    name: 'spring forward: 08:00 EDT on 2026-03-08 is 12:00Z, and 07:59 EDT is refused',
    now: '2026-03-08T11:59:00Z', situation: usSituation(),
    expect: { result: 'deny', reason: 'outside_contact_window', nextAllowedAt: '2026-03-08T12:00:00.000Z',
      detail: { zone: 'America/New_York', localTime: '07:59' } },
  },
  {
    name: 'fall back: 08:00 EST on 2026-11-01 is 13:00Z and allowed',
    now: '2026-11-01T13:00:00Z', situation: usSituation(),
    expect: { result: 'allow', reason: 'within_contact_window', detail: null },
  },
  {
    name: 'area code in Los Angeles, address in New York: 08:30 New York is 05:30 in LA',
    now: '2026-03-10T12:30:00Z',
    situation: usSituation({ borrower: { timeZones: ['America/New_York', 'America/Los_Angeles'] } }),
    expect: { result: 'deny', reason: 'outside_contact_window', nextAllowedAt: '2026-03-10T15:00:00.000Z',
      detail: { zone: 'America/Los_Angeles', localTime: '05:30' } },
  },
  {
    name: 'the consumer asked to be called after 18:00',
    now: '2026-03-10T16:00:00Z',
    situation: usSituation({ agreements: [{ kind: 'callback', partyId: 'b-1',
      startsAt: '2026-03-10T22:00:00Z',
      recordedAt: '2026-03-10T14:00:00Z' }] }),
    expect: { result: 'deny', reason: 'consumer_asked_for_later_time',
      nextAllowedAt: '2026-03-10T22:00:00.000Z', detail: null },
  },
  {
    name: 'the consumer agreed to a call at 21:30',
    now: '2026-03-11T01:30:00Z',
    situation: usSituation({ agreements: [{ kind: 'contact_time', partyId: 'b-1', channel: 'voice',
      startsAt: '2026-03-11T01:15:00Z', endsAt: '2026-03-11T01:45:00Z',
        recordedAt: '2026-03-10T15:00:00Z' }] }),
    expect: { result: 'allow', reason: 'agreed_contact_time', detail: null },
  },
];
