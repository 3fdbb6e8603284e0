// The row validators of each import kind: a good row becomes its exact record with defaults
// filled in; a bad row reports every problem it has, each with its field and reason; the rules
// that tie fields together (a borrower is "self", a contact person names its borrower, paid never
// exceeds due, a payment is above zero) hold; absurd amounts and value dates are refused at their
// bounds (each bound's last accepted value passes, the next is refused).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  IMPORT_AMOUNT_MINOR_MAX, PAYMENT_AMOUNT_MINOR_MAX, PAYMENT_VALUE_DATE_AHEAD_DAYS_MAX,
} from '../../config/limits.ts';
import type { RawRow } from './field-rules.ts';
import {
  validateAccount, validateContactPoint, validateInstallment, validateParty, validatePayment, validateProduct,
  type Validation,
} from './validate-record.ts';

const problemsOf = (validation: Validation<unknown>) =>
  (validation.ok ? [] : validation.problems.map((problem) => [problem.field, problem.reason]));

test('products: defaults for the optional columns, every problem of a bad row', () => {
  const row: RawRow = { id: 'cash', name: 'Cash loan', kind: 'cash_loan', jurisdiction: 'CN', currency: 'CNY',
    interest_rate_bp: '1800', penalty_rate_ppm_per_day: '500' };
  assert.deepEqual(validateProduct(row), { ok: true, record: { id: 'cash', name: 'Cash loan',
    kind: 'cash_loan',
    jurisdiction: 'CN', currency: 'CNY', interestRateBp: 1800, penaltyRatePpmPerDay: 500,
    penaltyBasis: 'overdue_principal', graceDays: 0, lateFeeMinor: 0n, allocationMode: 'installment_first',
    componentOrder: ['fee', 'penalty', 'interest', 'principal'], costCapBp: 2400 } });
  assert.deepEqual(problemsOf(validateProduct({ ...row, id: 'a b', kind: 'mortgage', grace_days: '31',
    late_fee: '-1',
    component_order: 'fee;interest;principal', cost_cap_bp: '0' })), [['id', 'invalid_value'], ['kind',
      'invalid_value'],
    ['grace_days', 'out_of_range'], ['late_fee', 'negative_amount'], ['component_order', 'invalid_value'],
    ['cost_cap_bp', 'out_of_range']]);
});

test('parties: a borrower is "self" and names no borrower; a contact person names one and is not "self"',
  () => {
  const borrower: RawRow = { external_id: 'B1', kind: 'borrower', full_name: '张伟', time_zone: 'Asia/Shanghai',
    extra_time_zones: 'Asia/Urumqi', country: 'CN', borrower_external_id: 'ignored' };
  assert.deepEqual(validateParty(borrower), { ok: true, record: { externalId: 'B1', kind: 'borrower',
    borrowerExternalId: null, relationship: 'self', fullName: '张伟', timeZone: 'Asia/Shanghai',
    extraTimeZones: ['Asia/Urumqi'], city: null, country: 'CN', locale: 'zh-CN' } });
  const contact: RawRow = { ...borrower, external_id: 'C1', kind: 'contact_person',
    borrower_external_id: 'B1',
    extra_time_zones: '', locale: 'en-US' };
  assert.deepEqual(validateParty(contact), { ok: true, record: { externalId: 'C1', kind: 'contact_person',
    borrowerExternalId: 'B1', relationship: 'other', fullName: '张伟', timeZone: 'Asia/Shanghai',
      extraTimeZones: [],
    city: null, country: 'CN', locale: 'en-US' } });
  assert.deepEqual(problemsOf(validateParty({ ...contact, borrower_external_id: '', relationship: 'self' })),
    [['borrower_external_id', 'missing_field'], ['relationship', 'invalid_value']]);
  assert.deepEqual(problemsOf(validateParty({ ...borrower, relationship: 'spouse', time_zone: 'Mars/Olympus',
    extra_time_zones: 'Asia/Shanghai;Moon/Base', country: 'China', locale: 'Chinese' })), [
    ['relationship', 'invalid_value'], ['time_zone', 'invalid_time_zone'], ['extra_time_zones',
      'invalid_time_zone'],
    ['country', 'invalid_value'], ['locale', 'invalid_value']]);
});

