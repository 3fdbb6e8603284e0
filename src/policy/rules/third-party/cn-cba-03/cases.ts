import { cnSituation, type RuleCase } from '../../rule-case.ts';

const contact = { partyId: 'c-1', role: 'contact_person' as const, relationship: 'friend' as const,
  contactPointId: 'cp-9' };
const now = '2026-03-10T06:00:00Z';
const text = (value: string) => ({ text: value, locale: 'zh-CN' as const });

export const cases: RuleCase[] = [
  {
    name: 'a message to a friend naming the overdue amount',
    now,
    situation: cnSituation({ channel: 'sms', purpose: 'relay_message', target: contact,
      content: text('请转告张三尽快处理逾 期 欠款2000元') }),
    expect: { result: 'deny', reason: 'discloses_debt_to_third_party', detail: { phrase: '逾 期', at: 9 } },
  },
  {
    name: 'a neutral request to call back',
    boundary: 'the message names the debtor and a number to call, and nothing about the debt',
    now,
    situation: cnSituation({ channel: 'sms', purpose: 'relay_message', target: contact,
      content: text('您好，请转告张三回电4001234567，谢谢。') }),
    expect: { result: 'allow', reason: 'neutral_third_party_contact', detail: null },
  },
  {
    name: 'collecting from a contact person',
    now, situation: cnSituation({ purpose: 'collect', target: contact }),
    expect: { result: 'deny', reason: 'purpose_not_allowed_for_third_party', detail: { purpose: 'collect' } },
  },
  {
    name: 'asking a contact person for the debtor\'s number on a call',
    now, situation: cnSituation({ purpose: 'obtain_contact', target: contact }),
    expect: { result: 'allow', reason: 'neutral_third_party_contact', detail: null },
  },
];
