import { defineRule } from '../../../rule.ts';

/** A debtor who died or lacks capacity is not pursued directly: only the estate or guardian path. */
export const rule = defineRule({
  id: 'CN-HOLD-03',
  title: 'Deceased or incapacitated debtor: no direct collection; estate or guardian path only',
  category: 'hold',
  jurisdiction: 'CN',
  kind: 'internal',
  citation: {
    source: 'FairCollect internal policy, under GB/T 45251-2025', section: '§5.3 催收对象', grade: 'policy',
    requirements: ['R8'],
  },
  effective: { from: '2025-02-28' },
  summary: 'Once the debtor is recorded as deceased or without civil capacity, nobody contacts or visits the '
    + 'debtor, and no bureau report or lawsuit is made against them; the case continues only through contact '
    + 'persons (heirs, guardian) under CN-GBT-03, or the debtor\'s counsel.',
  rationale: 'The standard opens the contact-person path exactly for these cases; collecting from a '
    + 'dead person\'s '
    + 'phone or a person without capacity is both futile and cruel. Claims against an estate follow '
      + 'succession law.',
  reasons: {
    debtor_alive_and_capable: 'No deceased or incapacity hold is recorded.',
    estate_or_guardian_path: 'The contact goes to a contact person or counsel, not the debtor.',
    debtor_deceased: 'The debtor is recorded as deceased.',
    debtor_incapacitated: 'The debtor is recorded as lacking civil capacity.',
  },
  parameters: [],
  // Holds open now only.
  lookBackDays: 0,
  build(_params, verdicts) {
    return (facts) => {
      const deceased = facts.holds(['deceased']).length > 0;
      const incapacitated = facts.holds(['incapacitated']).length > 0;
      if (!deceased && !incapacitated) return verdicts.allow('debtor_alive_and_capable');
      const reason = deceased ? 'debtor_deceased' : 'debtor_incapacitated';
      if (facts.situation.action === 'placement') return verdicts.allow('estate_or_guardian_path');
      if (facts.situation.action === 'contact' && facts.targetRole !== 'borrower'
        && facts.channel !== 'visit') {
        return verdicts.allow('estate_or_guardian_path');
      }
      return verdicts.deny(reason);
    };
  },
});