test('contact points and accounts', () => {
  assert.deepEqual(validateContactPoint({ external_id: 'P1', party_external_id: 'B1', kind: 'email',
    value: 'a@b.example', employer_provided: 'yes', workplace: 'true' }), { ok: true, record: {
    externalId: 'P1',
    partyExternalId: 'B1', kind: 'email', value: 'a@b.example', status: 'valid', employerProvided: true,
    workplace: true } });
  assert.deepEqual(problemsOf(validateContactPoint({ external_id: 'P1', kind: 'fax', status: 'gone' })), [
    ['party_external_id', 'missing_field'], ['kind', 'invalid_value'], ['value', 'missing_field'],
    ['status', 'invalid_value']]);
  const account: RawRow = { external_id: 'A1', borrower_external_id: 'B1', product_id: 'cash',
    currency: 'USD',
    principal: '1234.5', opened_on: '2026-01-15' };
  assert.deepEqual(validateAccount(account), { ok: true, record: { externalId: 'A1', borrowerExternalId: 'B1',
    productId: 'cash', currency: 'USD', creditLimitMinor: 0n, principalMinor: 123450n, openedOn: '2026-01-15',
    status: 'active' } });
  assert.deepEqual(problemsOf(validateAccount({ ...account, principal: '-1.00', opened_on: '2026-02-29',
    status: 'open' })), [['principal', 'negative_amount'], ['opened_on', 'invalid_date'], ['status',
      'invalid_value']]);
  assert.deepEqual(problemsOf(validateAccount({ ...account, currency: 'XYZ', principal: 'junk' })),
    [['currency', 'invalid_currency']], 'amounts are not read in an unknown currency');
});

test('installments: amounts in the account currency; paid at most due; seq within the schedule', () => {
  const row: RawRow = { account_external_id: 'A1', seq: '1', due_date: '2026-02-15', principal_due: '100.00',
    principal_paid: '100.00' };
  assert.deepEqual(validateInstallment(row, 'CNY'), { ok: true, record: { accountExternalId: 'A1', seq: 1,
    dueDate: '2026-02-15', principalDueMinor: 10000n, interestDueMinor: 0n, feeDueMinor: 0n,
    principalPaidMinor: 10000n, interestPaidMinor: 0n, feePaidMinor: 0n } });
  assert.deepEqual(problemsOf(validateInstallment({ ...row, principal_paid: '100.01' }, 'CNY')),
    [['principal_paid', 'paid_above_due']]);
  assert.deepEqual(problemsOf(validateInstallment({ ...row, interest_paid: '0.01' }, 'CNY')),
    [['interest_paid', 'paid_above_due']]);
  assert.deepEqual(problemsOf(validateInstallment({ ...row, seq: '0', due_date: '2026-13-01',
    fee_due: '-2' }, 'CNY')),
    [['seq', 'out_of_range'], ['due_date', 'invalid_date'], ['fee_due', 'negative_amount']]);
  assert.equal(validateInstallment({ ...row, seq: '360' }, 'CNY').ok, true);
  assert.deepEqual(problemsOf(validateInstallment({ ...row, seq: '361' }, 'CNY')), [['seq', 'out_of_range']]);
});

test('payments: above zero, a real value date, a key and a channel of the documented form', () => {
  const row: RawRow = { idempotency_key: 'pay-1', account_external_id: 'A1', amount: '2090', currency: 'CNY',
    value_date: '2026-02-14', channel: 'bank_transfer' };
  assert.deepEqual(validatePayment(row), { ok: true, record: { idempotencyKey: 'pay-1',
    accountExternalId: 'A1',
    amountMinor: 209000n, currency: 'CNY', valueDate: '2026-02-14', channel: 'bank_transfer' } });
  assert.deepEqual(problemsOf(validatePayment({ ...row, amount: '0.00' })), [['amount', 'invalid_amount']]);
  assert.deepEqual(problemsOf(validatePayment({ ...row, amount: '-5' })), [['amount', 'negative_amount']]);
  assert.deepEqual(problemsOf(validatePayment({ ...row, idempotency_key: 'pay 1', channel: 'Bank Transfer',
    value_date: '14/02/2026' })), [['idempotency_key', 'invalid_value'], ['value_date', 'invalid_date'],
    ['channel', 'invalid_value']]);
});

