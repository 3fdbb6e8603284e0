// Generated files must read back through the importer's own validators into the very records
// that were generated: the file format is the contract between generator and importer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RawRow } from '../import/field-rules.ts';
import { ROW_VALIDATORS, validateInstallment } from '../import/validate-record.ts';
import { generatePortfolio } from './generate-portfolio.ts';
import { csvLine, IMPORT_COLUMNS, importRow } from './import-row.ts';

const portfolio = generatePortfolio({ borrowers: 300, seed: 5, asOf: '2026-11-23', historyDays: 365 });

function raw(columns: readonly string[], cells: (string | null)[]): RawRow {
  assert.equal(cells.length, columns.length);
  return Object.fromEntries(columns.map((column, index) => [column, cells[index] ?? '']));
}

test('every generated record survives the trip through its import row and validator', () => {
  for (const product of portfolio.products) {
    const row = raw(IMPORT_COLUMNS.products, importRow('products', product, product.currency));
    assert.deepEqual(ROW_VALIDATORS.products(row), { ok: true, record: product });
  }
  for (const bundle of portfolio.borrowers()) {
    for (const party of bundle.parties) {
      const row = raw(IMPORT_COLUMNS.parties, importRow('parties', party, ''));
      assert.deepEqual(ROW_VALIDATORS.parties(row), { ok: true, record: party });
    }
    for (const point of bundle.contactPoints) {
      const row = raw(IMPORT_COLUMNS.contact_points, importRow('contact_points', point, ''));
      assert.deepEqual(ROW_VALIDATORS.contact_points(row), { ok: true, record: point });
    }
    for (const account of bundle.accounts) {
      const row = raw(IMPORT_COLUMNS.accounts, importRow('accounts', account, account.currency));
      assert.deepEqual(ROW_VALIDATORS.accounts(row), { ok: true, record: account });
    }
    const currency = bundle.accounts[0]!.currency;
    for (const line of bundle.installments) {
      const row = raw(IMPORT_COLUMNS.installments, importRow('installments', line, currency));
      assert.deepEqual(validateInstallment(row, currency), { ok: true, record: line });
    }
    for (const payment of bundle.payments) {
      const row = raw(IMPORT_COLUMNS.payments, importRow('payments', payment, payment.currency));
      assert.deepEqual(ROW_VALIDATORS.payments(row), { ok: true, record: payment });
    }
  }
});

test('amounts are decimal major units; lists and booleans use the documented spelling', () => {
  const us = portfolio.products.find((product) => product.currency === 'USD')!;
  const cells = importRow('products', us, 'USD');
  assert.equal(cells[IMPORT_COLUMNS.products.indexOf('late_fee')], '25.00');
  assert.equal(cells[IMPORT_COLUMNS.products.indexOf('component_order')], 'fee;penalty;interest;principal');
  const line = { accountExternalId: 'A1', seq: 2, dueDate: '2026-03-31', principalDueMinor: 123_450n,
    interestDueMinor: 5n, feeDueMinor: 0n, principalPaidMinor: 0n, interestPaidMinor: 0n, feePaidMinor: 0n };
  assert.deepEqual(importRow('installments', line, 'CNY'),
    ['A1', '2', '2026-03-31', '1234.50', '0.05', '0.00', '0.00', '0.00', '0.00']);
  const party = {
    externalId: 'P1', kind: 'borrower' as const, borrowerExternalId: null, relationship: 'self' as const,
    fullName: 'Ana', timeZone: 'America/Phoenix', extraTimeZones: ['America/Denver', 'America/Chicago'],
    city: null, country: 'US', locale: 'es-US' };
  assert.deepEqual(importRow('parties', party, ''),
    ['P1', 'borrower', null, 'self', 'Ana', 'America/Phoenix', 'America/Denver;America/Chicago', null, 'US',
      'es-US']);
});

test('CSV cells are quoted only when they must be', () => {
  assert.equal(csvLine(['a', null, '王伟', '1,5', 'say "hi"', ' x', 'line\nbreak']),
    'a,,王伟,"1,5","say ""hi"""," x","line\nbreak"\n');
});
