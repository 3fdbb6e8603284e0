import { defineRule } from '../../../rule.ts';
import { HOLD_PASS_PURPOSES, holdsEndMs } from '../hold-helpers.ts';

/** An open dispute pauses collection on the disputed debt until it is answered. */
export const rule = defineRule({
  id: 'CN-CRR-03',
  title: 'Dispute hold: collection on a disputed debt pauses until the dispute is answered',
  category: 'hold',
  jurisdiction: 'CN',
  kind: 'law',
  citation: {
    source: '征信业管理条例 (Credit Reporting Regulation, 2013)', section: 'art. 25 (pause: our policy inference)',
    grade: 'A', requirements: ['R18', 'R24'],
  },
  effective: { from: '2013-03-15' },
  summary: 'While a dispute on the account is open, no collection contact, visit, placement, bureau '
    + 'report or '
    + 'lawsuit about it; only contact that answers the dispute or serves the borrower goes ahead.',
  rationale: 'The regulation makes the data provider flag a disputed item, check it and reply '
    + 'within 20 days. '
    + 'Collecting on an amount the borrower has shown may be wrong, while it is being checked, turns a '
    + 'correctable error into pressure; R18 pauses collection until the dispute is answered.',
  reasons: {
    no_open_dispute: 'No dispute is open on this account.',
    dispute_handling_contact: 'The contact answers the dispute or serves the borrower.',
    collection_paused_for_dispute: 'A dispute is open on this account; collection waits for the answer.',
  },
  parameters: [],
  // Holds open now only.
  lookBackDays: 0,
  build(_params, verdicts) {
    return (facts) => {
      const disputes = facts.holds(['dispute']);
      if (disputes.length === 0) return verdicts.allow('no_open_dispute');
      if (facts.situation.action === 'contact' && HOLD_PASS_PURPOSES.has(facts.purpose)) {
        return verdicts.allow('dispute_handling_contact');
      }
      return verdicts.deny('collection_paused_for_dispute', { nextAllowedAtMs: holdsEndMs(disputes,
        facts.nowMs) });
    };
  },
});
