import { defineRule } from '../../../rule.ts';
import { contentVerdict } from '../../rule-helpers.ts';

/** The CBA's banned practices that a machine can check: threats, abuse, borrow-to-repay, private numbers. */
export const rule = defineRule({
  id: 'CN-CBA-05',
  title: 'Banned practices: threats, abuse, urging new borrowing, agencies dialling from '
    + 'unregistered numbers',
  category: 'conduct',
  jurisdiction: 'CN',
  kind: 'law',
  citation: {
    source: 'CBA 《金融机构个人消费类贷款催收工作指引（试行）》 (2026-01-30)', section: '八类禁止行为', grade: 'B',
    requirements: ['R7', 'R13'],
  },
  effective: { from: '2026-01-30' },
  summary: 'No threats, intimidation, insults or abuse in any text or script; no urging the debtor to borrow '
    + 'elsewhere to repay (以贷养贷); an outside agency calls and texts only from numbers registered '
      + 'with the lender, '
    + 'never private phones.',
  rationale: 'These are among the eight practices the guideline bans outright. Registered numbers make every '
    + 'agency call attributable and let the borrower verify the caller (R12).',
  reasons: {
    no_banned_practice: 'The text has none of these phrases and the number is registered (or not an agency).',
    unregistered_dial_number: 'An agency is dialling from a number not registered with the lender.',
    threat_or_intimidation: 'The text threatens or intimidates.',
    insult: 'The text insults or abuses.',
    urges_borrowing_to_repay: 'The text urges the debtor to borrow to repay.',
  },
  parameters: [],
  contentReasons: ['threat_or_intimidation', 'insult', 'urges_borrowing_to_repay'],
  lookBackDays: 0,
  build(_params, verdicts) {
    return (facts) => {
      const { action, actor } = facts.situation;
      if (action !== 'contact') return verdicts.notApplicable('action_not_covered');
      const dials = facts.channel === 'voice' || facts.channel === 'sms';
      if (dials && actor.kind === 'agency' &&
        (actor.dialledFrom === undefined || !(actor.registeredNumbers ?? []).includes(actor.dialledFrom))) {
        return verdicts.deny('unregistered_dial_number', { detail: { dialledFrom: actor.dialledFrom
          ?? '(none)' } });
      }
      const content = contentVerdict(facts, verdicts,
        ['threat_or_intimidation', 'insult', 'urges_borrowing_to_repay'], 'no_banned_practice');
      return content.reason === 'no_content' ? verdicts.allow('no_banned_practice') : content;
    };
  },
});
