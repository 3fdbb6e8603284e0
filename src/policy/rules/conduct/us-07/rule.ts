import { defineRule } from '../../../rule.ts';
import { contentVerdict } from '../../rule-helpers.ts';

/** A voicemail is left only as a limited-content message: name, reply request, callback number. */
export const rule = defineRule({
  id: 'US-07',
  title: 'Voicemail only as a limited-content message',
  category: 'conduct',
  jurisdiction: 'US',
  kind: 'law',
  citation: {
    source: '12 CFR 1006 (Regulation F)', section: '§1006.2(j)', grade: 'B',
    url: 'https://www.consumerfinance.gov/rules-policy/regulations/1006/2/', requirements: ['R8'],
  },
  effective: { from: '2021-11-30' },
  summary: 'A voicemail carries only a business name that does not suggest debt collection, a '
    + 'request to reply, '
    + 'a person to ask for and a callback number (optionally a salutation, the date and time, '
      + 'suggested reply '
    + 'times). Anything about the debt makes it a communication that a third party may hear.',
  rationale: 'A limited-content message is not a "communication", so it cannot disclose the debt to '
    + 'whoever plays '
    + 'the voicemail; that protection holds only if nothing else is in it.',
  reasons: {
    limited_content_message: 'The voicemail text is a limited-content message.',
    voicemail_content_required: 'A voicemail must carry its script so that it can be checked.',
    voicemail_not_limited_content: 'The voicemail says more than a limited-content message may, or '
      + 'lacks a required item.',
  },
  parameters: [],
  contentReasons: ['voicemail_not_limited_content'],
  lookBackDays: 0,
  build(_params, verdicts) {
    return (facts) => {
      if (facts.situation.action !== 'contact' || facts.situation.voicemail !== true) {
        return verdicts.notApplicable('channel_not_covered');
      }
      if (facts.situation.content === undefined) return verdicts.deny('voicemail_content_required');
      return contentVerdict(facts, verdicts, ['voicemail_not_limited_content'], 'limited_content_message');
    };
  },
});
