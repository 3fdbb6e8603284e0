import { defineRule } from '../../../rule.ts';
import { CAP_REASONS, checkDailyConnectedCap, CONNECTED_CAP_PARAMETER } from '../daily-connected-cap.ts';

/** At most 3 actively initiated, connected voice conversations with one debtor per day, AI included. */
export const rule = defineRule({
  id: 'CN-GBT-02',
  title: 'At most 3 connected outbound voice calls per debtor per day (AI voice counts)',
  category: 'frequency',
  jurisdiction: 'CN',
  kind: 'law',
  citation: { source: 'GB/T 45251-2025', section: '§5.3 催收频次', grade: 'B', requirements: ['R5'] },
  effective: { from: '2025-02-28' },
  summary: 'No more than 3 actively initiated, connected voice conversations with a single debtor per local '
    + 'day, whether a person or an "intelligent" voice robot speaks. A call being dialled counts as '
      + 'connected.',
  rationale: 'The national standard caps effective interactive voice collection (与单一债务人主动有效通话每日不应超过3次) '
    + 'and names robot calls. The count covers every actor of the lender, agencies included (see '
      + 'CN-NIFA23-02), '
    + 'and reserved calls, so two collectors dialling at once cannot both pass the cap.',
  reasons: CAP_REASONS,
  parameters: [CONNECTED_CAP_PARAMETER],
  // The borrower's local day of now, which began at most 25 hours ago (a day of a clock change).
  lookBackDays: 2,
  build(params, verdicts) {
    const cap = params.count('voice.connected_calls_per_day_max');
    return (facts) => checkDailyConnectedCap(facts, verdicts, cap);
  },
});
