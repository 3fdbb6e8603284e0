import { cnSituation, type RuleCase } from '../../rule-case.ts';

const complaint = { kind: 'complaint_review' as const, startedAt: '2026-03-05T00:00:00Z',
  subjectAgencyId: 'agency-a' };
const now = '2026-03-10T06:00:00Z';

export const cases: RuleCase[] = [
  {
    name: 'the agency complained about calls again',
    now, situation: cnSituation({ holds: [complaint], actor: { kind: 'agency', id: 'ag-a-1',
      agencyId: 'agency-a' } }),
    expect: { result: 'deny', reason: 'complaint_subject_may_not_contact', detail: null },
  },
  {
    name: 'an in-house agent calls during the review',
    now, situation: cnSituation({ holds: [complaint] }),
    expect: { result: 'allow', reason: 'contact_by_other_staff', detail: null },
  },
  {
    name: 'a placement with another agency during the review',
    now, situation: cnSituation({ action: 'placement', holds: [complaint], actor: { agencyId: 'agency-b' } }),
    expect: { result: 'deny', reason: 'escalation_paused_for_complaint', detail: null },
  },
  {
    name: 'after the review closed',
    now, situation: cnSituation({ holds: [{ ...complaint, endedAt: '2026-03-09T00:00:00Z' }] }),
    expect: { result: 'allow', reason: 'no_complaint_under_review', detail: null },
  },
  {
    name: 'the agency calls the instant the review closes',
    boundary: 'the instant the complaint review ends',
    now, situation: cnSituation({ holds: [{ ...complaint, endedAt: now }], actor: { kind: 'agency',
      id: 'ag-a-1', agencyId: 'agency-a' } }),
    expect: { result: 'allow', reason: 'no_complaint_under_review', detail: null },
  },
];
