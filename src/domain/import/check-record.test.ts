// The cheap checks of typed records (the generator's path into the importer): a good record of
// each kind passes, and each invariant that would otherwise fail a whole database batch is caught
// with the column the file format gives it, as are absurd amounts and value dates (each bound's
// last accepted value passes, the next is refused).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IMPORT_AMOUNT_MINOR_MAX } from '../../config/limits.ts';
import { checkRecord } from './check-record.ts';
import type {
  AccountRecord, ContactPointRecord, InstallmentRecord, PartyRecord, PaymentRecord, ProductRecord,
} from './import-records.ts';

const product: ProductRecord = { id: 'p', name: 'P', kind: 'cash_loan', jurisdiction: 'US', currency: 'USD',
  interestRateBp: 1800, penaltyRatePpmPerDay: 0, penaltyBasis: 'overdue_principal', graceDays: 30,
  lateFeeMinor: 2500n, allocationMode: 'component_first', componentOrder: ['interest', 'fee', 'penalty',
    'principal'],
  costCapBp: 3600 };
const party: PartyRecord = { externalId: 'B1', kind: 'borrower', borrowerExternalId: null,
  relationship: 'self',
  fullName: 'Mary', timeZone: 'America/Chicago', extraTimeZones: ['America/Denver'], city: null,
    country: 'US',
  locale: 'en-US' };
const point: ContactPointRecord = { externalId: 'P1', partyExternalId: 'B1', kind: 'mobile',
  value: '+1 312 555 0100',
  status: 'valid', employerProvided: false, workplace: false };
const account: AccountRecord = { externalId: 'A1', borrowerExternalId: 'B1', productId: 'p', currency: 'USD',
  creditLimitMinor: 0n, principalMinor: 100n, openedOn: '2024-02-29', status: 'active' };
const line: InstallmentRecord = { accountExternalId: 'A1', seq: 360, dueDate: '2026-01-31',
  principalDueMinor: 100n,
  interestDueMinor: 5n, feeDueMinor: 0n, principalPaidMinor: 100n, interestPaidMinor: 5n, feePaidMinor: 0n };
const payment: PaymentRecord = { idempotencyKey: 'k-1', accountExternalId: 'A1', amountMinor: 1n,
  currency: 'USD',
  valueDate: '2026-01-31', channel: 'ach' };

const field = (problem: { field: string | null; reason: string } | null) =>
  (problem === null ? null : [problem.field, problem.reason]);

test('good records of every kind pass', () => {
  assert.equal(checkRecord('products', product), null);
  assert.equal(checkRecord('parties', party), null);
  assert.equal(checkRecord('parties', { ...party, externalId: 'C1', kind: 'contact_person',
    borrowerExternalId: 'B1',
    relationship: 'sibling' }), null);
  assert.equal(checkRecord('contact_points', point), null);
  assert.equal(checkRecord('accounts', account), null);
  assert.equal(checkRecord('installments', line), null);
  assert.equal(checkRecord('payments', payment), null);
});

test('each invariant is caught with its column and reason', () => {
  const cases: [Parameters<typeof checkRecord>[0], unknown, [string, string]][] = [
    ['products', { ...product, graceDays: 31 }, ['grace_days', 'out_of_range']],
    ['products', { ...product, lateFeeMinor: -1n }, ['late_fee', 'negative_amount']],
    ['products', { ...product, componentOrder: ['fee', 'fee', 'interest', 'principal'] }, ['component_order',
      'invalid_value']],
    ['products', { ...product, currency: 'JPY' }, ['currency', 'invalid_currency']],
    ['parties', { ...party, relationship: 'spouse' }, ['relationship', 'invalid_value']],
    ['parties', { ...party, kind: 'contact_person', relationship: 'parent' }, ['borrower_external_id',
      'missing_field']],
    ['parties', { ...party, timeZone: '+08:00' }, ['time_zone', 'invalid_time_zone']],
    ['parties', { ...party, extraTimeZones: ['Nowhere/City'] }, ['extra_time_zones', 'invalid_time_zone']],
    ['contact_points', { ...point, kind: 'pager' }, ['kind', 'invalid_value']],
    ['accounts', { ...account, openedOn: '2023-02-29' }, ['opened_on', 'invalid_date']],
    ['accounts', { ...account, principalMinor: -1n }, ['principal', 'negative_amount']],
    ['installments', { ...line, seq: 361 }, ['seq', 'out_of_range']],
    ['installments', { ...line, feeDueMinor: -1n }, ['fee_due', 'negative_amount']],
    ['installments', { ...line, interestPaidMinor: 6n }, ['interest_paid', 'paid_above_due']],
    ['payments', { ...payment, amountMinor: 0n }, ['amount', 'invalid_amount']],
    ['payments', { ...payment, amountMinor: -1n }, ['amount', 'negative_amount']],
    ['payments', { ...payment, channel: '' }, ['channel', 'invalid_value']],
  ];
  for (const [kind, record, expected] of cases) assert.deepEqual(field(checkRecord(kind, record)), expected,
    kind);
});

