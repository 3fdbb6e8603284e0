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
    expect: { result: 'deny', reason: 'unregistered_dial_number' },
  },
  {
    name: 'an agency collector dials from the registered line',
    boundary: 'the dialled number is one the lender registered for the agency, and nothing else',
    now, situation: cnSituation({ actor: { ...agency, dialledFrom: '4008001001' }, placements: placed }),
    expect: { result: 'allow', reason: 'no_banned_practice' },
  },
  {
    name: 'a threat spelled with spaces',
    now, situation: sms('安心消费金融提醒：再不还款，后 果 自 负。核验码FC-7Q2K'),
    expect: { result: 'deny', reason: 'threat_or_intimidation' },
  },
  {
    name: 'calling the borrower a 老赖',
    now, situation: sms('安心消费金融：你这个老赖，核验码FC-7Q2K'),
    expect: { result: 'deny', reason: 'insult' },
  },
  {
    name: 'urging the borrower to take a loan elsewhere',
    now, situation: sms('安心消费金融：可以去其他平台借款先还上。核验码FC-7Q2K'),
    expect: { result: 'deny', reason: 'urges_borrowing_to_repay' },
  },
];
