import { usSituation, type RuleCase } from '../../rule-case.ts';

const now = '2026-03-10T15:00:00Z';
const text = (value: string) => usSituation({ channel: 'sms', content: { text: value, locale: 'en',
  institution: 'Harbor Recovery', verificationRef: 'FC-7Q2K' } });

export const cases: RuleCase[] = [
  {
    name: 'a text without an opt-out statement',
    now, situation: text('Harbor Recovery: please call us at 800-555-0100. Ref FC-7Q2K.'),
    expect: { result: 'deny', reason: 'missing_opt_out_notice',
      detail: { missing: 'a simple way to opt out (e.g. "Reply STOP")' } },
  },
  {
    name: 'a text ending "Reply STOP to opt out"',
    boundary: 'the opt-out statement is the only thing added to a text that was refused without it',
    now, situation: text('Harbor Recovery: please call us at 800-555-0100. Ref FC-7Q2K. Reply STOP '
      + 'to opt out.'),
    expect: { result: 'allow', reason: 'opt_out_notice_present', detail: null },
  },
  {
    name: 'a text whose content was not supplied',
    now, situation: usSituation({ channel: 'sms' }),
    expect: { result: 'deny', reason: 'content_required', detail: null },
  },
  {
    name: 'a letter is not electronic',
    now, situation: usSituation({ channel: 'letter' }),
    expect: { result: 'not_applicable', reason: 'channel_not_covered', detail: null },
  },
];
