import { defineRule } from '../../../rule.ts';
import { ELECTRONIC_CHANNELS } from '../../../situation.ts';
import { contentVerdict } from '../../rule-helpers.ts';

/** Every email, text or app message says how to opt out of such messages. */
export const rule = defineRule({
  id: 'US-05',
  title: 'Electronic messages carry a clear, simple way to opt out',
  category: 'conduct',
  jurisdiction: 'US',
  kind: 'law',
  citation: {
    source: '12 CFR 1006 (Regulation F)', section: '§1006.6(e)', grade: 'B',
    url: 'https://www.consumerfinance.gov/rules-policy/regulations/1006/6/', requirements: ['R19'],
  },
  effective: { from: '2021-11-30' },
  summary: 'An email, text message or other electronic communication includes a clear and '
    + 'conspicuous statement '
    + 'of a reasonable and simple way to opt out of further electronic messages to that address or number '
    + '("Reply STOP to opt out").',
  rationale: 'The opt-out notice is what makes US-04 usable by the consumer; an electronic message '
    + 'without it is '
    + 'refused before sending, not corrected after.',
  reasons: {
    opt_out_notice_present: 'The message states how to opt out.',
    content_required: 'An electronic message must carry its text so that the notice can be checked.',
    missing_opt_out_notice: 'The message does not state how to opt out.',
  },
  parameters: [],
  contentReasons: ['missing_opt_out_notice'],
  lookBackDays: 0,
  build(_params, verdicts) {
    return (facts) => {
      if (facts.situation.action !== 'contact' || facts.channel === null
        || !ELECTRONIC_CHANNELS.has(facts.channel)) {
        return verdicts.notApplicable('channel_not_covered');
      }
      if (facts.situation.content === undefined) return verdicts.deny('content_required');
      return contentVerdict(facts, verdicts, ['missing_opt_out_notice'], 'opt_out_notice_present');
    };
  },
});
