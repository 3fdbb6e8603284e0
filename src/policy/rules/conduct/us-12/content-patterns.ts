import { definePatterns } from '../../../content/content-pattern.ts';

/**
 * US-12 (Regulation F §1006.26(b)): on a time-barred debt, no threat of suit. The CFPB's own
 * time-barred disclosure ("The law limits how long you can be sued on a debt. Because of the age
 * of your debt, we will not sue you for it") and any other "we will not sue" are the rule at work.
 */
export const patterns = definePatterns([
  { id: 'en-suit-threat', reason: 'threatens_suit_on_time_barred_debt',
    lang: 'en', when: 'time_barred',
    pattern: 'sue|suing|sued|lawsuits?|legal action|legal proceedings|court\\w*|file suit|litigation|'
      + 'judge?ments?'
      + '|attorney|lawyer|legal steps|collection action',
    unless: 'law limits how long|because of the age of|age of (?:your|this|the) debt|time barred' },
  { id: 'zh-suit-threat', reason: 'threatens_suit_on_time_barred_debt', lang: 'zh', when: 'time_barred',
    pattern: '起诉|诉讼|法院|律师函|打官司|告你|法律程序|法律手段' },
]);
