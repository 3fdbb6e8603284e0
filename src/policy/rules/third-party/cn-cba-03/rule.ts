import { defineRule } from '../../../rule.ts';
import { contentVerdict } from '../../rule-helpers.ts';

const ALLOWED_PURPOSES = new Set(['obtain_contact', 'relay_message']);

/** A third party is only asked for the debtor's contact details or given a message, never told the debt. */
export const rule = defineRule({
  id: 'CN-CBA-03',
  title: 'Third parties: only to obtain contact details or relay a message; never reveal the debt',
  category: 'third-party',
  jurisdiction: 'CN',
  kind: 'law',
  citation: {
    source: 'CBA 《金融机构个人消费类贷款催收工作指引（试行）》 (2026-01-30)', section: 'third-party article',
    grade: 'B', requirements: ['R8'],
  },
  effective: { from: '2026-01-30' },
  summary: 'Contact with a contact person may only ask for the debtor\'s contact details or pass on '
    + 'a message to '
    + 'call back; it may not collect, and its text may not reveal the debt (no amounts, no "overdue", no '
    + '"repayment").',
  rationale: 'The guideline bans collection from unrelated third parties and any disclosure of the '
    + 'debt to them. '
    + 'Checking the text itself, not a template label, stops a neutral-looking template from carrying an '
    + 'amount or the word 逾期.',
  reasons: {
    neutral_third_party_contact: 'The purpose is allowed and the text reveals nothing about the debt.',
    purpose_not_allowed_for_third_party: 'The purpose is not obtaining contact details or relaying '
      + 'a message.',
    discloses_debt_to_third_party: 'The text reveals the debt to a third party.',
  },
  parameters: [],
  contentReasons: ['discloses_debt_to_third_party'],
  lookBackDays: 0,
  build(_params, verdicts) {
    return (facts) => {
      if (facts.situation.action !== 'contact' || facts.targetRole !== 'contact_person') {
        return verdicts.notApplicable('target_not_covered');
      }
      if (!ALLOWED_PURPOSES.has(facts.purpose)) {
        return verdicts.deny('purpose_not_allowed_for_third_party', { detail: { purpose: facts.purpose } });
      }
      const content = contentVerdict(facts, verdicts, ['discloses_debt_to_third_party'],
        'neutral_third_party_contact');
      return content.reason === 'no_content' ? verdicts.allow('neutral_third_party_contact') : content;
    };
  },
});
