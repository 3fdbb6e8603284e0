import { cnSituation, type RuleCase } from '../../rule-case.ts';

const agency = { kind: 'agency' as const, id: 'ag-a-7', agencyId: 'agency-a',
  registeredNumbers: ['4008001001'] };
const placed = [{ accountId: 'acct-1', agencyId: 'agency-a', placedAt: '2026-03-01T00:00:00Z' }];
const now = '2026-03-10T06:00:00Z';
const sms = (text: string) => cnSituation({ channel: 'sms', content: { text, locale: 'zh-CN',
  institution: '安心消费金融',
  verificationRef: 'FC-7Q2K' } });

export const cases: RuleCase[] = [
  {
    name: 'an agency collector dials from a private mobile',
    now, situation: cnSituation({ actor: { ...agency, dialledFrom: '13800138000' }, placements: placed }),
    expect: { result: 'deny', reason: 'unregistered_dial_number', detail: { dialledFrom: '13800138000' } },
  },
  {
    name: 'an agency collector dials from the registered line',
    boundary: 'the dialled number is one the lender registered for the agency, and nothing else',
    now, situation: cnSituation({ actor: { ...agency, dialledFrom: '4008001001' }, placements: placed }),
    expect: { result: 'allow', reason: 'no_banned_practice', detail: null },
  },
  {
    name: 'a threat spelled with spaces',
    now, situation: sms('安心消费金融提醒：再不还款，后 果 自 负。核验码FC-7Q2K'),
    expect: { result: 'deny', reason: 'threat_or_intimidation',
      detail: { phrase: '后 果 自 负', at: 14, pattern: 'zh-menace' } },
  },
  {
    name: 'calling the borrower a 老赖',
    now, situation: sms('安心消费金融：你这个老赖，核验码FC-7Q2K'),
    expect: { result: 'deny', reason: 'insult', detail: { phrase: '老赖', at: 10, pattern: 'zh-insult' } },
  },
  {
    name: 'urging the borrower to take a loan elsewhere',
    now, situation: sms('安心消费金融：可以去其他平台借款先还上。核验码FC-7Q2K'),
    expect: { result: 'deny', reason: 'urges_borrowing_to_repay',
      detail: { phrase: '去其他平台借款先还', at: 9, pattern: 'zh-borrow-to-repay' } },
  },
  {
    name: 'a threat to tell the family, in other words than any fixed phrase',
    now, situation: sms('安心消费金融：今天不处理，我们就打电话给你爸妈和你们领导。核验码FC-7Q2K'),
    expect: { result: 'deny', reason: 'threat_or_intimidation',
      detail: { phrase: '打电话给你爸妈', at: 16, pattern: 'zh-tell-third-party' } },
  },
  {
    name: 'a promise not to tell the family or employer',
    boundary: 'the same act under a negation: the rule at work, not a threat',
    now, situation: sms('安心消费金融：我们不会联系您的家人或单位，请放心协商。核验码FC-7Q2K'),
    expect: { result: 'allow', reason: 'no_banned_practice', detail: null },
  },
  {
    name: 'a warning not to cash out a credit card or borrow to repay',
    boundary: 'the banned practice named only to warn against it',
    now, situation: sms('安心消费金融：请勿以贷养贷，也不要通过信用卡套现还款。核验码FC-7Q2K'),
    expect: { result: 'allow', reason: 'no_banned_practice', detail: null },
  },
  {
    name: 'an insult in a pinyin abbreviation',
    now, situation: sms('安心消费金融：sb，赶紧还。核验码FC-7Q2K'),
    expect: { result: 'deny', reason: 'insult', detail: { phrase: 'sb', at: 7, pattern: 'zh-insult' } },
  },
  {
    // A low-confidence pattern: the rule warns and a person decides.
    name: 'a veiled pressure phrase is sent for review, not blocked',
    now, situation: sms('安心消费金融：这件事你自己看着办。核验码FC-7Q2K'),
    expect: { result: 'warn', reason: 'threat_or_intimidation',
      detail: { phrase: '自己看着办', at: 11, pattern: 'zh-pressure-review' } },
  },
];
