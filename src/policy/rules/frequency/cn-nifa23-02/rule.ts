import { defineRule } from '../../../rule.ts';
import { CAP_REASONS, checkDailyConnectedCap, CONNECTED_CAP_PARAMETER } from '../daily-connected-cap.ts';

/** The creditor and its partner agencies together: at most 3 connected calls per debtor per day. */
export const rule = defineRule({
  id: 'CN-NIFA23-02',
  title: 'Daily connected-call cap pooled across the lender and all its agencies',
  category: 'frequency',
  jurisdiction: 'CN',
  kind: 'law',
  citation: {
    source: 'NIFA 《互联网金融贷后催收业务指引》 (2023)', section: 'frequency clause', grade: 'C',
    requirements: ['R5'],
  },
  effective: { from: '2023-05-15' },
  summary: 'The lender and every agency it works with share one daily cap of connected calls per debtor: '
    + 'a call by agency A and two by the in-house desk exhaust a cap of 3 for everyone.',
  rationale: 'NIFA 2023 (同一金融机构和其合作的第三方催收机构对单一债务人拨通电话频次每日合计不应超过3次) is the source of '
    + 'pooling; the national standard does not say whether agency calls are pooled, so the catalogue pools '
    + 'them. The two rules share the `voice.connected_calls_per_day_max` parameter.',
  reasons: CAP_REASONS,
  parameters: [CONNECTED_CAP_PARAMETER],
  // The borrower's local day of now, which began at most 25 hours ago (a day of a clock change).
  lookBackDays: 2,
  build(params, verdicts) {
    const cap = params.count('voice.connected_calls_per_day_max');
    return (facts) => checkDailyConnectedCap(facts, verdicts, cap);
  },
});
