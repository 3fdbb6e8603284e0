import { defineRule, WHOLE_HISTORY } from '../../../rule.ts';
import { MS_PER_DAY } from '../../../time/zone-clock.ts';

/** Adverse information goes to the credit bureau only after the borrower was told in advance. */
export const rule = defineRule({
  id: 'CN-CRR-01',
  title: 'Adverse credit reporting only after notice to the borrower',
  category: 'reporting',
  jurisdiction: 'CN',
  kind: 'law',
  citation: {
    source: '征信业管理条例 (Credit Reporting Regulation, 2013)', section: 'art. 15', grade: 'A',
  },
  effective: { from: '2013-03-15' },
  summary: 'Negative information about the borrower is furnished to a credit bureau only after a '
    + 'notice was sent '
    + 'to the borrower, and only once `credit_report.notice_lead_days` have passed since (7 by default).',
  rationale: 'The regulation requires advance notice of adverse information and sets no lead time; '
    + 'the product '
    + 'gives the borrower a week to pay or dispute before the record is made. A lender may lengthen it.',
  reasons: {
    notified_in_advance: 'A notice was sent at least the lead time before.',
    no_prior_notice: 'No adverse-information notice was sent to the borrower.',
    notice_lead_time_not_elapsed: 'The notice was sent less than the lead time ago.',
  },
  parameters: [{
    key: 'credit_report.notice_lead_days', kind: 'count', default: 7, legalBound: 0, stricter: 'higher',
    range: [0, 90], unit: 'days between the notice and the report',
    description: 'Days after the adverse-information notice before reporting (the law requires only '
      + '"in advance").',
  }],
  // The first adverse-information notice ever sent: a shorter history waits longer or refuses.
  lookBackDays: WHOLE_HISTORY,
  historyReads: [{
    outbound: true, outcomes: ['delivered', 'connected'], purposes: ['adverse_credit_notice'], keep: 'all',
  }],
  build(params, verdicts) {
    const leadMs = params.count('credit_report.notice_lead_days') * MS_PER_DAY;
    return (facts) => {
      if (facts.situation.action !== 'credit_report') return verdicts.notApplicable('action_not_covered');
      const notices = facts.events('adverse_credit_notice').filter((event) => event.atMs < facts.nowMs);
      const first = notices[0];
      if (first === undefined) return verdicts.deny('no_prior_notice');
      if (facts.nowMs < first.atMs + leadMs) {
        return verdicts.deny('notice_lead_time_not_elapsed', { nextAllowedAtMs: first.atMs + leadMs });
      }
      return verdicts.allow('notified_in_advance');
    };
  },
});
