import { defineRule } from '../../../rule.ts';
import { contentVerdict } from '../../rule-helpers.ts';

/** The balance stated to a debtor is itemised: principal, interest, penalty, fees. */
export const rule = defineRule({
  id: 'CN-RATE-04',
  title: 'Itemised amounts: a collection message separates principal, interest, penalty and fees',
  category: 'conduct',
  jurisdiction: 'CN',
  kind: 'law',
  citation: {
    source: 'Rule catalogue CN-RATE-04 (GB/T 45251-2025; CBA 2026 "no exaggerated amounts")', section: '§2.9',
    grade: 'B', requirements: ['R17'],
  },
  effective: { from: '2025-02-28' },
  summary: 'A collection message to the borrower states the amounts it asks for item by item: principal and '
    + 'interest always, and penalty interest and fees when they are not zero; when the message carries its '
    + 'amounts, each one must appear in the text.',
  rationale: 'A lump "you owe 3,000" hides exaggerated penalties and fees; the itemised split is what the '
    + 'borrower needs to check the debt (R17) and what "do not exaggerate the amount" is tested against.',
  reasons: {
    amounts_itemised: 'The text states each component with its label.',
    amounts_not_itemised: 'The text does not state every component with its label.',
  },
  parameters: [],
  contentReasons: ['amounts_not_itemised'],
  lookBackDays: 0,
  build(_params, verdicts) {
    return (facts) => contentVerdict(facts, verdicts, ['amounts_not_itemised'], 'amounts_itemised');
  },
});
