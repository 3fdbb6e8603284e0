import type { Facts } from '../../../engine/facts.ts';
import { defineRule, WHOLE_HISTORY, type Verdict, type Verdicts } from '../../../rule.ts';
import { MS_PER_DAY } from '../../../time/zone-clock.ts';
import type { HistoryMatch } from '../../look-back.ts';
import { CONVERSATION_OUTCOMES, FAILED_TO_REACH, isOutboundVoice } from '../../rule-helpers.ts';

type Reason = 'phone_contact_failed_long_enough' | 'phone_contact_not_attempted'
  | 'phone_contact_not_exhausted';

/** The borrower's phone conversations, each of which ends a run of failed calls. */
const PHONE_CONVERSATIONS: HistoryMatch = {
  party: 'borrower', channels: ['voice'], outcomes: [...CONVERSATION_OUTCOMES],
};

/** Internal policy: a field visit only after phone contact has failed for a number of days. */
export const rule = defineRule({
  id: 'CN-INT-02',
  title: 'Field visits only after phone contact has failed for a policy number of days (internal policy)',
  category: 'visit',
  jurisdiction: 'CN',
  kind: 'internal',
  citation: {
    source: 'FairCollect internal policy', section: 'visit precondition (R11)', grade: 'policy',
      requirements: ['R11'],
  },
  effective: { from: '2025-02-28' },
  summary: 'A visit is proposed only when calls to the borrower have failed, without any '
    + 'conversation since, for '
    + 'at least `visit.phone_failure_days_min` days (7 by default).',
  rationale: 'A visit is the most intrusive contact. R11 allows it only after phone contact failed '
    + 'for a long '
    + 'time; a borrower who answers the phone is not visited.',
  reasons: {
    phone_contact_failed_long_enough: 'Phone contact has failed for at least the policy number of days.',
    phone_contact_not_attempted: 'No failed phone attempt since the last conversation: phone first.',
    phone_contact_not_exhausted: 'Phone contact has not yet failed for the policy number of days.',
  },
  parameters: [{
    key: 'visit.phone_failure_days_min', kind: 'count', default: 7, legalBound: null, stricter: 'higher',
    range: [1,
      180], unit: 'days', description: 'Days of failed phone contact before a visit (internal policy).',
  }],
  // The run of failed calls since the last conversation, however old: a shorter history starts the
  // run later, so the visit waits longer.
  lookBackDays: WHOLE_HISTORY,
  historyReads: [
    { ...PHONE_CONVERSATIONS, keep: { which: 'last', count: 1, per: 'borrower' } },
    {
      party: 'borrower', channels: ['voice'], outbound: true, outcomes: [...FAILED_TO_REACH],
      keep: { which: 'first', count: 1, per: 'borrower', afterLast: PHONE_CONVERSATIONS },
    },
  ],
  build(params, verdicts) {
    const days = params.count('visit.phone_failure_days_min');
    return (facts) => checkPhoneFirst(facts, verdicts, days);
  },
});

function checkPhoneFirst(facts: Facts, verdicts: Verdicts<Reason>, days: number): Verdict {
  if (facts.channel !== 'visit') return verdicts.notApplicable('channel_not_covered');
  const borrowerId = facts.situation.borrower.id;
  let firstFailureMs: number | null = null;
  for (const attempt of facts.attempts) {
    if (attempt.partyId !== borrowerId || attempt.channel !== 'voice' || attempt.atMs > facts.nowMs) continue;
    if (CONVERSATION_OUTCOMES.has(attempt.outcome)) firstFailureMs = null;
    else if (isOutboundVoice(attempt) && FAILED_TO_REACH.has(attempt.outcome) && firstFailureMs === null) {
      firstFailureMs = attempt.atMs;
    }
  }
  if (firstFailureMs === null) return verdicts.deny('phone_contact_not_attempted');
  const readyMs = firstFailureMs + days * MS_PER_DAY;
  if (facts.nowMs < readyMs) return verdicts.deny('phone_contact_not_exhausted',
    { nextAllowedAtMs: readyMs });
  return verdicts.allow('phone_contact_failed_long_enough');
}
