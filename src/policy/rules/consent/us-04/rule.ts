import { defineRule, WHOLE_HISTORY } from '../../../rule.ts';
import { ELECTRONIC_CHANNELS } from '../../../situation.ts';

/** Reg F: a person's request not to be contacted through a medium is honoured. */
export const rule = defineRule({
  id: 'US-04',
  title: 'Medium opt-outs: a person who asked not to be contacted by a medium is not',
  category: 'consent',
  jurisdiction: 'US',
  kind: 'law',
  citation: {
    source: '12 CFR 1006 (Regulation F)', section: '§1006.14(h)', grade: 'A',
    url: 'https://www.consumerfinance.gov/rules-policy/regulations/1006/14/', requirements: ['R19'],
  },
  effective: { from: '2021-11-30' },
  summary: 'If a person asked the collector not to use a medium (phone, text, email…), it is not used. One '
    + 'electronic confirmation of an electronic opt-out is allowed.',
  rationale: 'Communicating through a medium the person asked the collector not to use is an unfair '
    + 'practice. '
    + 'The narrow confirmation exception lets the collector acknowledge the request once.',
  reasons: {
    medium_not_opted_out: 'The person has not opted out of this medium.',
    opt_out_confirmation: 'A single electronic confirmation of the opt-out.',
    medium_opted_out: 'The person asked not to be contacted through this medium.',
  },
  parameters: [],
  // The confirmation sent since the opt-out, however old: a shorter history forgets it and lets a
  // second confirmation through.
  lookBackDays: WHOLE_HISTORY,
  historyReads: [{ purposes: ['opt_out_confirmation'], keep: 'all' }],
  build(_params, verdicts) {
    return (facts) => {
      const target = facts.target;
      const channel = facts.channel;
      if (facts.situation.action !== 'contact' || target === null || channel === null) {
        return verdicts.notApplicable('action_not_covered');
      }
      const optOut = facts.situation.optOuts.find((item) => item.partyId === target.partyId
        && item.channel === channel &&
        Date.parse(item.at) <= facts.nowMs);
      if (optOut === undefined) return verdicts.allow('medium_not_opted_out');
      const confirmed = facts.attempts.some((attempt) => attempt.partyId === target.partyId &&
        attempt.channel === channel && attempt.purpose === 'opt_out_confirmation'
          && attempt.atMs >= Date.parse(optOut.at));
      if (facts.purpose === 'opt_out_confirmation' && ELECTRONIC_CHANNELS.has(channel) && !confirmed) {
        return verdicts.allow('opt_out_confirmation');
      }
      return verdicts.deny('medium_opted_out', { detail: { channel } });
    };
  },
});
