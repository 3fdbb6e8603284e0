import { cnSituation, type RuleCase } from '../../rule-case.ts';

const now = '2026-03-10T06:00:00Z';
const amounts = { principal: '1000.00', interest: '20.00', penalty: '5.50', fees: '0' };
const sms = (text: string) => cnSituation({ channel: 'sms', content: { text, locale: 'zh-CN',
  institution: '安心消费金融',
  verificationRef: 'FC-7Q2K', amounts } });

export const cases: RuleCase[] = [
  {
    name: 'a lump sum only',
    now, situation: sms('安心消费金融：您共欠1025.50元，请还款。核验码FC-7Q2K'),
    expect: { result: 'deny', reason: 'amounts_not_itemised', detail: { missing: 'principal 1000.00' } },
  },
  {
    name: 'penalty interest missing',
    now, situation: sms('安心消费金融：本金1000.00元，利息20.00元。核验码FC-7Q2K'),
    expect: { result: 'deny', reason: 'amounts_not_itemised', detail: { missing: 'penalty 5.50' } },
  },
  {
    name: 'every non-zero component stated',
    boundary: 'the zero fee may go unstated; every non-zero component is itemised',
    now, situation: sms('安心消费金融：本金1,000.00元，利息20.00元，罚息5.50元。核验码FC-7Q2K'),
    expect: { result: 'allow', reason: 'amounts_itemised', detail: null },
  },
  {
    name: 'a template with placeholders',
    now,
    situation: cnSituation({ channel: 'sms', content: { locale: 'zh-CN',
      text: '{{institution}}：本金{{principal}}元，利息{{interest}}元。核验码{{verification_ref}}' } }),
    expect: { result: 'allow', reason: 'amounts_itemised', detail: null },
  },
];
