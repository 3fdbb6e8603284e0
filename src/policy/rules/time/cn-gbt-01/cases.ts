import { cnSituation, type RuleCase } from '../../rule-case.ts';

const agreedLate = {
  kind: 'contact_time' as const, partyId: 'b-1', startsAt: '2026-03-10T14:30:00Z',
    endsAt: '2026-03-10T15:00:00Z',
  recordedAt: '2026-03-09T03:00:00Z',
};

export const cases: RuleCase[] = [
  {
    name: 'call at 22:00 Shanghai is refused until 08:00',
    now: '2026-03-10T14:00:00Z', situation: cnSituation(),
    expect: { result: 'deny', reason: 'outside_contact_window', nextAllowedAt: '2026-03-11T00:00:00.000Z',
      detail: { zone: 'Asia/Shanghai', localTime: '22:00' } },
  },
  {
    name: 'call at 21:59 Shanghai is allowed',
    boundary: 'the last minute of the contact window',
    now: '2026-03-10T13:59:00Z', situation: cnSituation(),
    expect: { result: 'allow', reason: 'within_contact_window', detail: null },
  },
  {
    name: 'SMS at 07:59 Shanghai is refused until 08:00',
    now: '2026-03-09T23:59:00Z', situation: cnSituation({ channel: 'sms' }),
    expect: { result: 'deny', reason: 'outside_contact_window', nextAllowedAt: '2026-03-10T00:00:00.000Z',
      detail: { zone: 'Asia/Shanghai', localTime: '07:59' } },
  },
  {
    name: 'call at 08:00 Shanghai is allowed',
    now: '2026-03-10T00:00:00Z', situation: cnSituation(),
    expect: { result: 'allow', reason: 'within_contact_window', detail: null },
  },
  {
    name: 'visit at 21:00 Shanghai is 22:00 in Tokyo, the other candidate zone',
    now: '2026-03-10T13:00:00Z',
    situation: cnSituation({ channel: 'visit', borrower: { timeZones: ['Asia/Shanghai', 'Asia/Tokyo'] },
      visit: { staff: 2, identityConfirmed: true, authorisationConfirmed: true } }),
    expect: { result: 'deny', reason: 'outside_contact_window', nextAllowedAt: '2026-03-11T00:00:00.000Z',
      detail: { zone: 'Asia/Tokyo', localTime: '22:00' } },
  },
  {
    name: 'call at 22:40 inside a time the borrower agreed',
    now: '2026-03-10T14:40:00Z', situation: cnSituation({ agreements: [agreedLate] }),
    expect: { result: 'allow', reason: 'agreed_contact_time', detail: null },
  },
  {
    name: 'lender window 09:00–20:00: a call at 08:30 is refused until 09:00',
    now: '2026-03-10T00:30:00Z', situation: cnSituation(),
    settings: { quiet_hours: { allowed_start: '09:00', allowed_end: '20:00' } },
    expect: { result: 'deny', reason: 'outside_contact_window', nextAllowedAt: '2026-03-10T01:00:00.000Z',
      detail: { zone: 'Asia/Shanghai', localTime: '08:30' } },
  },
  {
    name: 'a letter is not timed contact',
    now: '2026-03-10T15:00:00Z', situation: cnSituation({ channel: 'letter' }),
    expect: { result: 'not_applicable', reason: 'channel_not_covered', detail: null },
  },
];
