import { defineRule } from '../../../rule.ts';
import { holdsEndMs, isEscalation } from '../hold-helpers.ts';

/** While a complaint about collection is under review: its subject stands aside and nothing escalates. */
export const rule = defineRule({
  id: 'CN-HOLD-01',
  title: 'Complaint under review: the agent or agency complained about stands aside; no escalation',
  category: 'hold',
  jurisdiction: 'CN',
  kind: 'internal',
  citation: {
    source: 'FairCollect internal policy, under GB/T 45251-2025', section: '§5.6 complaints', grade: 'policy',
    requirements: ['R13', 'R20'],
  },
  effective: { from: '2025-02-28' },
  summary: 'While a complaint about collection conduct is under review, the agent or agency it '
    + 'names does not '
    + 'contact the borrower, and no visit, placement, bureau report or lawsuit starts; other staff '
      + 'may still talk '
    + 'to the borrower.',
  rationale: 'The standard requires complaint handling (§5.6) but sets no hold; escalating against '
    + 'a borrower '
    + 'who has complained, or letting the accused collector call again, reads as retaliation.',
  reasons: {
    no_complaint_under_review: 'No complaint is under review.',
    contact_by_other_staff: 'A complaint is under review; this contact is by someone it does not name.',
    complaint_subject_may_not_contact: 'The complaint names this agent or agency.',
    escalation_paused_for_complaint: 'No escalation while a complaint is under review.',
  },
  parameters: [],
  // Holds open now only.
  lookBackDays: 0,
  build(_params, verdicts) {
    return (facts) => {
      const complaints = facts.holds(['complaint_review']);
      if (complaints.length === 0) return verdicts.allow('no_complaint_under_review');
      const wait = { nextAllowedAtMs: holdsEndMs(complaints, facts.nowMs) };
      if (isEscalation(facts)) return verdicts.deny('escalation_paused_for_complaint', wait);
      const actor = facts.situation.actor;
      const named = complaints.some((hold) => hold.subjectActorId === actor.id ||
        (hold.subjectAgencyId !== undefined && hold.subjectAgencyId === actor.agencyId));
      return named ? verdicts.deny('complaint_subject_may_not_contact',
        wait) : verdicts.allow('contact_by_other_staff');
    };
  },
});
