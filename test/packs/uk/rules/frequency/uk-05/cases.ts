import { attempts, type RuleCase } from '../../../../../../src/policy/rules/rule-case.ts';
import { ukSituation } from '../../../uk-situation.ts';

const NOW = '2026-03-10T10:00:00Z';

export const cases: RuleCase[] = [
  {
    name: 'seven contacts since 2026-03-05: an eighth waits until the first is 7 days old',
    now: NOW, situation: ukSituation({ history: attempts(7, '2026-03-05T10:00:00Z', 'no_answer') }),
    expect: { result: 'deny', reason: 'excessive_contact', nextAllowedAt: '2026-03-12T10:00:00.000Z',
      detail: null },
  },
  {
    name: 'six contacts in 7 days: the seventh is allowed',
    boundary: 'the last contact under the cap of 7',
    now: NOW, situation: ukSituation({ history: attempts(6, '2026-03-05T10:00:00Z', 'no_answer') }),
    expect: { result: 'allow', reason: 'under_contact_limit', detail: null },
  },
  {
    name: 'seven contacts, the first exactly 7 days old: it no longer counts',
    boundary: 'a contact 7 days old leaves the window',
    now: NOW, situation: ukSituation({ history: attempts(7, '2026-03-03T10:00:00Z', 'no_answer') }),
    expect: { result: 'allow', reason: 'under_contact_limit', detail: null },
  },
  {
    name: 'texts count as contacts, and calls the customer made do not',
    now: NOW, situation: ukSituation({ history: [
      ...attempts(7, '2026-03-06T10:00:00Z', 'delivered', { channel: 'sms' }),
      ...attempts(3, '2026-03-09T10:00:00Z', 'connected', { direction: 'inbound' }),
    ] }),
    expect: { result: 'deny', reason: 'excessive_contact', nextAllowedAt: '2026-03-13T10:00:00.000Z',
      detail: null },
  },
  {
    name: 'a lender that caps at 3 refuses the fourth',
    now: NOW, settings: { uk_contacts: { per_7_days_max: 3 } },
    situation: ukSituation({ history: attempts(5, '2026-03-08T10:00:00Z', 'no_answer') }),
    expect: { result: 'deny', reason: 'excessive_contact', nextAllowedAt: '2026-03-15T10:02:00.000Z',
      detail: null },
  },
  {
    name: 'a letter is not counted contact',
    now: NOW, situation: ukSituation({ channel: 'letter', history: attempts(9, '2026-03-08T10:00:00Z', 'no_answer') }),
    expect: { result: 'not_applicable', reason: 'channel_not_covered', detail: null },
  },
];
