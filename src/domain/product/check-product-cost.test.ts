// The cost-cap flag at its boundary: exactly at the cap is allowed, one basis point over is flagged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkProductCost } from './check-product-cost.ts';
import { penaltyAnnualBp } from './product-terms.ts';

const cases = [
  {
    name: 'interest only, under the cap',
    interestRateBp: 1800, penaltyRatePpmPerDay: 0, costCapBp: 2400, cost: 1800, flagged: false,
  },
  {
    name: 'exactly at the 24% cap',
    interestRateBp: 2400, penaltyRatePpmPerDay: 0, costCapBp: 2400, cost: 2400, flagged: false,
  },
  {
    name: 'one basis point over',
    interestRateBp: 2401, penaltyRatePpmPerDay: 0, costCapBp: 2400, cost: 2401, flagged: true,
  },
  // 0.05% a day is 18.25% a year; with 7.2% contract interest the all-in cost is 25.45%.
  {
    name: 'Baitiao-like 0.05%/day penalty on top of 7.2%',
    interestRateBp: 720, penaltyRatePpmPerDay: 500, costCapBp: 2400, cost: 2545, flagged: true,
  },
  {
    name: 'zero-interest BNPL with 0.05%/day',
    interestRateBp: 0, penaltyRatePpmPerDay: 500, costCapBp: 2400, cost: 1825, flagged: false,
  },
];

for (const row of cases) {
  test(`product cost: ${row.name}`, () => {
    const check = checkProductCost({ id: 'p', ...row });
    assert.equal(check.annualisedCostBp, row.cost);
    assert.equal(check.exceedsCap, row.flagged);
    assert.equal(check.reason, row.flagged ? 'all_in_cost_above_cap' : 'within_cost_cap');
    assert.match(check.citation, /CN-RATE-03/);
  });
}

test('penalty annualisation: 500 ppm/day is 1825 bp/year', () => {
  assert.equal(penaltyAnnualBp(500), 1825);
});
