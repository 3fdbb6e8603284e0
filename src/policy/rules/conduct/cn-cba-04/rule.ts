import { defineRule } from '../../../rule.ts';
import { contentVerdict } from '../../rule-helpers.ts';
import { MESSAGE_CHANNELS } from '../message-channels.ts';

/** Say who you act for and how to verify it; never pose as a court, the police or the government. */
export const rule = defineRule({
  id: 'CN-CBA-04',
  title: 'Identification: name the institution and a verification reference; never pose as an authority',
  category: 'conduct',
  jurisdiction: 'CN',
  kind: 'law',
  citation: {
    source: 'CBA 《金融机构个人消费类贷款催收工作指引（试行）》 (2026-01-30)', section: 'identification article',
    grade: 'B', requirements: ['R7', 'R12'],
  },
  effective: { from: '2026-01-30' },
  summary: 'Every message to the borrower names the institution the collector acts for and carries a '
    + 'verification reference the borrower can check on the official portal; no text poses as a '
      + 'court, the police, '
    + 'a procuratorate or a government body. A message cannot be sent without its text being checked.',
  rationale: 'Scammers pose as collectors and collectors pose as officials; a named institution '
    + 'plus a checkable '
    + 'reference lets a borrower tell a genuine contact from a fraud (R12), and impersonating an '
      + 'authority is '
    + 'banned outright.',
  reasons: {
    identified_and_verifiable: 'The text names the institution and carries a verification reference.',
    content_required: 'A written message must carry its text so that it can be checked before sending.',
    impersonates_authority: 'The text poses as a court, the police or a government body.',
    missing_institution_identity: 'The text does not name the institution.',
    missing_verification_reference: 'The text carries no verification reference the borrower can check.',
  },
  parameters: [],
  contentReasons: ['impersonates_authority', 'missing_institution_identity',
    'missing_verification_reference'],
  lookBackDays: 0,
  build(_params, verdicts) {
    return (facts) => {
      if (facts.situation.action !== 'contact'
        || facts.channel === null) return verdicts.notApplicable('action_not_covered');
      if (facts.situation.content === undefined && MESSAGE_CHANNELS.has(facts.channel)) {
        return verdicts.deny('content_required');
      }
      return contentVerdict(facts, verdicts,
        ['impersonates_authority', 'missing_institution_identity', 'missing_verification_reference'],
        'identified_and_verifiable');
    };
  },
});
