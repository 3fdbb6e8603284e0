import { defineRule } from '../../../rule.ts';

/** Once a lawsuit is pending, the borrower is contacted through counsel only. */
export const rule = defineRule({
  id: 'CN-HOLD-04',
  title: 'Litigation pending: contact through counsel only; no second lawsuit',
  category: 'hold',
  jurisdiction: 'CN',
  kind: 'internal',
  citation: {
    source: 'FairCollect internal policy', section: 'litigation hold (R23)', grade: 'policy',
      requirements: ['R23'],
  },
  effective: { from: '2025-02-28' },
  summary: 'While litigation on the account is pending, collection contact goes to counsel (the '
    + 'lender\'s or the '
    + 'borrower\'s), not to the borrower, and no other lawsuit or field visit is started; statutory '
      + 'notices and '
    + 'answers to the borrower\'s own requests still go out.',
  rationale: 'Once a court is seized, pressure outside the proceedings risks looking like coercion '
    + 'of a party and '
    + 'contradicts the case file; contact through counsel keeps one record.',
  reasons: {
    no_litigation_pending: 'No litigation hold on this account.',
    contact_through_counsel: 'The contact goes to counsel, or is a notice or an answer the borrower '
      + 'asked for.',
    litigation_contact_through_counsel: 'Litigation is pending; collection contact goes through counsel.',
    litigation_already_pending: 'A lawsuit on this account is already pending.',
  },
  parameters: [],
  // Holds open now only.
  lookBackDays: 0,
  build(_params, verdicts) {
    const passes = new Set(['dispute_response', 'service', 'adverse_credit_notice']);
    return (facts) => {
      if (facts.holds(['litigation']).length === 0) return verdicts.allow('no_litigation_pending');
      const action = facts.situation.action;
      if (action === 'legal_action') return verdicts.deny('litigation_already_pending');
      if (action !== 'contact') return verdicts.allow('no_litigation_pending');
      if (facts.targetRole === 'attorney' || (facts.channel !== 'visit' && passes.has(facts.purpose))) {
        return verdicts.allow('contact_through_counsel');
      }
      return verdicts.deny('litigation_contact_through_counsel');
    };
  },
});
