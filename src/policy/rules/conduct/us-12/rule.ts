import { defineRule } from '../../../rule.ts';
import { contentVerdict } from '../../rule-helpers.ts';

/** No suit, and no threat of suit, on a time-barred debt. */
export const rule = defineRule({
  id: 'US-12',
  title: 'Time-barred debt: no lawsuit and no threat of one',
  category: 'conduct',
  jurisdiction: 'US',
  kind: 'law',
  citation: {
    source: '12 CFR 1006 (Regulation F)', section: '§1006.26(b)', grade: 'A',
    url: 'https://www.consumerfinance.gov/rules-policy/regulations/1006/26/', requirements: ['R7', 'R23'],
  },
  effective: { from: '2021-11-30' },
  summary: 'When the statute of limitations on the debt has expired, no legal action is started and no text '
    + 'mentions suing, a lawsuit, legal action or court.',
  rationale: 'A consumer facing a suit on a time-barred debt may pay a debt they have a complete '
    + 'defence to; the '
    + 'rule bans both the suit and the threat.',
  reasons: {
    debt_not_time_barred: 'The debt is not recorded as time-barred.',
    no_suit_threat: 'The debt is time-barred and the text threatens no legal action.',
    time_barred_debt: 'The debt is time-barred: no legal action.',
    threatens_suit_on_time_barred_debt: 'The text threatens legal action on a time-barred debt.',
  },
  parameters: [],
  contentReasons: ['threatens_suit_on_time_barred_debt'],
  lookBackDays: 0,
  build(_params, verdicts) {
    return (facts) => {
      if (facts.situation.debt?.timeBarred !== true) return verdicts.allow('debt_not_time_barred');
      if (facts.situation.action === 'legal_action') return verdicts.deny('time_barred_debt');
      const content = contentVerdict(facts, verdicts, ['threatens_suit_on_time_barred_debt'],
        'no_suit_threat');
      return content.reason === 'no_content' ? verdicts.allow('no_suit_threat') : content;
    };
  },
});
