import { defineRule } from '../../../rule.ts';

/** No visit without the borrower's recorded consent; no entry to the premises without consent to enter. */
export const rule = defineRule({
  id: 'CN-VISIT-03',
  title: 'Field visits only with the borrower\'s recorded consent; entry only with consent to enter',
  category: 'visit',
  jurisdiction: 'CN',
  kind: 'law',
  citation: {
    source: '民法典 (Civil Code) art. 1033(2); CBA 2026 八类禁止行为', section: 'entering a home without consent',
    grade: 'A', requirements: ['R11'],
  },
  effective: { from: '2021-01-01' },
  summary: 'A field visit happens only when the borrower\'s consent to the visit is recorded and '
    + 'still valid; '
    + 'a refusal means no visit. Entering the home, other private premises or the workplace needs a separate '
    + 'recorded consent to enter.',
  rationale: 'Entering or intruding on a home without consent violates the right to private life (Civil Code '
    + 'art. 1033(2)) and, to collect a debt, can be a crime (Criminal Law art. 293-1).',
  reasons: {
    visit_consented: 'The borrower\'s consent to the visit (and to entry, if entering) is recorded.',
    no_visit_consent: 'No valid consent of the borrower to this visit is recorded.',
    no_entry_consent: 'The visit would enter the premises without recorded consent to enter.',
  },
  parameters: [],
  // Consents in force now only.
  lookBackDays: 0,
  build(_params, verdicts) {
    return (facts) => {
      const visit = facts.situation.visit;
      if (facts.channel !== 'visit'
        || visit === undefined) return verdicts.notApplicable('channel_not_covered');
      const borrowerId = facts.situation.borrower.id;
      const valid = (kind: 'visit_consent' | 'entry_consent') => facts.agreements(kind, borrowerId)
        .some((agreement) => agreement.endsMs === null || facts.nowMs < agreement.endsMs);
      if (!valid('visit_consent')) return verdicts.deny('no_visit_consent');
      if (visit.entersPremises === true && !valid('entry_consent')) return verdicts.deny('no_entry_consent');
      return verdicts.allow('visit_consented');
    };
  },
});
