import { cnSituation, type RuleCase } from '../../rule-case.ts';

const now = '2026-03-10T06:00:00Z';
const sms = (text: string) => cnSituation({ channel: 'sms', content: { text, locale: 'zh-CN',
  institution: '安心消费金融',
  verificationRef: 'FC-7Q2K' } });

export const cases: RuleCase[] = [
  {
    name: 'the seed\'s "over 2000 yuan is fraud" claim',
    now, situation: sms('安心消费金融：欠款超过2000元即构成诈骗，核验码FC-7Q2K'),
    expect: { result: 'deny', reason: 'false_legal_claim',
      detail: { phrase: '诈骗', at: 19, pattern: 'zh-crime-label' } },
  },
  {
    name: '"you will be detained", split by spaces and full-width punctuation',
    now, situation: sms('安心消费金融：再不还将被拘．留！核验码FC-7Q2K'),
    expect: { result: 'deny', reason: 'false_legal_claim',
      detail: { phrase: '拘．留', at: 12, pattern: 'zh-prison' } },
  },
  {
    name: '"the police are involved" in traditional characters',
    now, situation: sms('安心消费金融：公安已介入，核驗碼FC-7Q2K'),
    expect: { result: 'deny', reason: 'false_legal_claim',
      detail: { phrase: '公安已介入', at: 7, pattern: 'zh-police-involved' } },
  },
  {
    name: 'a factual reminder',
    now, situation: sms('安心消费金融提醒：您的账单已逾期，本金1000元，利息20元，请尽快还款。核验码FC-7Q2K'),
    expect: { result: 'allow', reason: 'no_false_legal_claim', detail: null },
  },
  {
    name: 'an English script threatening arrest',
    now, situation: cnSituation({ content: { text: 'You WILL be ARRESTED tomorrow.', locale: 'en' } }),
    expect: { result: 'deny', reason: 'false_legal_claim',
      detail: { phrase: 'ARRESTED', at: 12, pattern: 'en-crime' } },
  },
  {
    name: 'a true statement that the lender may sue in a civil court',
    boundary: 'a lawful civil remedy stated as a possibility, without any criminal claim',
    now, situation: sms('安心消费金融提醒：如协商不成，我司可能依法提起民事诉讼。核验码FC-7Q2K'),
    expect: { result: 'allow', reason: 'no_false_legal_claim', detail: null },
  },
  {
    name: 'a promise that the borrower will not be detained',
    boundary: 'detention named only under a negation: overdue debt is civil',
    now, situation: sms('安心消费金融：逾期属于民事纠纷，您不会因此被拘留。核验码FC-7Q2K'),
    expect: { result: 'allow', reason: 'no_false_legal_claim', detail: null },
  },
  {
    name: 'an anti-fraud warning that names the police and fraud',
    boundary: 'the words of a false claim, framed as a warning about impostors',
    now, situation: sms('安心消费金融：谨防诈骗，我司不会以公安名义联系您。核验码FC-7Q2K'),
    expect: { result: 'allow', reason: 'no_false_legal_claim', detail: null },
  },
  {
    name: 'prison slang in traditional characters',
    now, situation: sms('安心消費金融：再拖下去就等著吃牢飯吧。核驗碼FC-7Q2K'),
    expect: { result: 'deny', reason: 'false_legal_claim',
      detail: { phrase: '吃牢飯', at: 14, pattern: 'zh-prison' } },
  },
];
