import { defineRule, WHOLE_HISTORY } from '../../../rule.ts';
import { HOLD_PASS_PURPOSES, holdsEndMs } from '../hold-helpers.ts';
import { validationPeriodEndMs } from '../../notice/validation-period.ts';

/** A dispute received within the validation period stops collection until verification is sent. */
export const rule = defineRule({
  id: 'US-11',
  title: 'Dispute in the validation period: collection stops until verification is sent',
  category: 'hold',
  jurisdiction: 'US',
  kind: 'law',
  citation: {
    source: '12 CFR 1006 (Regulation F)', section: '§1006.38(d)(2); §1006.34(c)(3)', grade: 'B',
    url: 'https://www.consumerfinance.gov/rules-policy/regulations/1006/38/', requirements: ['R18'],
  },
  effective: { from: '2021-11-30' },
  summary: 'When the consumer disputes the debt in writing within the validation period (30 days '
    + 'after receipt of '
    + 'the validation notice, receipt assumed 5 business days after sending), no collection '
      + 'contact, report or '
    + 'suit about it until the verification is sent (the dispute hold is closed). A later dispute '
      + 'is reported as a '
    + 'warning.',
  rationale: 'The validation period exists so that a consumer can stop collection by disputing; '
    + 'continuing while '
    + 'the dispute is open overshadows that right.',
  reasons: {
    no_open_dispute: 'No dispute is open on this debt.',
    dispute_handling_contact: 'The contact answers the dispute or serves the consumer.',
    collection_paused_pending_verification: 'A timely dispute is open; collection waits for verification.',
    late_dispute_open: 'A dispute received after the validation period is open.',
  },
  parameters: [],
  // The first validation notice ever sent, which dates the validation period: a shorter history
  // misses an old notice and treats a late dispute as timely, refusing instead of warning.
  lookBackDays: WHOLE_HISTORY,
  historyReads: [
    { outbound: true, outcomes: ['delivered', 'connected'], purposes: ['validation_notice'], keep: 'all' },
  ],
  build(_params, verdicts) {
    return (facts) => {
      const disputes = facts.holds(['dispute']);
      if (disputes.length === 0) return verdicts.allow('no_open_dispute');
      if (facts.situation.action === 'contact' && HOLD_PASS_PURPOSES.has(facts.purpose)) {
        return verdicts.allow('dispute_handling_contact');
      }
      const periodEndMs = validationPeriodEndMs(facts);
      const timely = disputes.filter((hold) => periodEndMs === null || hold.startedMs < periodEndMs);
      if (timely.length === 0) return verdicts.warn('late_dispute_open');
      return verdicts.deny('collection_paused_pending_verification', { nextAllowedAtMs: holdsEndMs(timely,
        facts.nowMs) });
    };
  },
});
