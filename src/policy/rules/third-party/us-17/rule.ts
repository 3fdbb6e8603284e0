import type { Facts } from '../../../engine/facts.ts';
import { parseInstantMs } from '../../../../stdx/parse-instant-ms.ts';
import { defineRule, type Verdict, type Verdicts } from '../../../rule.ts';
import type { Attorney } from '../../../situation.ts';

type Reason = 'no_attorney_known' | 'represented_by_attorney' | 'attorney_failed_to_respond'
  | 'attorney_consented_to_direct_contact';

/** Reg F: once the consumer is known to have an attorney for the debt, communication goes to the attorney. */
export const rule = defineRule({
  id: 'US-17',
  title: 'Represented consumer: communicate with the attorney, not the consumer or third parties',
  category: 'third-party',
  jurisdiction: 'US',
  kind: 'law',
  citation: {
    source: '12 CFR 1006 (Regulation F)', section: '§1006.6(b)(2); FDCPA §804(6), §805(a)(2)', grade: 'A',
    url: 'https://www.consumerfinance.gov/rules-policy/regulations/1006/6/', requirements: ['R8'],
  },
  effective: { from: '2021-11-30' },
  summary: 'From the moment the collector knows the consumer is represented by an attorney about the debt '
    + '(and knows or can find the attorney\'s name and address), no communication about that debt with the '
    + 'consumer, nor with third parties for location information, unless the attorney fails to respond '
    + 'within a reasonable period to a communication from the collector or consents to direct contact. '
    + 'Communication with the attorney stays open.',
  rationale: 'Section 1006.6(b)(2) (FDCPA §805(a)(2)) sends every communication about a represented debt to '
    + 'the attorney; FDCPA §804(6) does the same for location information from third parties. Whether the '
    + 'attorney failed to respond within a reasonable period is a judgment the lender records with the '
    + 'representation; the rule reads it rather than guessing a number of days the law does not give.',
  reasons: {
    no_attorney_known: 'No attorney is known to represent the consumer about this debt.',
    represented_by_attorney: 'The consumer is represented by an attorney about this debt; communicate '
      + 'with the attorney.',
    attorney_failed_to_respond: 'The attorney did not respond within a reasonable period.',
    attorney_consented_to_direct_contact: 'The attorney consented to communication with the consumer.',
  },
  parameters: [],
  // Representations in force now only.
  lookBackDays: 0,
  build(_params, verdicts) {
    return (facts) => checkRepresentation(facts, verdicts);
  },
});

function checkRepresentation(facts: Facts, verdicts: Verdicts<Reason>): Verdict {
  const target = facts.target;
  if (facts.situation.action !== 'contact' || target === null) {
    return verdicts.notApplicable('action_not_covered');
  }
  // The attorney is who the rule sends contact to; a guarantor is a consumer of their own, whose
  // representation the borrower's attorney does not show.
  if (target.role === 'attorney' || target.role === 'guarantor') {
    return verdicts.notApplicable('target_not_covered');
  }
  const account = facts.situation.accountId;
  const known = (facts.situation.attorneys ?? []).filter((attorney) =>
    (attorney.accountId === undefined || account === undefined || attorney.accountId === account)
    && parseInstantMs(attorney.learnedAt) <= facts.nowMs
    && (attorney.endedAt === undefined || facts.nowMs < parseInstantMs(attorney.endedAt)));
  if (known.length === 0) return verdicts.allow('no_attorney_known');
  const binding = known.filter((attorney) => !lifted(attorney));
  if (binding.length > 0) {
    return verdicts.deny('represented_by_attorney', { detail: { attorney: binding[0]!.id } });
  }
  return known.some((attorney) => attorney.consentsToDirectContact === true)
    ? verdicts.allow('attorney_consented_to_direct_contact') : verdicts.allow('attorney_failed_to_respond');
}

function lifted(attorney: Attorney): boolean {
  return attorney.failedToRespond === true || attorney.consentsToDirectContact === true;
}
