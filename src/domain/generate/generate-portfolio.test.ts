// The synthetic portfolio is deterministic per seed (the demo, the benchmarks and bug reports
// depend on it) and realistic enough to exercise every path of the ledger and the gate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCivilDate } from '../../stdx/civil-date.ts';
import { sha256Hex } from '../../stdx/hash.ts';
import { checkProductCost } from '../product/check-product-cost.ts';
import {
  BEHAVIOURS, generatePortfolio, PRODUCTS, type BorrowerBundle, type GenerateOptions,
} from './generate-portfolio.ts';

const options: GenerateOptions = { borrowers: 2000, seed: 42, asOf: '2026-11-23', historyDays: 365 };
const bundles = [...generatePortfolio(options).borrowers()];

function fingerprint(generate: GenerateOptions): string {
  const portfolio = generatePortfolio(generate);
  const json = (value: unknown) => JSON.stringify(value, (_key, inner) =>
    (typeof inner === 'bigint' ? `${inner}n` : inner));
  const parts = [json(portfolio.products)];
  for (const kind of ['parties', 'contactPoints', 'accounts', 'installments', 'payments'] as const) {
    for (const record of portfolio[kind]()) parts.push(json(record));
  }
  return sha256Hex(parts.join('\n'));
}

test('the same seed and arguments give the same portfolio; any other argument another one', () => {
  const small = { ...options, borrowers: 300 };
  const reference = fingerprint(small);
  assert.equal(fingerprint(small), reference);
  assert.notEqual(fingerprint({ ...small, seed: 43 }), reference);
  assert.notEqual(fingerprint({ ...small, seed: 42 + 2 ** 32 }), reference, 'high bits of the seed count');
  assert.notEqual(fingerprint({ ...small, asOf: '2026-11-24' }), reference);
  assert.notEqual(fingerprint({ ...small, historyDays: 364 }), reference);
});

test('borrower k does not depend on how many are generated after it, nor on where a pass starts', () => {
  const few = [...generatePortfolio({ ...options, borrowers: 5 }).borrowers()];
  assert.deepEqual(few, bundles.slice(0, 5));
  assert.deepEqual([...generatePortfolio(options).borrowers(1500, 1503)], bundles.slice(1500, 1503));
  assert.equal(bundles[1999]!.borrowerExternalId, 'B0002000');
});

test('the per-kind iterables yield exactly the records of the borrowers, in order', () => {
  const portfolio = generatePortfolio({ ...options, borrowers: 200 });
  const first = bundles.slice(0, 200);
  assert.deepEqual([...portfolio.parties()], first.flatMap((bundle) => bundle.parties));
  assert.deepEqual([...portfolio.contactPoints()], first.flatMap((bundle) => bundle.contactPoints));
  assert.deepEqual([...portfolio.accounts()], first.flatMap((bundle) => bundle.accounts));
  assert.deepEqual([...portfolio.installments()], first.flatMap((bundle) => bundle.installments));
  assert.deepEqual([...portfolio.payments()], first.flatMap((bundle) => bundle.payments));
});

test('products: a BNPL line and a cash loan in CNY, a US loan in USD; the cash loan is over its cap', () => {
  const used = new Set(bundles.flatMap((bundle) => bundle.accounts.map((account) => account.productId)));
  assert.deepEqual([...used].sort(), PRODUCTS.map((product) => product.id).sort());
  assert.deepEqual(PRODUCTS.map((product) => [product.kind, product.currency, product.jurisdiction]),
    [['bnpl_line', 'CNY', 'CN'], ['cash_loan', 'CNY', 'CN'], ['installment_loan', 'USD', 'US']]);
  const terms = PRODUCTS.map((product) =>
    [product.penaltyRatePpmPerDay, product.graceDays, product.costCapBp]);
  assert.deepEqual(terms,
    [[500, 3, 2400], [740, 3, 2400], [0, 10, 3600]]);
  const over = PRODUCTS.filter((product) => checkProductCost(product).exceedsCap);
  assert.deepEqual(over.map((product) => product.id), ['cn-cash']);
});

