import type { Facts } from '../../../engine/facts.ts';
import { defineRule, WHOLE_HISTORY, type Verdict, type Verdicts } from '../../../rule.ts';
import { MS_PER_DAY } from '../../../time/zone-clock.ts';
import { CONVERSATION_OUTCOMES } from '../../rule-helpers.ts';

type Reason = 'spoke_with_consumer' | 'message_sent_without_bounce' | 'no_prior_communication'
  | 'waiting_for_undeliverable_notice' | 'message_undeliverable';

/** No "debt parking": report only after speaking with the consumer,
  or 14 days after a letter that did not bounce. */
export const rule = defineRule({
  id: 'US-13',
  title: 'Credit reporting only after a conversation, or 14 days after a message that did not bounce',
  category: 'reporting',
  jurisdiction: 'US',
  kind: 'law',
  citation: {
    source: '12 CFR 1006 (Regulation F)', section: '§1006.30(a) and comment 30(a)(1)-2', grade: 'A',
    url: 'https://www.consumerfinance.gov/rules-policy/regulations/1006/30/', requirements: ['R24'],
  },
  effective: { from: '2021-11-30' },
  summary: 'Before furnishing information about a debt to a consumer reporting agency, the '
    + 'collector has spoken '
    + 'with the consumer about it (in person or by phone), or sent a letter or electronic message '
      + 'about it and '
    + 'waited 14 consecutive days without a notice that it was undeliverable.',
  rationale: 'Furnishing without any contact ("debt parking") lets a consumer first learn of a debt '
    + 'from a credit '
    + 'report, often when applying for credit. Fourteen days is the safe harbour for "a reasonable time".',
  reasons: {
    spoke_with_consumer: 'The collector spoke with the consumer about the debt.',
    message_sent_without_bounce: 'A message about the debt went out 14 or more days ago and did not bounce.',
    no_prior_communication: 'Neither a conversation nor a message about the debt is recorded.',
    waiting_for_undeliverable_notice: 'A message went out less than 14 days ago.',
    message_undeliverable: 'The last message about the debt came back undeliverable.',
  },
  parameters: [{
    key: 'us_reporting.wait_days', kind: 'count', default: 14, legalBound: 14, stricter: 'higher',
      range: [14, 90],
    unit: 'consecutive days', description: 'Days to wait for an undeliverability notice after a message.',
  }],
  // Any earlier conversation and the last message ever sent: a shorter history only refuses more.
  lookBackDays: WHOLE_HISTORY,
  historyReads: [
    {
      party: 'borrower', channels: ['voice', 'visit'], outcomes: [...CONVERSATION_OUTCOMES],
      keep: { which: 'last', count: 1, per: 'account' },
    },
    {
      outbound: true, channels: ['letter', 'email'], outcomes: ['delivered', 'connected'],
      purposes: ['collect'],
      keep: { which: 'last', count: 1, per: 'account' },
    },
    { outbound: true, outcomes: ['delivered', 'connected'], purposes: ['validation_notice'], keep: 'all' },
    { outcomes: ['bounced'], keep: { which: 'last', count: 1, per: 'account' } },
  ],
  build(params, verdicts) {
    const waitMs = params.count('us_reporting.wait_days') * MS_PER_DAY;
    return (facts) => checkReporting(facts, verdicts, waitMs);
  },
});

function checkReporting(facts: Facts, verdicts: Verdicts<Reason>, waitMs: number): Verdict {
  if (facts.situation.action !== 'credit_report') return verdicts.notApplicable('action_not_covered');
  const borrowerId = facts.situation.borrower.id;
  const account = facts.situation.accountId;
  const spoke = facts.attempts.some((attempt) => attempt.partyId === borrowerId
    && attempt.atMs <= facts.nowMs &&
    (attempt.channel === 'voice' || attempt.channel === 'visit')
      && CONVERSATION_OUTCOMES.has(attempt.outcome) &&
    (attempt.accountId === undefined || account === undefined || attempt.accountId === account));
  if (spoke) return verdicts.allow('spoke_with_consumer');
  const sent = [...facts.events('debt_message'), ...facts.events('validation_notice')].sort((a,
    b) => a.atMs - b.atMs);
  const last = sent[sent.length - 1];
  if (last === undefined) return verdicts.deny('no_prior_communication');
  if (facts.events('undeliverable').some((event) =>
    event.atMs >= last.atMs)) return verdicts.deny('message_undeliverable');
  if (facts.nowMs < last.atMs + waitMs) {
    return verdicts.deny('waiting_for_undeliverable_notice', { nextAllowedAtMs: last.atMs + waitMs });
  }
  return verdicts.allow('message_sent_without_bounce');
}
