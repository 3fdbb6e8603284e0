import { defineRule } from '../../../rule.ts';
import { HOLD_PASS_PURPOSES, holdsEndMs } from '../hold-helpers.ts';

/** A bankruptcy or a legal moratorium stays all collection. */
export const rule = defineRule({
  id: 'CN-HOLD-05',
  title: 'Bankruptcy or legal moratorium: all collection stays',
  category: 'hold',
  jurisdiction: 'CN',
  kind: 'internal',
  citation: {
    source: 'FairCollect internal policy (cf. 深圳经济特区个人破产条例, 2021)', section: 'stay of individual enforcement',
    grade: 'policy', requirements: ['R18'],
  },
  effective: { from: '2025-02-28' },
  summary: 'While the borrower is in a bankruptcy procedure or under a legal moratorium, no '
    + 'collection contact, '
    + 'visit, placement, bureau report or lawsuit; only answers the borrower asked for.',
  rationale: 'Individual collection during a collective procedure undermines it and is generally '
    + 'stayed by the '
    + 'court; the Shenzhen personal-bankruptcy regulation is the only such procedure in force in '
      + 'China (grade C).',
  reasons: {
    no_stay: 'No bankruptcy or moratorium is recorded.',
    service_contact_during_stay: 'The contact answers the borrower or serves them.',
    collection_stayed: 'A bankruptcy procedure or moratorium stays collection.',
  },
  parameters: [],
  // Holds open now only.
  lookBackDays: 0,
  build(_params, verdicts) {
    return (facts) => {
      const stays = facts.holds(['bankruptcy', 'legal_moratorium']);
      if (stays.length === 0) return verdicts.allow('no_stay');
      if (facts.situation.action === 'contact' && HOLD_PASS_PURPOSES.has(facts.purpose)) {
        return verdicts.allow('service_contact_during_stay');
      }
      return verdicts.deny('collection_stayed', { nextAllowedAtMs: holdsEndMs(stays, facts.nowMs) });
    };
  },
});