test('people: Chinese and US segments, zones, numbers, one to three contact persons each', () => {
  const borrowers = bundles.map((bundle) => bundle.parties[0]!);
  assert.ok(borrowers.every((party) => party.kind === 'borrower' && party.relationship === 'self'));
  const us = borrowers.filter((party) => party.country === 'US');
  assert.ok(us.length / borrowers.length > 0.12 && us.length / borrowers.length < 0.18, `US ${us.length}`);
  assert.ok(new Set(us.map((party) => party.timeZone)).size >= 5);
  assert.ok(us.some((party) => party.extraTimeZones.length === 1
    && party.extraTimeZones[0] !== party.timeZone));
  assert.ok(borrowers.some((party) => party.timeZone === 'Asia/Urumqi'
    && party.extraTimeZones.join() === 'Asia/Shanghai'));
  for (const bundle of bundles) {
    const contacts = bundle.parties.filter((party) => party.kind === 'contact_person');
    assert.ok(contacts.length >= 1 && contacts.length <= 3);
    assert.ok(contacts.every((party) => party.borrowerExternalId === bundle.borrowerExternalId));
    const owners = new Set(bundle.parties.map((party) => party.externalId));
    assert.ok(bundle.contactPoints.every((point) => owners.has(point.partyExternalId)));
    assert.ok(contacts.every((party) => bundle.contactPoints.some((point) =>
      point.partyExternalId === party.externalId && point.kind === 'mobile')));
    const pattern = bundle.segment === 'CN' ? /^1[3-9]\d{9}$/ : /^\+1\d{3}55501\d\d$/;
    const phones = bundle.contactPoints.filter((point) => ['mobile', 'landline'].includes(point.kind));
    assert.ok(phones.every((point) => pattern.test(point.value)), bundle.borrowerExternalId);
  }
  const points = bundles.flatMap((bundle) => bundle.contactPoints);
  assert.ok(points.some((point) => point.status === 'invalid'));
  assert.ok(points.some((point) => point.kind === 'email' && point.employerProvided));
  const chinese = bundles.find((bundle) => bundle.segment === 'CN')!.parties[0]!;
  assert.match(chinese.fullName, /^[\u4e00-\u9fff]{2,4}$/);
});

test('every behaviour appears, in plausible shares', () => {
  const counts = new Map(BEHAVIOURS.map((behaviour) => [behaviour, 0]));
  for (const bundle of bundles) counts.set(bundle.behaviour, counts.get(bundle.behaviour)! + 1);
  for (const [behaviour, count] of counts) assert.ok(count >= 60, `${behaviour}: ${count}`);
  assert.ok(counts.get('on_time')! > bundles.length / 2);
  assert.ok(bundles.every((bundle) => bundle.behaviour !== 'never_paid' || bundle.payments.length === 0));
});

test('accounts: BNPL borrowers sometimes hold two plans on one repayment day', () => {
  const twoPlans = bundles.filter((bundle) =>
    bundle.accounts.filter((account) => account.productId === 'cn-bnpl').length === 2);
  assert.ok(twoPlans.length > 100, `two BNPL plans: ${twoPlans.length}`);
  for (const bundle of twoPlans) {
    const days = new Set(bundle.installments.map((line) => line.dueDate.slice(8)));
    assert.equal(days.size, 1, bundle.borrowerExternalId);
  }
});

test('schedules repay the principal; amounts positive; references resolve; dates are real', () => {
  for (const bundle of bundles) checkBundle(bundle);
});

function checkBundle(bundle: BorrowerBundle): void {
  const accounts = new Map(bundle.accounts.map((account) => [account.externalId, account]));
  for (const account of bundle.accounts) {
    assert.equal(account.borrowerExternalId, bundle.borrowerExternalId);
    assert.ok(account.principalMinor > 0n && account.creditLimitMinor >= account.principalMinor);
    assert.ok(account.openedOn < options.asOf && account.openedOn >= '2025-11-23');
    const lines = bundle.installments.filter((line) => line.accountExternalId === account.externalId);
    assert.deepEqual(lines.map((line) => line.seq), lines.map((_line, index) => index + 1));
    assert.ok([3, 6, 12, 24, 36].includes(lines.length));
    assert.equal(lines.reduce((total, line) => total + line.principalDueMinor, 0n), account.principalMinor);
    assert.ok(lines.every((line) => line.principalDueMinor > 0n && line.interestDueMinor >= 0n));
    assert.ok(lines.every((line, index) => parseCivilDate(line.dueDate) === line.dueDate
      && line.dueDate > (index === 0 ? account.openedOn : lines[index - 1]!.dueDate)));
  }
  for (const payment of bundle.payments) {
    const account = accounts.get(payment.accountExternalId);
    assert.ok(account !== undefined, payment.idempotencyKey);
    assert.equal(payment.currency, account.currency);
    assert.ok(payment.amountMinor > 0n);
    assert.ok(parseCivilDate(payment.valueDate) === payment.valueDate && payment.valueDate <= options.asOf);
    assert.ok(payment.valueDate > account.openedOn);
    assert.match(payment.idempotencyKey, new RegExp(`^gen-42-${payment.accountExternalId}-\\d+$`));
  }
  const keys = new Set(bundle.payments.map((payment) => payment.idempotencyKey));
  assert.equal(keys.size, bundle.payments.length);
}
