import type { Facts } from '../../../engine/facts.ts';
import {
  defineRule, widestSetting, WHOLE_HISTORY, type ParameterSpec, type Verdict, type Verdicts,
} from '../../../rule.ts';
import { OUTCOMES } from '../../../situation.ts';
import type { HistoryMatch } from '../../look-back.ts';
import { consecutiveFailures, FAILED_TO_REACH } from '../../rule-helpers.ts';

type Reason = 'target_is_debtor' | 'target_is_liable_or_counsel' | 'contact_person_refused'
  | 'borrower_stopped_third_party_contact' | 'debtor_deceased' | 'debtor_incapacitated' | 'debtor_unreachable'
  | 'debtor_reachable';

const FAILURES_PARAMETER: ParameterSpec = {
  key: 'third_party.consecutive_failures_min', kind: 'count', default: 3, legalBound: 3, stricter: 'higher',
  range: [3, 30], unit: 'consecutive failed attempts',
  description: 'Consecutive failed attempts to reach the debtor before a contact person may be contacted.',
};

/** Outbound calls to the debtor, whose failures in a row make the debtor unreachable. */
const CALLS_TO_DEBTOR: HistoryMatch = { party: 'borrower', channels: ['voice'], outbound: true };
/** The outcomes of a call that end a run of failures (a reservation or a cancelled call does not). */
const RUN_BREAKS = OUTCOMES.filter((outcome) =>
  !FAILED_TO_REACH.has(outcome) && outcome !== 'reserved' && outcome !== 'cancelled');

/** Contact persons only when the debtor is lost,
  dead or incapacitated; refusals and stop requests are final. */
export const rule = defineRule({
  id: 'CN-GBT-03',
  title: 'Contact persons only when the debtor cannot be reached, has died or lacks capacity',
  category: 'third-party',
  jurisdiction: 'CN',
  kind: 'law',
  citation: {
    source: 'GB/T 45251-2025', section: '§5.3 催收对象; CBA 2026 third-party article', grade: 'B',
    requirements: ['R8'],
  },
  effective: { from: '2025-02-28' },
  summary: 'Collect from the debtor (and a guarantor as the agreement allows), never from contact persons. A '
    + 'contact person may be reached only when the debtor is unreachable (every known number '
      + 'invalid, or at least '
    + '3 consecutive failed attempts), has died or lacks civil capacity. A contact person who '
      + 'refused is never '
    + 'contacted again; a borrower\'s request to stop contacting their contacts blocks all of them.',
  rationale: 'Calling the phone book (爆通讯录) is the signature abuse of online lending. The standard lets a '
    + 'contact person be reached only as a last resort and only to find the debtor; the CBA guideline fixes '
    + '"unreachable" as an invalid number or three consecutive failed attempts.',
  reasons: {
    target_is_debtor: 'The person contacted is the debtor.',
    target_is_liable_or_counsel: 'The person is a guarantor or the debtor\'s counsel.',
    contact_person_refused: 'This contact person refused contact earlier and is permanently do-not-contact.',
    borrower_stopped_third_party_contact: 'The borrower asked that their contacts not be contacted.',
    debtor_deceased: 'The debtor has died; contact persons may be reached.',
    debtor_incapacitated: 'The debtor lacks civil capacity; contact persons may be reached.',
    debtor_unreachable: 'The debtor cannot be reached (numbers invalid or consecutive attempts failed).',
    debtor_reachable: 'The debtor has not been shown unreachable; contact persons may not be contacted.',
  },
  parameters: [FAILURES_PARAMETER],
  // The run of failed calls, however long, and refusals ever: a shorter history shortens the run (so
  // refuses more); a refusal also stays on the person's do-not-contact mark.
  lookBackDays: WHOLE_HISTORY,
  // Refusals ever, and the run of failed calls to the debtor since the last call that did not fail, as
  // far back as the longest run a lender may require.
  historyReads: [
    { party: 'others', outcomes: ['refused'], keep: 'all' },
    {
      ...CALLS_TO_DEBTOR, outcomes: [...FAILED_TO_REACH],
      keep: {
        which: 'last', count: widestSetting(FAILURES_PARAMETER), per: 'borrower',
        afterLast: { ...CALLS_TO_DEBTOR, outcomes: RUN_BREAKS },
      },
    },
  ],
  build(params, verdicts) {
    const needed = params.count('third_party.consecutive_failures_min');
    return (facts) => checkContactPerson(facts, verdicts, needed);
  },
});

function checkContactPerson(facts: Facts, verdicts: Verdicts<Reason>, needed: number): Verdict {
  const target = facts.target;
  if (facts.situation.action !== 'contact'
    || target === null) return verdicts.notApplicable('action_not_covered');
  if (target.role === 'borrower') return verdicts.allow('target_is_debtor');
  if (target.role !== 'contact_person') return verdicts.allow('target_is_liable_or_counsel');
  const refused = target.doNotContact === true || facts.attempts.some((attempt) =>
    attempt.partyId === target.partyId && attempt.outcome === 'refused' && attempt.atMs <= facts.nowMs);
  if (refused) return verdicts.deny('contact_person_refused');
  const borrowerId = facts.situation.borrower.id;
  if (facts.agreements('stop_third_party_contact', borrowerId).length > 0) {
    return verdicts.deny('borrower_stopped_third_party_contact');
  }
  if (facts.holds(['deceased']).length > 0) return verdicts.allow('debtor_deceased');
  if (facts.holds(['incapacitated']).length > 0) return verdicts.allow('debtor_incapacitated');
  const failures = consecutiveFailures(facts, borrowerId);
  if (facts.situation.borrower.allNumbersInvalid === true || failures >= needed) {
    return verdicts.allow('debtor_unreachable', { consecutiveFailures: failures });
  }
  return verdicts.deny('debtor_reachable', { detail: { consecutiveFailures: failures, needed } });
}
