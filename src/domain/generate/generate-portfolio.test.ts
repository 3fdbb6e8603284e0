// The synthetic portfolio is deterministic per seed (the demo, the benchmarks and bug reports
// depend on it) and realistic enough to exercise every path of the ledger and the gate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sha256Hex } from '../../stdx/hash.ts';
import { BEHAVIOURS, generateBorrowers, PRODUCTS, type GenerateOptions } from './generate-portfolio.ts';
import { parseCivilDate } from '../../stdx/civil-date.ts';

const options: GenerateOptions = { borrowers: 2000, seed: 42, asOf: '2026-11-23', historyDays: 365 };

function fingerprint(generate: GenerateOptions): string {
  const parts: string[] = [];
  for (const bundle of generateBorrowers(generate)) {
    parts.push(sha256Hex(JSON.stringify(bundle, (_key, value) => (typeof value === 'bigint' ? value.toString() : value))));
  }
  return sha256Hex(parts.join(''));
}

test('the same seed gives the same portfolio; another seed another one', () => {
  assert.equal(fingerprint(options), fingerprint(options));
  assert.notEqual(fingerprint({ ...options, seed: 43 }), fingerprint(options));
});

test('borrower k does not depend on how many are generated after it', () => {
  const few = [...generateBorrowers({ ...options, borrowers: 5 })];
  const many = [...generateBorrowers({ ...options, borrowers: 50 })].slice(0, 5);
  assert.deepEqual(few, many);
});

test('the portfolio is realistic: products, segments, zones, contacts, behaviours', () => {
  const bundles = [...generateBorrowers(options)];
  const products = new Set(bundles.flatMap((bundle) => bundle.accounts.map((account) => account.productId)));
  assert.deepEqual([...products].sort(), ['baitiao', 'jintiao', 'us-installment']);
  const usZones = new Set(bundles.flatMap((bundle) => bundle.parties)
    .filter((party) => party.country === 'US').map((party) => party.timeZone));
  assert.ok(usZones.size >= 3, `US zones: ${[...usZones].join(', ')}`);
  assert.ok(bundles.some((bundle) => bundle.parties[0]!.extraTimeZones.length > 0), 'some US borrowers have an extra zone');
  assert.ok(bundles.some((bundle) => bundle.parties[0]!.timeZone === 'Asia/Urumqi'));
  assert.ok(bundles.every((bundle) => bundle.parties.some((party) => party.kind === 'contact_person')));
  assert.ok(bundles.every((bundle) => /^1[3-9]\d{9}$|^\+1\d{10}$/.test(bundle.contactPoints[0]!.value)));
  assert.deepEqual(new Set(bundles.map((bundle) => bundle.behaviour)), new Set(BEHAVIOURS));
  const share = bundles.filter((bundle) => bundle.parties[0]!.country === 'US').length / bundles.length;
  assert.ok(share > 0.1 && share < 0.2, `US share ${share}`);
});

test('schedules repay the principal, amounts are positive, references resolve, dates are real', () => {
  for (const bundle of generateBorrowers(options)) {
    const accountIds = new Set(bundle.accounts.map((account) => account.externalId));
    for (const account of bundle.accounts) {
      const lines = bundle.installments.filter((line) => line.accountExternalId === account.externalId);
      assert.equal(lines.reduce((total, line) => total + line.principalDueMinor, 0n), account.principalMinor);
      assert.ok(lines.every((line) => line.principalDueMinor > 0n && line.interestDueMinor >= 0n));
      assert.ok(lines.every((line) => parseCivilDate(line.dueDate) === line.dueDate && line.dueDate > account.openedOn));
    }
    for (const payment of bundle.payments) {
      assert.ok(accountIds.has(payment.accountExternalId));
      assert.ok(payment.amountMinor > 0n);
      assert.ok(payment.valueDate <= options.asOf);
    }
    assert.equal(new Set(bundle.payments.map((payment) => payment.idempotencyKey)).size, bundle.payments.length);
  }
});

test('one product is above the 24% all-in cost cap, as real penalty terms often are', () => {
  const flagged = PRODUCTS.filter((product) => product.interestRateBp + (product.penaltyRatePpmPerDay * 365) / 100 > product.costCapBp);
  assert.deepEqual(flagged.map((product) => product.id), ['jintiao']);
});
