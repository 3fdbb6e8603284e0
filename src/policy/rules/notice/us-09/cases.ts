import { attempt, usSituation, type RuleCase } from '../../rule-case.ts';

const initial = attempt('2026-03-02T15:00:00Z', 'connected');
const notice = { kind: 'validation_notice' as const, accountId: 'acct-1', at: '2026-03-03T15:00:00Z',
  channel: 'letter' as const };

export const cases: RuleCase[] = [
  {
    name: 'a collection call six days after the initial call, no notice sent',
    now: '2026-03-08T16:00:00Z', situation: usSituation({ history: [initial] }),
    expect: { result: 'deny', reason: 'validation_notice_overdue',
      detail: { dueBy: '2026-03-07T15:00:00.000Z' } },
  },
  {
    name: 'a call on day 5 warns that the notice is due',
    now: '2026-03-07T15:00:00Z', situation: usSituation({ history: [initial] }),
    expect: { result: 'warn', reason: 'validation_notice_due',
      detail: { dueBy: '2026-03-07T15:00:00.000Z' } },
  },
  {
    name: 'a call after the notice was sent',
    now: '2026-03-10T15:00:00Z', situation: usSituation({ history: [initial], events: [notice] }),
    expect: { result: 'allow', reason: 'validation_notice_sent',
      detail: { periodEnds: '2026-04-10T04:00:00.000Z' } },
  },
  {
    name: 'a validation letter without the itemisation',
    now: '2026-03-03T15:00:00Z',
    situation: usSituation({ channel: 'letter', purpose: 'validation_notice', content: { locale: 'en',
      text: 'Harbor Recovery is a debt collector. You owe $1,250.00. Ref FC-7Q2K.',
        institution: 'Harbor Recovery',
      verificationRef: 'FC-7Q2K', amounts: { principal: '1200.00', interest: '50.00' } } }),
    expect: { result: 'deny', reason: 'amounts_not_itemised', detail: { missing: 'principal 1200.00' } },
  },
  {
    name: 'an itemised validation letter',
    now: '2026-03-03T15:00:00Z',
    situation: usSituation({ channel: 'letter', purpose: 'validation_notice', content: { locale: 'en',
      text: 'Harbor Recovery is a debt collector. Principal $1,200.00; interest $50.00. Ref FC-7Q2K.',
      institution: 'Harbor Recovery', verificationRef: 'FC-7Q2K', amounts: { principal: '1200.00',
        interest: '50.00' } } }),
    expect: { result: 'allow', reason: 'validation_notice_itemised', detail: null },
  },
  {
    name: 'the same call when the notice went out on the fifth day, the last instant allowed',
    boundary: 'the notice sent at the last instant of the five days',
    now: '2026-03-08T16:00:00Z', situation: usSituation({ history: [initial], events: [{ ...notice,
      at: '2026-03-07T15:00:00Z' }] }),
    expect: { result: 'allow', reason: 'validation_notice_sent',
      detail: { periodEnds: '2026-04-13T04:00:00.000Z' } },
  },
];
