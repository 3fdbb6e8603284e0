import { cnSituation, type RuleCase } from '../../rule-case.ts';

const now = '2026-03-10T06:00:00Z';
const sms = (text: string) => cnSituation({ channel: 'sms', content: { text, locale: 'zh-CN',
  institution: '安心消费金融',
  verificationRef: 'FC-7Q2K' } });

export const cases: RuleCase[] = [
  {
    name: 'posing as the court',
    now, situation: sms('【法院通知】安心消费金融案件，核验码FC-7Q2K'),
    expect: { result: 'deny', reason: 'impersonates_authority',
      detail: { phrase: '法院通知', at: 1, pattern: 'zh-authority-notice' } },
  },
  {
    name: 'no institution named',
    now, situation: sms('您的账单已逾期，本金1000元，利息20元。核验码FC-7Q2K'),
    expect: { result: 'deny', reason: 'missing_institution_identity',
      detail: { missing: 'the institution\'s name "安心消费金融"' } },
  },
  {
    name: 'no verification reference',
    now, situation: sms('安心消费金融提醒您：账单已逾期，本金1000元，利息20元。'),
    expect: { result: 'deny', reason: 'missing_verification_reference',
      detail: { missing: 'the verification reference "FC-7Q2K"' } },
  },
  {
    name: 'institution and reference present (full-width reference still matches)',
    now, situation: sms('安心消费金融提醒您：账单已逾期，本金1000元，利息20元。核验码ＦＣ－７Ｑ２Ｋ，可在官网核实。'),
    expect: { result: 'allow', reason: 'identified_and_verifiable', detail: null },
  },
  {
    name: 'an SMS without its text',
    now, situation: cnSituation({ channel: 'sms' }),
    expect: { result: 'deny', reason: 'content_required', detail: null },
  },
  {
    name: 'the least a message may say: the institution and the reference',
    boundary: 'only the two required elements: the institution\'s name and a reference to check',
    now, situation: sms('安心消费金融，核验码FC-7Q2K'),
    expect: { result: 'allow', reason: 'identified_and_verifiable', detail: null },
  },
];
