import { attempt, usSituation, type RuleCase } from '../../rule-case.ts';

const noTexts = { partyId: 'b-1', channel: 'sms' as const, at: '2026-03-09T15:00:00Z' };
const now = '2026-03-10T15:00:00Z';

export const cases: RuleCase[] = [
  {
    name: 'a text after the consumer opted out of texts',
    now, situation: usSituation({ channel: 'sms', optOuts: [noTexts] }),
    expect: { result: 'deny', reason: 'medium_opted_out', detail: { channel: 'sms' } },
  },
  {
    name: 'a call after the consumer opted out of texts only',
    now, situation: usSituation({ channel: 'voice', optOuts: [noTexts] }),
    expect: { result: 'allow', reason: 'medium_not_opted_out', detail: null },
  },
  {
    name: 'the one confirmation text',
    boundary: 'one confirmation of the opt-out is allowed; the second is not',
    now, situation: usSituation({ channel: 'sms', purpose: 'opt_out_confirmation', optOuts: [noTexts] }),
    expect: { result: 'allow', reason: 'opt_out_confirmation', detail: null },
  },
  {
    name: 'a second confirmation text',
    now,
    situation: usSituation({ channel: 'sms', purpose: 'opt_out_confirmation', optOuts: [noTexts],
      history: [attempt('2026-03-09T15:01:00Z', 'delivered', { channel: 'sms',
        purpose: 'opt_out_confirmation' })] }),
    expect: { result: 'deny', reason: 'medium_opted_out', detail: { channel: 'sms' } },
  },
];
