import type { RuleCase } from '../../../../../../src/policy/rules/rule-case.ts';
import { ukSituation } from '../../../uk-situation.ts';

/** London is on GMT (UTC) until 2026-03-29 and on BST (UTC+1) from then until 2026-10-25. */
export const cases: RuleCase[] = [
  {
    name: 'call at 21:00 London is refused until 08:00',
    now: '2026-03-10T21:00:00Z', situation: ukSituation(),
    expect: { result: 'deny', reason: 'outside_contact_window', nextAllowedAt: '2026-03-11T08:00:00.000Z',
      detail: { zone: 'Europe/London', localTime: '21:00' } },
  },
  {
    name: 'call at 20:59 London is allowed',
    boundary: 'the last minute of the 08:00–21:00 window',
    now: '2026-03-10T20:59:00Z', situation: ukSituation(),
    expect: { result: 'allow', reason: 'within_contact_window', detail: null },
  },
  {
    name: 'summer time: 07:59 BST is 06:59Z and refused until 08:00 BST',
    now: '2026-06-10T06:59:00Z', situation: ukSituation(),
    expect: { result: 'deny', reason: 'outside_contact_window', nextAllowedAt: '2026-06-10T07:00:00.000Z',
      detail: { zone: 'Europe/London', localTime: '07:59' } },
  },
  {
    name: 'summer time: 08:00 BST is 07:00Z and allowed',
    boundary: 'the first minute of the window, in summer time',
    now: '2026-06-10T07:00:00Z', situation: ukSituation(),
    expect: { result: 'allow', reason: 'within_contact_window', detail: null },
  },
  {
    name: 'a lender that starts at 09:00 refuses 08:59',
    now: '2026-03-10T08:59:00Z', situation: ukSituation(), settings: { contact_hours: { allowed_start: '09:00' } },
    expect: { result: 'deny', reason: 'outside_contact_window', nextAllowedAt: '2026-03-10T09:00:00.000Z',
      detail: { zone: 'Europe/London', localTime: '08:59' } },
  },
  {
    name: 'the customer, a shift worker, asked to be called after 18:00',
    now: '2026-03-10T16:00:00Z',
    situation: ukSituation({ agreements: [{ kind: 'callback', partyId: 'b-1', startsAt: '2026-03-10T18:00:00Z',
      recordedAt: '2026-03-10T09:00:00Z' }] }),
    expect: { result: 'deny', reason: 'customer_asked_for_later_time', nextAllowedAt: '2026-03-10T18:00:00.000Z',
      detail: null },
  },
  {
    name: 'the customer agreed to a call at 21:30',
    now: '2026-03-10T21:30:00Z',
    situation: ukSituation({ agreements: [{ kind: 'contact_time', partyId: 'b-1', channel: 'voice',
      startsAt: '2026-03-10T21:15:00Z', endsAt: '2026-03-10T21:45:00Z', recordedAt: '2026-03-10T10:00:00Z' }] }),
    expect: { result: 'allow', reason: 'agreed_contact_time', detail: null },
  },
];
