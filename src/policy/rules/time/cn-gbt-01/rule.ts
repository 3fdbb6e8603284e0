import { defineRule } from '../../../rule.ts';
import { checkContactWindow, WINDOW_REASONS, windowParameters } from '../contact-window.ts';

/** Quiet hours of the national standard: all collection work, 08:00–22:00 in the person's zone. */
export const rule = defineRule({
  id: 'CN-GBT-01',
  title: 'Quiet hours: no collection contact from 22:00 to 08:00 local time',
  category: 'time',
  jurisdiction: 'CN',
  kind: 'law',
  citation: {
    source: 'GB/T 45251-2025', section: '§5.3 催收时间 (sub-clause not verified)', grade: 'B',
    requirements: ['R5'],
  },
  effective: { from: '2025-02-28' },
  summary: 'Unless the person agreed a time, no collection work of any kind (calls, messages, visits) '
    + 'happens before 08:00 or from 22:00 in their local time. When the zone is uncertain (the phone '
    + 'area code and the address disagree), the window must hold in every candidate zone.',
  rationale: 'The national standard sets the hours for all collection work (双方未约定时，催收作业不应在每日'
    + '22:00至次日8:00进行). Late-night and early-morning contact is the most common harassment complaint; '
    + 'evaluating in the borrower\'s zone, never the server\'s, keeps a borrower in Urumqi or '
      + 'abroad protected.',
  reasons: WINDOW_REASONS,
  parameters: windowParameters('quiet_hours', '08:00', '22:00', 'collection contact'),
  lookBackDays: 0,
  build(params, verdicts) {
    const start = params.minutes('quiet_hours.allowed_start');
    const end = params.minutes('quiet_hours.allowed_end');
    return (facts) => checkContactWindow(facts, verdicts, start, end);
  },
});
