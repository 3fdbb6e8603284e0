import { defineRule } from '../../../rule.ts';
import { STAFF_MAX, STAFF_MIN } from '../visit-parameters.ts';

/** Every field visit is carried out by at least two collectors. */
export const rule = defineRule({
  id: 'CN-VISIT-01',
  title: 'Field visits: at least two collectors',
  category: 'visit',
  jurisdiction: 'CN',
  kind: 'law',
  citation: {
    source: 'CBA 《金融机构个人消费类贷款催收工作指引（试行）》 (2026-01-30)', section: 'art. 22', grade: 'B',
    requirements: ['R11'],
  },
  effective: { from: '2026-01-30' },
  summary: 'A field visit is carried out by no fewer than two collectors together (不少于两名).',
  rationale: 'Two people protect both sides: a witness for the borrower against misconduct and for '
    + 'the collector '
    + 'against false accusations. The guideline sets a minimum only; the maximum of CN-INT-01 is '
      + 'internal policy.',
  reasons: {
    enough_staff: 'At least the minimum number of collectors attend.',
    too_few_staff: 'Fewer collectors than the minimum.',
  },
  parameters: [STAFF_MIN, STAFF_MAX],
  lookBackDays: 0,
  build(params, verdicts) {
    const minimum = params.count('visit.staff_min');
    return (facts) => {
      const visit = facts.situation.visit;
      if (facts.channel !== 'visit'
        || visit === undefined) return verdicts.notApplicable('channel_not_covered');
      const detail = { staff: visit.staff, minimum };
      return visit.staff >= minimum ? verdicts.allow('enough_staff',
        detail) : verdicts.deny('too_few_staff', { detail });
    };
  },
});
