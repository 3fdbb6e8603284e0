import { formatInstant } from '../../../../stdx/format-instant.ts';
import type { Facts } from '../../../engine/facts.ts';
import { defineRule, WHOLE_HISTORY, type Verdict, type Verdicts } from '../../../rule.ts';
import { MS_PER_DAY } from '../../../time/zone-clock.ts';
import { contentVerdict, CONVERSATION_OUTCOMES } from '../../rule-helpers.ts';
import { validationPeriodEndMs } from '../validation-period.ts';

type Reason = 'validation_notice_sent' | 'validation_notice_due' | 'validation_notice_overdue'
  | 'amounts_not_itemised'
  | 'validation_notice_itemised';

const NOTICE_DAYS = 5;

/** The validation notice goes out in the initial communication or within 5 days of it. */
export const rule = defineRule({
  id: 'US-09',
  title: 'Validation notice within 5 days of the initial communication, itemised',
  category: 'notice',
  jurisdiction: 'US',
  kind: 'law',
  citation: {
    source: '12 CFR 1006 (Regulation F)', section: '§1006.34(a), (b)(5), (c)(2)', grade: 'A',
    url: 'https://www.consumerfinance.gov/rules-policy/regulations/1006/34/', requirements: ['R17'],
  },
  effective: { from: '2021-11-30' },
  summary: 'The validation information is given in the initial communication or within 5 days after '
    + 'it. Until it '
    + 'is sent, each contact carries a warning with the deadline; after the deadline passes without '
      + 'it, further '
    + 'collection contact is refused until the notice goes out. A validation notice itemises the debt.',
  rationale: 'The notice tells the consumer what is owed, to whom, and how to dispute it; the '
    + 'validation period '
    + '(which ends 30 days after receipt, assumed 5 business days after sending) protects that right.',
  reasons: {
    validation_notice_sent: 'The validation notice was sent.',
    validation_notice_due: 'The validation notice is due within 5 days of the initial communication.',
    validation_notice_overdue: 'More than 5 days since the initial communication and no validation notice.',
    validation_notice_itemised: 'The validation notice itemises the debt.',
    amounts_not_itemised: 'The validation notice does not itemise the debt.',
  },
  parameters: [],
  contentReasons: ['amounts_not_itemised'],
  // The first communication and the notice, however old: a shorter history misses both and warns that
  // the notice is due where it would refuse it as overdue.
  lookBackDays: WHOLE_HISTORY,
  historyReads: [
    {
      party: 'borrower', outbound: true, outcomes: [...CONVERSATION_OUTCOMES, 'delivered'],
      keep: { which: 'first', count: 1, per: 'borrower' },
    },
    { outbound: true, outcomes: ['delivered', 'connected'], purposes: ['validation_notice'], keep: 'all' },
  ],
  build(_params, verdicts) {
    return (facts) => checkValidationNotice(facts, verdicts);
  },
});

function checkValidationNotice(facts: Facts, verdicts: Verdicts<Reason>): Verdict {
  if (facts.situation.action !== 'contact' || facts.targetRole !== 'borrower') {
    return verdicts.notApplicable('target_not_covered');
  }
  if (facts.purpose === 'validation_notice') {
    const content = contentVerdict(facts, verdicts, ['amounts_not_itemised'], 'validation_notice_itemised');
    return content.reason === 'no_content' ? verdicts.allow('validation_notice_itemised') : content;
  }
  const endMs = validationPeriodEndMs(facts);
  if (endMs !== null) return verdicts.allow('validation_notice_sent',
    { periodEnds: formatInstant(endMs) });
  if (facts.purpose === 'dispute_response' || facts.purpose === 'opt_out_confirmation') {
    return verdicts.allow('validation_notice_sent');
  }
  const borrowerId = facts.situation.borrower.id;
  const initial = facts.attempts.find((attempt) => attempt.partyId === borrowerId
    && attempt.direction !== 'inbound' &&
    (CONVERSATION_OUTCOMES.has(attempt.outcome) || attempt.outcome === 'delivered'));
  const dueMs = (initial?.atMs ?? facts.nowMs) + NOTICE_DAYS * MS_PER_DAY;
  if (facts.nowMs <= dueMs) return verdicts.warn('validation_notice_due',
    { dueBy: formatInstant(dueMs) });
  return verdicts.deny('validation_notice_overdue', { detail: { dueBy: formatInstant(dueMs) } });
}
