// Schedules must repay exactly the principal, with interest from the rate, by either method, and
// match the figures lenders publish for a standard loan.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSchedule } from './build-schedule.ts';

const total = (lines: { principalMinor: bigint; interestMinor: bigint }[]) =>
  lines.map((line) => line.principalMinor + line.interestMinor);

test('annuity: 12,000 yuan over 12 months at 18% pays 1,100.16 a month', () => {
  const lines = buildSchedule({ principalMinor: 1_200_000n, terms: 12, rateBp: 1800, method: 'annuity' });
  assert.equal(lines.length, 12);
  assert.deepEqual(lines[0], { principalMinor: 92_016n, interestMinor: 18_000n });
  const payments = total(lines);
  assert.ok(payments.slice(0, 11).every((payment) => payment === 110_016n));
  assert.ok(payments[11]! - 110_016n >= -12n && payments[11]! - 110_016n <= 12n, `last ${payments[11]}`);
  assert.equal(lines.reduce((sum, line) => sum + line.principalMinor, 0n), 1_200_000n);
});

test('equal principal: the same principal each month, interest on the falling balance', () => {
  const lines = buildSchedule({
    principalMinor: 1_000_000n, terms: 3, rateBp: 1200, method: 'equal_principal',
  });
  assert.deepEqual(lines, [
    { principalMinor: 333_333n, interestMinor: 10_000n },
    { principalMinor: 333_333n, interestMinor: 6_667n },
    { principalMinor: 333_334n, interestMinor: 3_333n },
  ]);
});

test('at a zero rate both methods split the principal evenly with no interest', () => {
  for (const method of ['annuity', 'equal_principal'] as const) {
    const lines = buildSchedule({ principalMinor: 100_000n, terms: 6, rateBp: 0, method });
    assert.deepEqual(lines.map((line) => line.interestMinor), [0n, 0n, 0n, 0n, 0n, 0n]);
    assert.deepEqual(lines.map((line) => line.principalMinor),
      [16_666n, 16_666n, 16_666n, 16_666n, 16_666n, 16_670n]);
  }
});

test('every schedule repays exactly its principal with positive parts', () => {
  for (const principalMinor of [5_900n, 123_456n, 5_000_000n, 1_000_000_00n]) {
    for (const terms of [1, 3, 6, 12, 24, 36]) {
      for (const rateBp of [0, 500, 1800, 2499]) {
        for (const method of ['annuity', 'equal_principal'] as const) {
          const lines = buildSchedule({ principalMinor, terms, rateBp, method });
          assert.equal(lines.reduce((sum, line) => sum + line.principalMinor, 0n), principalMinor);
          assert.ok(lines.every((line) => line.principalMinor > 0n && line.interestMinor >= 0n));
        }
      }
    }
  }
});

test('a loan without principal or terms is a programmer error', () => {
  assert.throws(() => buildSchedule({ principalMinor: 0n, terms: 3, rateBp: 0, method: 'annuity' }));
  assert.throws(() => buildSchedule({ principalMinor: 100n, terms: 0, rateBp: 0, method: 'annuity' }));
});
