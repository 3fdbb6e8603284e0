import type { ParameterSpec } from '../../rule.ts';

/** The staff parameters of a field visit: the law's minimum and the internal maximum. */
export const STAFF_MIN: ParameterSpec = {
  key: 'visit.staff_min', kind: 'count', default: 2, legalBound: 2, stricter: 'higher', range: [2, 10],
  unit: 'collectors on the visit', description: 'The fewest collectors who may carry out a field '
    + 'visit together.',
  below: { key: 'visit.staff_max', strict: false },
};

export const STAFF_MAX: ParameterSpec = {
  key: 'visit.staff_max', kind: 'count', default: 2, legalBound: null, stricter: 'lower', range: [2, 10],
  unit: 'collectors on the visit', description: 'The most collectors who may attend a field visit '
    + '(internal policy).',
};
