import { usSituation, type RuleCase } from '../../rule-case.ts';

const now = '2026-03-10T15:00:00Z';
const voicemail = (text: string) => usSituation({ voicemail: true, content: { text, locale: 'en' } });

export const cases: RuleCase[] = [
  {
    name: 'a voicemail that mentions the balance',
    now, situation: voicemail('Hi, this is Jane from Harbor Services about your overdue balance. '
      + 'Call 800-555-0100.'),
    expect: { result: 'deny', reason: 'voicemail_not_limited_content',
      detail: { phrase: 'overdue', at: 49 } },
  },
  {
    name: 'a voicemail without a callback number',
    now, situation: voicemail('Hi, this is Jane from Harbor Services. Please call us back.'),
    expect: { result: 'deny', reason: 'voicemail_not_limited_content',
      detail: { missing: 'a callback number' } },
  },
  {
    name: 'the model limited-content message',
    boundary: 'only the limited-content elements: a name, a request to reply, a number',
    now, situation: voicemail('Hi, this is Jane Doe from Harbor Services. Please call me back at '
      + '800-555-0100. Thank you.'),
    expect: { result: 'allow', reason: 'limited_content_message', detail: null },
  },
  {
    name: 'a voicemail with no script supplied',
    now, situation: usSituation({ voicemail: true }),
    expect: { result: 'deny', reason: 'voicemail_content_required', detail: null },
  },
];
