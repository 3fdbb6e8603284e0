import { defineRule } from '../../../rule.ts';
import { contentVerdict } from '../../rule-helpers.ts';

/** Not repaying an ordinary loan is not a crime: no "fraud", "prison", "the police are involved". */
export const rule = defineRule({
  id: 'CN-CRIM-01',
  title: 'No false criminal or legal claims ("fraud", "prison", "detention", "the police are involved")',
  category: 'conduct',
  jurisdiction: 'CN',
  kind: 'law',
  citation: {
    source: '刑法 (Criminal Law) arts 196, 266 with the 2011 and 2018 SPC/SPP interpretations; CBA 2026',
    section: 'misleading legal consequences', grade: 'A', requirements: ['R7'],
  },
  effective: { from: '2018-12-01' },
  summary: 'No text or script may say or imply that not repaying an ordinary consumer loan is fraud '
    + 'or a crime, '
    + 'that arrest, detention or prison is coming, that the police are involved, or invent a "blacklist" or '
    + 'enforcement that no court has ordered.',
  rationale: 'There is no 2,000-yuan fraud threshold for an overdue consumer loan: malicious card '
    + 'overdraft needs '
    + 'intent, two proven notices 30 days apart, three more months unpaid and at least 50,000 yuan '
      + 'principal; '
    + 'general fraud needs intent and 3,000–10,000 yuan. Telling a debtor otherwise is an exaggerated legal '
    + 'consequence the CBA guideline bans. A factual, approved notice uses its own template outside '
      + 'this list.',
  reasons: {
    no_false_legal_claim: 'The text makes no criminal or enforcement claim.',
    false_legal_claim: 'The text claims criminal liability, arrest, police involvement or '
      + 'enforcement that is false.',
  },
  parameters: [],
  contentReasons: ['false_legal_claim'],
  lookBackDays: 0,
  build(_params, verdicts) {
    return (facts) => contentVerdict(facts, verdicts, ['false_legal_claim'], 'no_false_legal_claim');
  },
});