test('text holding a NUL or a lone surrogate is refused first, named by its column, in every kind', () => {
  const cases: [Parameters<typeof checkRecord>[0], unknown, [string, string]][] = [
    ['products', { ...product, name: 'Card\u0000' }, ['name', 'invalid_character']],
    ['parties', { ...party, fullName: 'Mary\ud800' }, ['full_name', 'invalid_character']],
    ['parties', { ...party, city: '\udc00' }, ['city', 'invalid_character']],
    ['parties', { ...party, extraTimeZones: ['America/Denver', 'A\u0000'] }, ['extra_time_zones',
      'invalid_character']],
    ['contact_points', { ...point, partyExternalId: 'B\u00001' }, ['party_external_id', 'invalid_character']],
    ['accounts', { ...account, productId: 'p\u0000' }, ['product_id', 'invalid_character']],
    ['installments', { ...line, accountExternalId: 'A1\u0000', seq: 0 }, ['account_external_id',
      'invalid_character']],
    ['payments', { ...payment, accountExternalId: '\ud83dA1' }, ['account_external_id', 'invalid_character']],
  ];
  for (const [kind, record, expected] of cases) assert.deepEqual(field(checkRecord(kind, record)), expected,
    kind);
  assert.equal(checkRecord('parties', { ...party, fullName: 'Mary 🙂' }), null, 'a surrogate pair is text');
});

test('absurd amounts of every kind and payments dated before years to come are refused', () => {
  const over = IMPORT_AMOUNT_MINOR_MAX + 1n;
  const cases: [Parameters<typeof checkRecord>[0], unknown, [string, string]][] = [
    ['products', { ...product, lateFeeMinor: over }, ['late_fee', 'amount_out_of_range']],
    ['accounts', { ...account, creditLimitMinor: over }, ['credit_limit', 'amount_out_of_range']],
    ['accounts', { ...account, principalMinor: over }, ['principal', 'amount_out_of_range']],
    ['installments', { ...line, principalDueMinor: over, principalPaidMinor: 0n },
      ['principal_due', 'amount_out_of_range']],
    ['installments', { ...line, interestDueMinor: over }, ['interest_due', 'amount_out_of_range']],
    ['installments', { ...line, feeDueMinor: over }, ['fee_due', 'amount_out_of_range']],
    ['payments', { ...payment, amountMinor: 999999999999999999n }, ['amount', 'amount_out_of_range']],
    ['payments', { ...payment, amountMinor: 10_000_000_01n }, ['amount', 'amount_out_of_range']],
    ['payments', { ...payment, currency: 'CNY', amountMinor: 100_000_000_01n }, ['amount',
      'amount_out_of_range']],
    ['payments', { ...payment, valueDate: '0001-01-01' }, ['value_date', 'invalid_date']],
  ];
  for (const [kind, record, expected] of cases) assert.deepEqual(field(checkRecord(kind, record)), expected,
    kind);
  const atBounds: [Parameters<typeof checkRecord>[0], unknown][] = [
    ['products', { ...product, lateFeeMinor: IMPORT_AMOUNT_MINOR_MAX }],
    ['accounts', { ...account, creditLimitMinor: IMPORT_AMOUNT_MINOR_MAX,
      principalMinor: IMPORT_AMOUNT_MINOR_MAX }],
    ['installments', { ...line, principalDueMinor: IMPORT_AMOUNT_MINOR_MAX,
      interestDueMinor: IMPORT_AMOUNT_MINOR_MAX, feeDueMinor: IMPORT_AMOUNT_MINOR_MAX }],
    ['payments', { ...payment, amountMinor: 10_000_000_00n }],
    ['payments', { ...payment, currency: 'CNY', amountMinor: 100_000_000_00n }],
  ];
  for (const [kind, record] of atBounds) assert.equal(checkRecord(kind, record), null, kind);
  const today = '2026-01-28';
  assert.equal(checkRecord('payments', { ...payment, valueDate: '2026-01-31' }, today), null,
    'today + 3 days');
  assert.deepEqual(field(checkRecord('payments', { ...payment, valueDate: '2026-02-01' }, today)),
    ['value_date', 'value_date_out_of_range']);
  assert.deepEqual(field(checkRecord('payments', { ...payment, valueDate: '2099-01-01' }, today)),
    ['value_date', 'value_date_out_of_range']);
  assert.equal(checkRecord('payments', { ...payment, valueDate: '2099-01-01' }), null,
    'without the import\'s date only the account\'s opening bounds a value date');
});
