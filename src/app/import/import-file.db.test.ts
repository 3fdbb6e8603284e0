// The importer on both engines: a generated portfolio loads completely and re-imports as
// unchanged; the malformed fixtures (bad dates, negative amounts, unknown references, broken
// quoting, a line in the wrong encoding, lines that are not JSON) report each bad row with its line,
// field and reason while every good row lands; payment keys are idempotent and conflicts refused.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../../db/database.ts';
import { openTestDatabase } from '../../../test/support/test-database.ts';
import { writePortfolioFiles } from '../generate/write-portfolio-files.ts';
import { importFile } from './import-file.ts';
import type { ImportReport } from './import-contract.ts';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/import/', import.meta.url));
let db: Db;
let scratch: string;

before(async () => {
  db = await openTestDatabase();
  scratch = await mkdtemp(join(tmpdir(), 'faircollect-import-'));
});
after(async () => {
  await db.close();
  await rm(scratch, { recursive: true, force: true });
});

async function load(path: string, options: { encoding?: string } = {}): Promise<ImportReport> {
  const result = await importFile(db, path, options);
  assert.ok(result.ok, !result.ok ? result.message : '');
  return result.report;
}

const errorsOf = (report: ImportReport) =>
  report.errors.map((error) => [error.line, error.field, error.reason]);

test('malformed rows are reported with line, field and reason; good rows land', async () => {
  assert.equal((await load(join(FIXTURES, 'products.csv'))).rowsLoaded, 1);
  const parties = await load(join(FIXTURES, 'parties.csv'));
  assert.deepEqual(errorsOf(parties), [
    [5, 'borrower_external_id', 'unknown_borrower'],
    [6, 'time_zone', 'invalid_time_zone'],
  ]);
  assert.equal(parties.rowsLoaded, 3);
  const accounts = await load(join(FIXTURES, 'accounts.csv'));
  assert.deepEqual(errorsOf(accounts), [
    [3, 'opened_on', 'invalid_date'],
    [4, 'principal', 'negative_amount'],
  ]);
  assert.equal(accounts.rowsLoaded, 2);
  const installments = await load(join(FIXTURES, 'installments.csv'));
  assert.deepEqual(errorsOf(installments), [
    [4, 'due_date', 'invalid_date'],
    [5, 'account_external_id', 'unknown_account'],
    [6, 'principal_due', 'negative_amount'],
    [7, null, 'malformed_csv'],
    [9, null, 'malformed_csv'],
  ]);
  assert.equal(installments.rowsLoaded, 3, 'lines 2, 3 and 8 land');
  const mixed = await load(join(FIXTURES, 'installments-mixed-encoding.csv'));
  assert.deepEqual(errorsOf(mixed), [[3, null, 'invalid_encoding']]);
  assert.equal(mixed.rowsLoaded, 2);
  const payments = await load(join(FIXTURES, 'payments.jsonl'));
  assert.deepEqual(errorsOf(payments), [
    [2, 'amount', 'negative_amount'],
    [3, 'account_external_id', 'unknown_account'],
    [4, null, 'invalid_json'],
    [5, 'currency', 'currency_mismatch'],
    [6, 'value_date', 'invalid_date'],
  ]);
  assert.equal(payments.rowsLoaded, 1);
  const [counts] = await db.query<{ installments: number; payments: number; contacts: number }>(`SELECT
    (SELECT count(*)::int FROM installment) AS installments, (SELECT count(*)::int FROM payment) AS payments,
    (SELECT count(*)::int FROM party WHERE kind = 'contact_person') AS contacts`);
  assert.deepEqual(counts, { installments: 5, payments: 1, contacts: 1 });
  const [amount] = await db.query<{ amount_minor: bigint }>(
    `SELECT amount_minor FROM payment WHERE idempotency_key = 'p-1'`,
  );
  assert.equal(amount?.amount_minor, 209000n, 'decimal major units become exact minor units');
});

test('a GBK file imports with --encoding gbk', async () => {
  const report = await load(join(FIXTURES, 'parties-gbk.csv'), { encoding: 'gbk' });
  assert.equal(report.rowsLoaded, 2);
  const [row] = await db.query<{ full_name: string; time_zone: string }>(
    `SELECT full_name, time_zone FROM party WHERE external_id = 'G2'`,
  );
  assert.deepEqual(row, { full_name: '刘洋', time_zone: 'Asia/Urumqi' });
});

test('payments: the same key and body is unchanged; the same key, another body is a conflict', async () => {
  const path = join(scratch, 'payments-again.csv');
  await writeFile(
    path,
    [
      'idempotency_key,account_external_id,amount,currency,value_date,channel',
      'p-1,A1,2090.00,CNY,2026-02-14,app',
      'p-1b,A1,1.00,CNY,2026-02-14,app',
      'p-1,A1,2090.01,CNY,2026-02-14,app',
    ].join('\n'),
  );
  const report = await load(path);
  assert.deepEqual(
    { loaded: report.rowsLoaded, unchanged: report.rowsUnchanged },
    { loaded: 1, unchanged: 1 },
  );
  assert.deepEqual(errorsOf(report), [[4, 'idempotency_key', 'payment_key_conflict']]);
  const [row] = await db.query<{ amount_minor: bigint }>(
    `SELECT amount_minor FROM payment WHERE idempotency_key = 'p-1'`,
  );
  assert.equal(row?.amount_minor, 209000n, 'the conflicting row changed nothing');
});

test('a generated portfolio imports completely, and re-importing it changes nothing', async () => {
  const directory = join(scratch, 'portfolio');
  await writePortfolioFiles(directory, { borrowers: 150, seed: 5, asOf: '2026-11-23', historyDays: 365 });
  const kinds = ['products', 'parties', 'contact_points', 'accounts', 'installments', 'payments'];
  const first = [];
  for (const kind of kinds) first.push(await load(join(directory, `${kind}.csv`)));
  assert.ok(first.every((report) => report.rowsRejected === 0 && report.rowsLoaded === report.rowsRead));
  const snapshot = async () =>
    JSON.stringify(
      await db.query(`SELECT
    (SELECT json_agg(p ORDER BY id)
      FROM (SELECT id, external_id, borrower_id, full_name, time_zone FROM party) p) AS parties,
    (SELECT json_agg(i ORDER BY account_id, seq)
      FROM (SELECT account_id, seq, due_date, principal_due_minor FROM installment) i) AS i,
    (SELECT count(*) FROM payment) AS payments`),
      (_key, value) => (typeof value === 'bigint' ? String(value) : value),
    );
  const before = await snapshot();
  for (const kind of kinds) {
    const again = await load(join(directory, `${kind}.csv`));
    assert.equal(again.rowsLoaded, 0, `${kind}: nothing loaded twice`);
    assert.equal(again.rowsUnchanged, again.rowsRead, `${kind}: every row unchanged`);
  }
  assert.equal(await snapshot(), before);
});
