import { cnSituation, type RuleCase } from '../../rule-case.ts';

const notice = { kind: 'adverse_credit_notice' as const, accountId: 'acct-1', at: '2026-03-01T02:00:00Z',
  channel: 'sms' as const };

export const cases: RuleCase[] = [
  {
    name: 'reporting without any notice',
    now: '2026-03-10T02:00:00Z', situation: cnSituation({ action: 'credit_report', target: null }),
    expect: { result: 'deny', reason: 'no_prior_notice', detail: null },
  },
  {
    name: 'reporting six days after the notice waits a day',
    now: '2026-03-07T02:00:00Z', situation: cnSituation({ action: 'credit_report', target: null,
      events: [notice] }),
    expect: { result: 'deny', reason: 'notice_lead_time_not_elapsed',
      nextAllowedAt: '2026-03-08T02:00:00.000Z', detail: null },
  },
  {
    name: 'reporting seven days after the notice',
    boundary: 'exactly seven days after the notice',
    now: '2026-03-08T02:00:00Z', situation: cnSituation({ action: 'credit_report', target: null,
      events: [notice] }),
    expect: { result: 'allow', reason: 'notified_in_advance', detail: null },
  },
  {
    name: 'a notice about another account does not count',
    now: '2026-03-10T02:00:00Z',
    situation: cnSituation({ action: 'credit_report', target: null, events: [{ ...notice,
      accountId: 'acct-2' }] }),
    expect: { result: 'deny', reason: 'no_prior_notice', detail: null },
  },
];