test('payments: at most the bound of their currency; value dates up to today plus the margin', () => {
  assert.equal(PAYMENT_AMOUNT_MINOR_MAX.CNY, 100_000_000_00n, 'the rows below are written for these bounds');
  assert.equal(PAYMENT_AMOUNT_MINOR_MAX.USD, 10_000_000_00n);
  assert.equal(PAYMENT_VALUE_DATE_AHEAD_DAYS_MAX, 3);
  const row: RawRow = { idempotency_key: 'pay-1', account_external_id: 'A1', amount: '100000000.00',
    currency: 'CNY', value_date: '2026-03-04', channel: 'app' };
  const today = '2026-03-01';
  assert.equal(validatePayment(row, today).ok, true, 'the bound and today + 3 days are accepted');
  assert.equal(validatePayment({ ...row, amount: '10000000.00', currency: 'USD' }, today).ok, true);
  const refused: [RawRow, string, [string, string][]][] = [
    [{ ...row, amount: '100000000.01' }, today, [['amount', 'amount_out_of_range']]],
    [{ ...row, amount: '999999999999999.99' }, today, [['amount', 'amount_out_of_range']]],
    [{ ...row, amount: '10000000.01', currency: 'USD' }, today, [['amount', 'amount_out_of_range']]],
    [{ ...row, value_date: '2026-03-05' }, today, [['value_date', 'value_date_out_of_range']]],
    [{ ...row, value_date: '2099-01-01' }, today, [['value_date', 'value_date_out_of_range']]],
    [{ ...row, value_date: '0001-01-01' }, today, [['value_date', 'invalid_date']]],
    [{ ...row, amount: '100000000.01', value_date: '2099-01-01' }, '2098-12-28',
      [['amount', 'amount_out_of_range'], ['value_date', 'value_date_out_of_range']]],
  ];
  for (const [bad, date, expected] of refused) {
    assert.deepEqual(problemsOf(validatePayment(bad, date)), expected, `${bad.amount} ${bad.value_date}`);
  }
  assert.deepEqual(validatePayment({ ...row, amount: '100000000.01' }), { ok: false, problems: [{
    field: 'amount', reason: 'amount_out_of_range',
    message: 'amount 100000000.01 is above 100000000.00 CNY, the largest accepted.' }] });
  assert.deepEqual(validatePayment({ ...row, value_date: '2026-03-05' }, today), { ok: false, problems: [{
    field: 'value_date', reason: 'value_date_out_of_range',
    message: 'value_date 2026-03-05 is after 2026-03-04, 3 days after the import\'s date 2026-03-01.' }] });
});

test('principals, credit limits, installment amounts and late fees are bounded too', () => {
  assert.equal(IMPORT_AMOUNT_MINOR_MAX, 100_000_000_00n, 'the rows below are written for this bound');
  const product: RawRow = { id: 'cash', name: 'Cash loan', kind: 'cash_loan', jurisdiction: 'CN',
    currency: 'CNY', interest_rate_bp: '1800', penalty_rate_ppm_per_day: '500', late_fee: '100000000.00' };
  assert.equal(validateProduct(product).ok, true);
  assert.deepEqual(problemsOf(validateProduct({ ...product, late_fee: '100000000.01' })),
    [['late_fee', 'amount_out_of_range']]);
  const account: RawRow = { external_id: 'A1', borrower_external_id: 'B1', product_id: 'cash',
    currency: 'USD', credit_limit: '100000000', principal: '100000000.00', opened_on: '2026-01-15' };
  assert.equal(validateAccount(account).ok, true);
  assert.deepEqual(problemsOf(validateAccount({ ...account, credit_limit: '100000000.01',
    principal: '999999999999999.99' })), [['credit_limit', 'amount_out_of_range'],
    ['principal', 'amount_out_of_range']]);
  const line: RawRow = { account_external_id: 'A1', seq: '1', due_date: '2026-02-15',
    principal_due: '100000000.00', interest_due: '100000000.00', fee_due: '100000000.00' };
  assert.equal(validateInstallment(line, 'CNY').ok, true);
  assert.deepEqual(problemsOf(validateInstallment({ ...line, principal_due: '100000000.01',
    interest_due: '100000000.01', fee_due: '100000000.01', principal_paid: '100000000.01' }, 'CNY')), [
    ['principal_due', 'amount_out_of_range'], ['interest_due', 'amount_out_of_range'],
    ['fee_due', 'amount_out_of_range'], ['principal_paid', 'amount_out_of_range']]);
});
