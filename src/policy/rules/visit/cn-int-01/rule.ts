import { defineRule } from '../../../rule.ts';
import { STAFF_MAX, STAFF_MIN } from '../visit-parameters.ts';

/** Internal policy: at most two collectors on a visit, so a visit never becomes a crowd. */
export const rule = defineRule({
  id: 'CN-INT-01',
  title: 'Field visits: at most two collectors (internal policy)',
  category: 'visit',
  jurisdiction: 'CN',
  kind: 'internal',
  citation: {
    source: 'FairCollect internal policy (rule catalogue §7, conflict 3)', section: 'visit staff maximum',
    grade: 'policy', requirements: ['R11'],
  },
  effective: { from: '2025-02-28' },
  summary: 'No more than `visit.staff_max` collectors (2 by default) attend a field visit.',
  rationale: 'The requirement says "at most two staff". No source found supports a legal maximum: the CBA '
    + 'guideline sets a minimum of two (CN-VISIT-01). A larger group at a borrower\'s door '
      + 'intimidates, so the '
    + 'product keeps a maximum as internal policy, labelled as such; a lender may raise it within 2–10.',
  reasons: {
    staff_within_policy: 'No more collectors than the policy maximum.',
    too_many_staff: 'More collectors than the policy maximum.',
  },
  parameters: [STAFF_MIN, STAFF_MAX],
  lookBackDays: 0,
  build(params, verdicts) {
    const maximum = params.count('visit.staff_max');
    return (facts) => {
      const visit = facts.situation.visit;
      if (facts.channel !== 'visit'
        || visit === undefined) return verdicts.notApplicable('channel_not_covered');
      const detail = { staff: visit.staff, maximum };
      return visit.staff <= maximum ? verdicts.allow('staff_within_policy',
        detail) : verdicts.deny('too_many_staff', { detail });
    };
  },
});
