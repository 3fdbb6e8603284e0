import { defineRule } from '../../../../../../src/policy/rule.ts';
import {
  checkContactWindow, laterCallbackAtMs, WINDOW_REASONS,
} from '../../../../../../src/policy/rules/time/contact-window.ts';
import { UK } from '../../../uk-id.ts';

/** CONC 7.9.4R: no contact at unreasonable times; the customer's own requests on timing are honoured. */
export const rule = defineRule({
  id: 'UK-04',
  title: 'Contact times: no contact at unreasonable times, and the customer\'s requested times honoured',
  category: 'time',
  jurisdiction: UK,
  kind: 'law',
  citation: {
    source: 'FCA Handbook CONC 7', section: 'CONC 7.9.4R', grade: 'A',
    url: 'https://www.handbook.fca.org.uk/handbook/CONC/7/9.html',
  },
  effective: { from: '2014-04-01' },
  summary: 'No contact before 08:00 or from 21:00 at the customer\'s location; a later time the customer '
    + 'asked for ("call me after my shift") is honoured.',
  rationale: 'CONC 7.9.4R forbids contact at unreasonable times and asks firms to pay due regard to the '
    + 'customer\'s reasonable requests on when to be contacted. The FCA sets no numeric window: 08:00–21:00 '
    + 'is the firm\'s reading of "reasonable", so the lender may set it either way.',
  reasons: {
    ...WINDOW_REASONS,
    customer_asked_for_later_time: 'The customer asked to be contacted later; earlier times are unreasonable.',
  },
  parameters: [
    {
      key: 'contact_hours.allowed_start', kind: 'time_of_day', default: '08:00', legalBound: null,
      stricter: 'higher', description: 'Local time from which contact is allowed.',
      below: { key: 'contact_hours.allowed_end', strict: true },
    },
    {
      key: 'contact_hours.allowed_end', kind: 'time_of_day', default: '21:00', legalBound: null,
      stricter: 'lower', description: 'Local time from which contact is no longer allowed.',
    },
  ],
  // Reads only callback times still ahead.
  lookBackDays: 0,
  build(params, verdicts) {
    const start = params.minutes('contact_hours.allowed_start');
    const end = params.minutes('contact_hours.allowed_end');
    return (facts) => {
      const later = laterCallbackAtMs(facts);
      if (later !== null) return verdicts.deny('customer_asked_for_later_time', { nextAllowedAtMs: later });
      return checkContactWindow(facts, verdicts, start, end);
    };
  },
});
