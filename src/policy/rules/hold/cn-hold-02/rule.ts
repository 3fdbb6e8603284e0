import { defineRule } from '../../../rule.ts';
import { holdsEndMs, isEscalation } from '../hold-helpers.ts';

/** A borrower in recognised hardship is talked to about a plan, not escalated against. */
export const rule = defineRule({
  id: 'CN-HOLD-02',
  title: 'Hardship: no visit, placement, bureau report or lawsuit while a hardship hold is open',
  category: 'hold',
  jurisdiction: 'CN',
  kind: 'internal',
  citation: {
    source: 'FairCollect internal policy', section: 'hardship treatment (cf. CONC 7.3.4R forbearance)',
      grade: 'policy',
    requirements: ['R15', 'R19'],
  },
  effective: { from: '2025-02-28' },
  summary: 'While a hardship hold is open (job loss, illness, a plan being assessed), contact to '
    + 'agree a plan '
    + 'continues, but nothing escalates: no field visit, agency placement, bureau report or lawsuit.',
  rationale: 'Escalating against a borrower who has shown they cannot pay now adds cost and distress without '
    + 'adding recovery; the plan path (R15) is the right treatment.',
  reasons: {
    no_hardship_hold: 'No hardship hold is open.',
    contact_allowed_during_hardship: 'Contact continues during hardship to agree a plan.',
    escalation_paused_for_hardship: 'No escalation while the hardship hold is open.',
  },
  parameters: [],
  // Holds open now only.
  lookBackDays: 0,
  build(_params, verdicts) {
    return (facts) => {
      const holds = facts.holds(['hardship']);
      if (holds.length === 0) return verdicts.allow('no_hardship_hold');
      if (!isEscalation(facts)) return verdicts.allow('contact_allowed_during_hardship');
      return verdicts.deny('escalation_paused_for_hardship', { nextAllowedAtMs: holdsEndMs(holds,
        facts.nowMs) });
    };
  },
});
