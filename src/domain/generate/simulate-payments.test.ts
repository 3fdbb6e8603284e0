// Each behaviour must produce the payments its name promises, with amounts that cover what the
// ledger will have charged (or deliberately do not), and nothing dated after the as-of date.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRandom } from '../../stdx/random.ts';
import { chargesFor, simulatePayments, type Bill, type LateTerms } from './simulate-payments.ts';

const CN: LateTerms = { graceDays: 3, penaltyRatePpmPerDay: 500, lateFeeMinor: 0n, unitMinor: 100n };
const US: LateTerms = { graceDays: 10, penaltyRatePpmPerDay: 0, lateFeeMinor: 2500n, unitMinor: 100n };
/** Twelve monthly bills of 1,000.00 from day 1,000, roughly 30 days apart. */
const bills: Bill[] = Array.from({ length: 12 }, (_unused, index) => ({
  due: 1000 + index * 30, amountMinor: 100_000n, penaltyBasisMinor: 90_000n,
}));
const AFTER_ALL = 2000;

test('charges: nothing within grace; past it, penalty for every day since the due date', () => {
  const bill = bills[0]!;
  assert.equal(chargesFor(bill, 3, CN), 0n);
  // 900.00 × 0.05% × 4 days = 1.80, plus one fen a day of rounding margin.
  assert.equal(chargesFor(bill, 4, CN), 180n + 4n);
  assert.equal(chargesFor(bill, 10, US), 0n);
  assert.equal(chargesFor(bill, 11, US), 2500n);
});

test('on time: every bill in full, on or up to three days before its due date', () => {
  const events = simulatePayments(createRandom(1), 'on_time', bills, CN, AFTER_ALL);
  assert.equal(events.length, bills.length);
  events.forEach((event, index) => {
    assert.equal(event.amountMinor, 100_000n);
    assert.ok(event.day <= bills[index]!.due && event.day >= bills[index]!.due - 3);
  });
});

test('late and cured: at least one bill paid past grace with its charges, rounded up to a yuan', () => {
  for (let seed = 0; seed < 50; seed += 1) {
    const events = simulatePayments(createRandom(seed), 'late_cured', bills, CN, AFTER_ALL);
    assert.equal(events.length, bills.length);
    let late = 0;
    events.forEach((event, index) => {
      const bill = bills[index]!;
      if (event.day <= bill.due + CN.graceDays) return;
      late += 1;
      assert.ok(event.amountMinor >= 100_000n + chargesFor(bill, event.day - bill.due, CN));
      assert.equal(event.amountMinor % 100n, 0n);
      // Paid before the next bill falls due, so the cure is complete.
      assert.ok(index === bills.length - 1 || event.day < bills[index + 1]!.due);
    });
    assert.ok(late >= 1, `seed ${seed}`);
  }
});

test('chronic: mostly late, sometimes two or three bills in one payment, covering all of them', () => {
  let combined = 0;
  for (let seed = 0; seed < 50; seed += 1) {
    const events = simulatePayments(createRandom(seed), 'chronic', bills, CN, AFTER_ALL);
    const paid = events.reduce((sum, event) => sum + event.amountMinor, 0n);
    combined += events.filter((event) => event.amountMinor > 200_000n).length;
    assert.ok(events.length <= bills.length);
    assert.ok(paid >= BigInt(events.length) * 100_000n);
  }
  assert.ok(combined > 10, `payments covering several bills: ${combined}`);
});

test('partial: 30–70% of a bill in whole yuan, never the whole of it', () => {
  const events = simulatePayments(createRandom(3), 'partial', bills, CN, AFTER_ALL);
  assert.ok(events.length >= 6);
  for (const event of events) {
    assert.ok(event.amountMinor >= 30_000n && event.amountMinor <= 70_000n);
    assert.equal(event.amountMinor % 100n, 0n);
  }
});

test('never paid: nothing; and no behaviour pays after the as-of date', () => {
  assert.deepEqual(simulatePayments(createRandom(4), 'never_paid', bills, US, AFTER_ALL), []);
  const asOf = bills[4]!.due;
  for (const behaviour of ['on_time', 'late_cured', 'chronic', 'partial'] as const) {
    for (let seed = 0; seed < 20; seed += 1) {
      const events = simulatePayments(createRandom(seed), behaviour, bills, US, asOf);
      assert.ok(events.every((event) => event.day <= asOf), behaviour);
    }
  }
});
