import { defineRule } from '../../../rule.ts';
import { contentVerdict } from '../../rule-helpers.ts';
import { MESSAGE_CHANNELS } from '../message-channels.ts';

/** Reg F conduct: no threats, abuse or false representations; identify the collector verifiably. */
export const rule = defineRule({
  id: 'US-15',
  title: 'No threats, abuse or false representations; identify the collector and how to verify it',
  category: 'conduct',
  jurisdiction: 'US',
  kind: 'law',
  citation: {
    source: '12 CFR 1006 (Regulation F)', section: '§1006.14(b)–(d), §1006.18(b)–(e)', grade: 'A',
    url: 'https://www.consumerfinance.gov/rules-policy/regulations/1006/18/', requirements: ['R7', 'R12'],
  },
  effective: { from: '2021-11-30' },
  summary: 'No threat of violence or harm, no obscene or abusive language, no false claim of '
    + 'arrest, crime or '
    + 'seizure, no posing as the government, the police or a court. A message to the consumer names the '
    + 'collector and carries a verification reference; a written message cannot go out unchecked.',
  rationale: 'These are the harassment and false-representation prohibitions of the FDCPA as '
    + 'Regulation F states '
    + 'them; the verification reference is the product\'s answer to impersonation scams (R12).',
  reasons: {
    identified_and_fair: 'No prohibited phrase, and the collector is identified verifiably.',
    content_required: 'A written message must carry its text so that it can be checked before sending.',
    threat_or_intimidation: 'The text threatens or intimidates.',
    insult: 'The text uses abusive language.',
    false_legal_claim: 'The text falsely claims arrest, crime, seizure or similar consequences.',
    impersonates_authority: 'The text poses as a government body, the police or a court.',
    missing_institution_identity: 'The text does not name the collector.',
    missing_verification_reference: 'The text carries no verification reference.',
  },
  parameters: [],
  contentReasons: [
    'threat_or_intimidation', 'insult', 'false_legal_claim', 'impersonates_authority',
      'missing_institution_identity',
    'missing_verification_reference',
  ],
  lookBackDays: 0,
  build(_params, verdicts) {
    return (facts) => {
      if (facts.situation.action !== 'contact'
        || facts.channel === null) return verdicts.notApplicable('action_not_covered');
      if (facts.situation.content === undefined && MESSAGE_CHANNELS.has(facts.channel)) {
        return verdicts.deny('content_required');
      }
      return contentVerdict(facts, verdicts, ['threat_or_intimidation', 'insult', 'false_legal_claim',
        'impersonates_authority', 'missing_institution_identity',
          'missing_verification_reference'], 'identified_and_fair');
    };
  },
});
