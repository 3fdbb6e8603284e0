// Planning an import from file names: the kind comes from the name (or --kind), the format from
// the extension, and the files are ordered so every row finds what it refers to.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatFromPath, kindFromPath, planImport } from './plan-import.ts';

test('kinds and formats from file names', () => {
  const cases: [string, string | null][] = [
    ['products.csv', 'products'], ['data/Contact-Points.JSONL', 'contact_points'], ['2026-11_payments.csv',
      'payments'],
    ['installments_march.ndjson', 'installments'], ['accounts.csv.bak', null], ['portfolio.csv', null],
    ['installments_payments.csv', null], ['mypayments.csv', null],
  ];
  for (const [path, kind] of cases) assert.equal(kindFromPath(path), kind, path);
  assert.equal(formatFromPath('a.CSV'), 'csv');
  assert.equal(formatFromPath('a.ndjson'), 'jsonl');
  assert.equal(formatFromPath('a.xlsx'), null);
});

test('files are ordered by dependency, keeping the given order within a kind', () => {
  const plan = planImport(['payments.csv', 'b/accounts.csv', 'parties.jsonl', 'a/accounts.csv',
    'products.csv']);
  assert.deepEqual(plan.ok && plan.files.map((file) => `${file.path}:${file.kind}:${file.format}`), [
    'products.csv:products:csv', 'parties.jsonl:parties:jsonl', 'b/accounts.csv:accounts:csv',
    'a/accounts.csv:accounts:csv', 'payments.csv:payments:csv']);
  assert.deepEqual(planImport(['export.csv'], 'payments'), { ok: true,
    files: [{ path: 'export.csv', kind: 'payments', format: 'csv' }] });
  assert.deepEqual(planImport(['export.csv']), { ok: false,
    message: 'cannot tell the kind of export.csv from its name; use --kind' });
  assert.deepEqual(planImport(['payments.xlsx']), { ok: false,
    message: 'payments.xlsx must end in .csv, .jsonl or .ndjson' });
});
