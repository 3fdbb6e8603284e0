import { defineRule } from '../../../rule.ts';
import { checkContactWindow, WINDOW_REASONS, windowParameters } from '../contact-window.ts';

/** Quiet hours of the CBA 2026 guideline, which names calls and field visits explicitly. */
export const rule = defineRule({
  id: 'CN-CBA-01',
  title: 'Quiet hours incl. field visits: nothing from 22:00 to 08:00 without the debtor\'s consent',
  category: 'time',
  jurisdiction: 'CN',
  kind: 'law',
  citation: {
    source: 'CBA 《金融机构个人消费类贷款催收工作指引（试行）》 (2026-01-30)', section: 'quiet hours article',
    grade: 'B', requirements: ['R5', 'R11'],
  },
  effective: { from: '2026-01-30' },
  summary: 'Without the debtor\'s consent, no telephone collection, field visit or other collection between '
    + '22:00 and 08:00 local time, in every candidate zone.',
  rationale: 'The China Banking Association guideline (未经债务人同意，严禁在每日22:00至次日8:00进行电话催收、外访催收'
    + '及其他催收) restates the national standard\'s hours and names visits, which GB/T leaves implicit. '
      + 'Both rules '
    + 'share the `quiet_hours` parameters, so a lender\'s tighter window applies to both.',
  reasons: WINDOW_REASONS,
  parameters: windowParameters('quiet_hours', '08:00', '22:00', 'collection contact'),
  lookBackDays: 0,
  build(params, verdicts) {
    const start = params.minutes('quiet_hours.allowed_start');
    const end = params.minutes('quiet_hours.allowed_end');
    return (facts) => checkContactWindow(facts, verdicts, start, end);
  },
});
