import type { Facts } from '../../../../../../src/policy/engine/facts.ts';
import { defineRule, type Verdict, type Verdicts } from '../../../../../../src/policy/rule.ts';
import { MS_PER_DAY } from '../../../../../../src/policy/time/zone-clock.ts';
import { UK } from '../../../uk-id.ts';

type Reason = 'under_contact_limit' | 'excessive_contact';

const WINDOW_DAYS = 7;

/** Excessive contact: a cap on contacts to one customer in any 7 days, the firm's own number. */
export const rule = defineRule({
  id: 'UK-05',
  title: 'Excessive contact: at most 7 contacts with the customer in any 7 days',
  category: 'frequency',
  jurisdiction: UK,
  kind: 'law',
  citation: {
    source: 'FCA, Ofgem, Ofwat and Ofcom joint letter; Consumer Duty (PRIN 2A)',
    section: 'joint letter of 18 March 2024 on excessive communications', grade: 'B',
    url: 'https://www.fca.org.uk/publication/correspondence/joint-letter-supporting-customers-debt.pdf',
  },
  effective: { from: '2024-03-18' },
  summary: 'No call, text or email to the customer once the cap of outbound contacts in the last 7 days '
    + '(7 by default) is reached; the contact is allowed again when the oldest of them is 7 days old.',
  rationale: 'The regulators ask firms to avoid excessive communications and to lower the frequency when '
    + 'contact is not engaging the customer. CONC sets no number, so the cap is the firm\'s own, and the '
    + 'lender may set it.',
  reasons: {
    under_contact_limit: 'Fewer contacts than the cap were made with the customer in the last 7 days.',
    excessive_contact: 'The cap of contacts with the customer in 7 days was reached.',
  },
  parameters: [
    {
      key: 'uk_contacts.per_7_days_max', kind: 'count', default: 7, legalBound: null, stricter: 'lower',
      range: [1, 21], unit: 'outbound contacts per customer in 7 days',
      description: 'Outbound calls, texts and emails to the customer in any 7 days.',
    },
  ],
  lookBackDays: WINDOW_DAYS,
  build(params, verdicts) {
    const max = params.count('uk_contacts.per_7_days_max');
    return (facts) => checkContacts(facts, verdicts, max);
  },
});

function checkContacts(facts: Facts, verdicts: Verdicts<Reason>, max: number): Verdict {
  const target = facts.target;
  if (facts.situation.action !== 'contact' || target === null) return verdicts.notApplicable('action_not_covered');
  if (facts.channel === 'letter' || facts.channel === 'visit') return verdicts.notApplicable('channel_not_covered');
  const since = facts.nowMs - WINDOW_DAYS * MS_PER_DAY;
  const made = facts.attempts.filter((attempt) => attempt.partyId === target.partyId
    && attempt.direction !== 'inbound' && attempt.channel !== 'letter' && attempt.channel !== 'visit'
    && attempt.atMs > since && attempt.atMs <= facts.nowMs);
  if (made.length < max) return verdicts.allow('under_contact_limit');
  // Oldest first: once the one that leaves the cap's count short of `max` is 7 days old, contact may resume.
  return verdicts.deny('excessive_contact', { nextAllowedAtMs: made[made.length - max]!.atMs + WINDOW_DAYS * MS_PER_DAY });
}
