// The importer on both engines, through its boundary `importFile`: every kind loads from CSV with
// exact contents and the same data in JSONL changes nothing; the malformed fixtures (bad dates,
// negative amounts, unknown references, broken quoting, a GBK line in a UTF-8 file, lines that are
// not JSON) report each bad row with its line, field and reason while every good row lands;
// re-importing changes no table; payment keys are idempotent and conflicts refused; bad headers,
// over-long lines and the error report file behave as documented; a NUL or a lone surrogate
// anywhere in a CSV or JSONL row (raw or escaped, in text, an amount, a looked-up id, a key or a
// list) rejects only that row as invalid_character while the rest of its batch lands; absurd
// amounts, and value dates before the account's opening or past today plus the margin, are refused.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IMPORT_LINE_BYTES_MAX } from '../../config/limits.ts';
import type { Db } from '../../db/database.ts';
import { IMPORT_KINDS } from '../../domain/import/import-records.ts';
import { findInvalidCharacter } from '../../domain/input/find-invalid-character.ts';
import { openTestDatabase } from '../../../test/support/test-database.ts';
import { writePortfolioFiles } from '../generate/write-portfolio-files.ts';
import type { ImportReport } from './import-contract.ts';
import { importFile, type ImportFileOptions } from './import-file.ts';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/import/', import.meta.url));
const clean = (kind: string) => join(FIXTURES, 'clean', `${kind}.csv`);
const malformed = (name: string) => join(FIXTURES, 'malformed', name);
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

async function load(path: string, options: ImportFileOptions = {}): Promise<ImportReport> {
  const result = await importFile(db, path, options);
  assert.ok(result.ok, result.ok ? '' : result.message);
  const report = result.report;
  // A rejected header counts as one rejected row of a file from which no row was read.
  const headerRejected = report.rowsRead === 0 && report.rowsRejected === 1 ? 1 : 0;
  const accounted = report.rowsLoaded + report.rowsUnchanged + report.rowsRejected;
  assert.equal(accounted, report.rowsRead + headerRejected, `${path}: counts add up`);
  return report;
}

type ErrorTriple = [line: number, field: string | null, reason: string];

const errorsOf = (report: ImportReport): ErrorTriple[] =>
  report.errors.map((error) => [error.line, error.field, error.reason]);
const counts = (report: ImportReport) =>
  [report.rowsRead, report.rowsLoaded, report.rowsUnchanged, report.rowsRejected];
const valuesOf = (rows: readonly Record<string, unknown>[]) => rows.map((row) => Object.values(row));

/** Every imported table, whole, as text: what "changes nothing" is checked against. */
async function snapshot(): Promise<string> {
  const tables = ['product ORDER BY id', 'party ORDER BY id', 'contact_point ORDER BY id',
    'account ORDER BY id', 'installment ORDER BY account_id, seq', 'payment ORDER BY id'];
  const rows = [];
  for (const table of tables) rows.push(await db.query(`SELECT * FROM ${table}`));
  return JSON.stringify(rows, (_key, value) => (typeof value === 'bigint' ? String(value) : value));
}

test('every kind loads from CSV with exact contents; the same data as JSONL is unchanged', async () => {
  for (const kind of IMPORT_KINDS) assert.equal((await load(clean(kind))).rowsRejected, 0, kind);
  const parties = await db.query(`SELECT p.external_id, p.kind, b.external_id AS borrower, p.relationship,
    p.full_name, p.extra_time_zones, p.city FROM party p JOIN party b ON b.id = p.borrower_id ORDER BY p.id`);
  assert.deepEqual(valuesOf(parties), [
    ['B1', 'borrower', 'B1', 'self', '张伟', ['Asia/Urumqi'], '北京'],
    ['B2', 'borrower', 'B2', 'self', 'Mary Smith', ['America/New_York', 'America/Denver'], 'Chicago'],
    ['C1', 'contact_person', 'B1', 'spouse', '王芳', [], '北京'],
    ['C2', 'contact_person', 'B2', 'friend', 'Pat "Red" O\'Brien', [], null],
  ], 'a contact person may come before its borrower in the same batch');
  const points = await db.query(`SELECT c.external_id, p.external_id AS party, c.value, c.status,
    c.employer_provided, c.workplace FROM contact_point c JOIN party p ON p.id = c.party_id
    ORDER BY c.external_id`);
  assert.deepEqual(valuesOf(points), [
    ['P1', 'B1', '+8613800138000', 'valid', false, false],
    ['P2', 'B2', 'mary@example.com', 'valid', true, true],
    ['P3', 'B2', '12 Main St\nApt 4, Chicago IL', 'valid', false, false],
    ['P4', 'C1', '+8613900139000', 'wrong_person', false, false],
  ]);
  const products = await db.query(`SELECT id, name, late_fee_minor, component_order, grace_days
    FROM product ORDER BY id`);
  assert.deepEqual(valuesOf(products), [
    ['card-us', 'Card, classic', 2500n, ['interest', 'fee', 'penalty', 'principal'], 0],
    ['cash-cn', '现金贷', 0n, ['fee', 'penalty', 'interest', 'principal'], 3],
  ]);
  const accounts = await db.query(`SELECT external_id, currency, credit_limit_minor, principal_minor,
    opened_on, status FROM account ORDER BY external_id`);
  assert.deepEqual(valuesOf(accounts), [
    ['A1', 'CNY', 1000000n, 600000n, '2026-01-15', 'active'],
    ['A2', 'USD', 500000n, 123450n, '2025-12-31', 'frozen'],
  ]);
  const installments = await db.query(`SELECT a.external_id, i.seq, i.due_date, i.principal_due_minor,
    i.interest_due_minor, i.fee_due_minor, i.principal_paid_minor, i.remaining_minor,
    i.borrower_id = a.borrower_id AS same_borrower
    FROM installment i JOIN account a ON a.id = i.account_id ORDER BY a.external_id, i.seq`);
  assert.deepEqual(valuesOf(installments), [
    ['A1', 1, '2026-02-15', 200000n, 9000n, 0n, 200000n, 0n, true],
    ['A1', 2, '2026-03-15', 200000n, 6000n, 0n, 50000n, 156000n, true],
    ['A1', 3, '2026-04-15', 200000n, 3000n, 0n, 0n, 203000n, true],
    ['A2', 1, '2026-01-31', 123450n, 2468n, 2500n, 0n, 128418n, true],
  ]);
  const payments = await db.query(`SELECT idempotency_key, amount_minor, currency, value_date, channel,
    status FROM payment ORDER BY idempotency_key`);
  assert.deepEqual(valuesOf(payments), [
    ['pay-001', 209000n, 'CNY', '2026-02-14', 'app', 'received'],
    ['pay-002', 56000n, 'CNY', '2026-03-14', 'bank_transfer', 'received'],
    ['pay-003', 10000n, 'USD', '2026-02-01', 'ach', 'received'],
  ]);
  const before = await snapshot();
  for (const kind of IMPORT_KINDS) {
    const report = await load(join(FIXTURES, 'clean-jsonl', `${kind}.jsonl`));
    assert.deepEqual(counts(report), [report.rowsRead, 0, report.rowsRead, 0], `${kind}.jsonl is unchanged`);
  }
  assert.equal(await snapshot(), before);
});

/** Each malformed fixture: [read, loaded, unchanged, rejected] and every rejected line. */
const MALFORMED: [file: string, counts: number[], errors: ErrorTriple[]][] = [
  ['products.csv', [6, 1, 0, 5], [[3, 'kind', 'invalid_value'], [4, 'currency', 'invalid_currency'],
    [5, 'grace_days', 'out_of_range'], [6, 'component_order', 'invalid_value'],
    [7, 'currency', 'immutable_field']]],
  ['parties.csv', [8, 2, 0, 6], [[3, 'borrower_external_id', 'unknown_borrower'],
    [4, 'time_zone', 'invalid_time_zone'], [5, 'kind', 'invalid_value'],
    [6, 'borrower_external_id', 'missing_field'], [7, 'relationship', 'invalid_value'],
    [8, 'kind', 'immutable_field']]],
  ['contact_points.csv', [5, 1, 0, 4], [[3, 'party_external_id', 'unknown_party'],
    [4, 'kind', 'invalid_value'], [5, 'party_external_id', 'immutable_field'],
    [6, 'employer_provided', 'invalid_value']]],
  ['accounts.csv', [9, 2, 0, 7], [[3, 'opened_on', 'invalid_date'], [4, 'principal', 'negative_amount'],
    [5, 'borrower_external_id', 'unknown_borrower'], [6, 'product_id', 'unknown_product'],
    [7, 'currency', 'currency_mismatch'], [8, 'principal', 'invalid_amount'],
    [9, 'borrower_external_id', 'immutable_field']]],
  ['installments.csv', [12, 3, 0, 9], [[3, 'due_date', 'invalid_date'],
    [4, 'account_external_id', 'unknown_account'], [5, 'principal_due', 'negative_amount'],
    [6, null, 'malformed_csv'], [8, null, 'malformed_csv'], [9, null, 'malformed_csv'],
    [10, 'principal_due', 'missing_field'], [11, 'interest_due', 'invalid_amount'],
    [12, 'principal_due', 'invalid_amount']]],
  ['installments-mixed-encoding.csv', [3, 2, 0, 1], [[3, null, 'invalid_encoding']]],
  ['payments.jsonl', [12, 2, 1, 9], [[2, 'amount', 'negative_amount'],
    [3, 'account_external_id', 'unknown_account'], [4, null, 'invalid_json'],
    [5, 'currency', 'currency_mismatch'], [6, 'value_date', 'invalid_date'], [7, 'amount', 'invalid_amount'],
    [8, 'note', 'unknown_column'], [9, null, 'invalid_json'],
    [11, 'idempotency_key', 'payment_key_conflict']]],
];

/** What landed, one word per row, in byte order: exactly the good rows of the clean and malformed files. */
const LANDED = `SELECT string_agg(x, ' ' ORDER BY x COLLATE "C") AS key FROM (
    SELECT 'product:' || id AS x FROM product
    UNION ALL SELECT 'party:' || external_id FROM party
    UNION ALL SELECT 'point:' || external_id FROM contact_point
    UNION ALL SELECT 'account:' || external_id FROM account
    UNION ALL SELECT 'installment:A3#' || seq FROM installment
      WHERE account_id = (SELECT id FROM account WHERE external_id = 'A3')
    UNION ALL SELECT 'payment:' || idempotency_key || '=' || amount_minor FROM payment) t`;

test('malformed files: every bad row is reported with line, field and reason; good rows land', async () => {
  for (const [file, expectedCounts, expectedErrors] of MALFORMED) {
    const report = await load(malformed(file));
    assert.deepEqual(errorsOf(report), expectedErrors, file);
    assert.deepEqual(counts(report), expectedCounts, file);
  }
  const [landed] = await db.query<{ key: string }>(LANDED);
  assert.deepEqual(landed?.key.split(' '), [
    'account:A1', 'account:A10', 'account:A2', 'account:A3',
    'installment:A3#1', 'installment:A3#11', 'installment:A3#13', 'installment:A3#2', 'installment:A3#5',
    'party:B1', 'party:B2', 'party:B3', 'party:C1', 'party:C2', 'party:C6',
    'payment:pay-001=209000', 'payment:pay-002=56000', 'payment:pay-003=10000', 'payment:pay-101=103000',
    'payment:pay-108=1250',
    'point:P1', 'point:P10', 'point:P2', 'point:P3', 'point:P4',
    'product:card-us', 'product:cash-cn', 'product:loan2',
  ], 'the rows after a broken quote landed; the conflicting pay-002 kept its first amount');
});

test('re-importing every file changes nothing and reports the good rows as unchanged', async () => {
  const before = await snapshot();
  for (const kind of IMPORT_KINDS) {
    const report = await load(clean(kind));
    assert.deepEqual(counts(report), [report.rowsRead, 0, report.rowsRead, 0], kind);
  }
  const again = await load(malformed('accounts.csv'));
  assert.deepEqual(counts(again), [9, 0, 2, 7]);
  assert.equal(await snapshot(), before);
});

test('a GBK file imports with encoding gbk; read as UTF-8 its Chinese lines are refused', async () => {
  const asUtf8 = await load(join(FIXTURES, 'gbk', 'parties.csv'));
  assert.deepEqual(errorsOf(asUtf8), [[2, null, 'invalid_encoding'], [3, null, 'invalid_encoding']]);
  const report = await load(join(FIXTURES, 'gbk', 'parties.csv'), { encoding: 'gbk' });
  assert.deepEqual(counts(report), [2, 2, 0, 0]);
  const rows = await db.query(`SELECT external_id, full_name, city, time_zone FROM party
    WHERE external_id IN ('G1', 'G2') ORDER BY external_id`);
  assert.deepEqual(valuesOf(rows), [
    ['G1', '陈静', '广州', 'Asia/Shanghai'], ['G2', '刘洋', '乌鲁木齐', 'Asia/Urumqi'],
  ]);
});

const PAYMENT_HEADER = 'idempotency_key,account_external_id,amount,currency,value_date,channel';

test('payments: the same key and body is unchanged, the same key with another body conflicts', async () => {
  const path = join(scratch, 'payments-again.csv');
  await writeFile(path, [PAYMENT_HEADER,
    'pay-001,A1,2090.00,CNY,2026-02-14,app',
    'pay-201,A1,1.00,CNY,2026-02-14,app',
    'pay-001,A1,2090.01,CNY,2026-02-14,app',
    'pay-201,A1,1.00,CNY,2026-02-14,app', ''].join('\n'));
  const report = await load(path);
  assert.deepEqual(counts(report), [4, 1, 2, 1]);
  assert.deepEqual(errorsOf(report), [[4, 'idempotency_key', 'payment_key_conflict']]);
  const rows = await db.query(`SELECT idempotency_key, amount_minor, status FROM payment
    WHERE idempotency_key IN ('pay-001', 'pay-201') ORDER BY 1`);
  assert.deepEqual(valuesOf(rows), [['pay-001', 209000n, 'received'], ['pay-201', 100n, 'received']]);
});

test('absurd amounts and value dates are refused with the field named; the good rows land', async () => {
  const accounts = join(scratch, 'bounded-accounts.csv');
  await writeFile(accounts, ['external_id,borrower_external_id,product_id,currency,principal,opened_on',
    'V1,B1,cash-cn,CNY,100000000.00,2026-01-15',
    'V2,B2,card-us,USD,100.00,2025-12-31',
    'V3,B1,cash-cn,CNY,100000000.01,2026-01-15', ''].join('\n'));
  const accountReport = await load(accounts);
  assert.deepEqual(errorsOf(accountReport), [[4, 'principal', 'amount_out_of_range']]);
  assert.deepEqual(counts(accountReport), [3, 2, 0, 1]);
  // Written for PAYMENT_AMOUNT_MINOR_MAX (CNY 100 million, USD 10 million) and a margin of 3 days.
  const path = join(scratch, 'bounded-payments.csv');
  await writeFile(path, [PAYMENT_HEADER,
    'pay-401,V1,100000000.00,CNY,2026-02-20,app',
    'pay-402,V1,100000000.01,CNY,2026-02-20,app',
    'pay-403,V1,999999999999999.99,CNY,2026-02-20,app',
    'pay-404,V2,10000000.01,USD,2026-02-20,ach',
    'pay-405,V1,1.00,CNY,0001-01-01,app',
    'pay-406,V1,1.00,CNY,2026-01-14,app',
    'pay-407,V1,1.00,CNY,2026-01-15,app',
    'pay-408,V1,1.00,CNY,2099-01-01,app',
    'pay-409,V1,1.00,CNY,2026-03-04,app',
    'pay-410,V1,1.00,CNY,2026-03-05,app',
    'pay-411,V2,10000000.00,USD,2025-12-31,ach', ''].join('\n'));
  const report = await load(path, { today: '2026-03-01' });
  assert.deepEqual(errorsOf(report), [[3, 'amount', 'amount_out_of_range'],
    [4, 'amount', 'amount_out_of_range'], [5, 'amount', 'amount_out_of_range'],
    [6, 'value_date', 'invalid_date'], [7, 'value_date', 'value_date_out_of_range'],
    [9, 'value_date', 'value_date_out_of_range'], [11, 'value_date', 'value_date_out_of_range']]);
  assert.deepEqual(counts(report), [11, 4, 0, 7]);
  assert.deepEqual(report.errors.find((error) => error.line === 7)?.message,
    'The value date is before the account was opened.');
  const rows = await db.query(`SELECT idempotency_key, amount_minor, value_date FROM payment
    WHERE idempotency_key LIKE 'pay-4%' ORDER BY 1`);
  assert.deepEqual(valuesOf(rows), [['pay-401', 100_000_000_00n, '2026-02-20'],
    ['pay-407', 100n, '2026-01-15'], ['pay-409', 100n, '2026-03-04'],
    ['pay-411', 10_000_000_00n, '2025-12-31']],
  'the bounds themselves, the opening day and today + 3 days are accepted');
});

test('installments: due amounts follow the file, paid amounts stay, due below paid is refused', async () => {
  const path = join(scratch, 'installments.csv');
  await writeFile(path, ['account_external_id,seq,due_date,principal_due,interest_due,principal_paid',
    'A1,2,2026-03-16,2100.00,60.00,0.00',
    'A1,1,2026-02-15,1999.99,90.00,0.00', ''].join('\n'));
  const report = await load(path);
  assert.deepEqual(errorsOf(report), [[3, 'principal_due', 'due_below_paid']]);
  assert.deepEqual(counts(report), [2, 1, 0, 1]);
  const rows = await db.query(`SELECT seq, due_date, principal_due_minor, principal_paid_minor
    FROM installment WHERE account_id = (SELECT id FROM account WHERE external_id = 'A1') AND seq <= 2
    ORDER BY seq`);
  assert.deepEqual(valuesOf(rows), [[1, '2026-02-15', 200000n, 200000n], [2, '2026-03-16', 210000n, 50000n]],
    'seq 2 took the new due date and amount but kept what the ledger says was paid');
});

test('a header that does not fit the kind rejects the file at line 1 and loads nothing', async () => {
  const path = join(scratch, 'accounts.csv');
  await writeFile(path,
    'external_id,borrower_external_id,product_id,currency,credit_limt,opened_on,opened_on\n'
    + 'A50,B1,cash-cn,CNY,1.00,2026-01-01,2026-01-01\n');
  const report = await load(path);
  assert.deepEqual(errorsOf(report), [[1, 'opened_on', 'duplicate_column'],
    [1, 'credit_limt', 'unknown_column'], [1, 'principal', 'missing_column']]);
  assert.deepEqual(counts(report), [0, 0, 0, 1]);
  assert.equal((await db.query(`SELECT 1 FROM account WHERE external_id = 'A50'`)).length, 0);
});

test('an over-long line is rejected without being held, and the lines around it land', async () => {
  const path = join(scratch, 'long-payments.csv');
  await writeFile(path, [PAYMENT_HEADER,
    'pay-301,A1,1.00,CNY,2026-02-14,app',
    `pay-302,A1,1.00,CNY,2026-02-14,${'x'.repeat(IMPORT_LINE_BYTES_MAX)}`,
    'pay-303,A1,1.00,CNY,2026-02-14,app'].join('\r\n'));
  const report = await load(path);
  assert.deepEqual(errorsOf(report), [[3, null, 'line_too_long']]);
  assert.deepEqual(counts(report), [3, 2, 0, 1]);
});

test('the error report lists every rejected row in line order, and exists only when rows fail', async () => {
  const errorsPath = join(scratch, 'accounts.errors.csv');
  const result = await importFile(db, malformed('accounts.csv'), { errorsPath });
  assert.ok(result.ok);
  assert.equal(result.errorsPath, errorsPath);
  const lines = (await readFile(errorsPath, 'utf8')).split('\n');
  assert.deepEqual(lines.slice(0, 3), ['line,field,reason,message',
    '3,opened_on,invalid_date,"opened_on ""2026-02-30"" is not a real date YYYY-MM-DD."',
    '4,principal,negative_amount,principal -300.00 is negative.']);
  assert.deepEqual(lines.slice(3).map((line) => line.split(',').slice(0, 3).join(',')), [
    '5,borrower_external_id,unknown_borrower', '6,product_id,unknown_product', '7,currency,currency_mismatch',
    '8,principal,invalid_amount', '9,borrower_external_id,immutable_field', '']);
  const cleanPath = join(scratch, 'clean.errors.csv');
  const cleanResult = await importFile(db, clean('accounts'), { errorsPath: cleanPath });
  assert.ok(cleanResult.ok && cleanResult.errorsPath === null);
  await assert.rejects(stat(cleanPath), { code: 'ENOENT' });
});

test('a generated portfolio over several batches imports completely, and again changes nothing', async () => {
  const directory = join(scratch, 'portfolio');
  await writePortfolioFiles(directory, { borrowers: 600, seed: 5, asOf: '2026-11-23', historyDays: 365 });
  const first = [];
  for (const kind of IMPORT_KINDS) first.push(await load(join(directory, `${kind}.csv`)));
  for (const report of first) {
    assert.deepEqual(counts(report), [report.rowsRead, report.rowsRead, 0, 0], report.kind);
  }
  assert.ok(first.find((report) => report.kind === 'installments')!.rowsRead > 5_000, 'more than one batch');
  const before = await snapshot();
  for (const kind of IMPORT_KINDS) {
    const again = await load(join(directory, `${kind}.csv`));
    assert.deepEqual(counts(again), [again.rowsRead, 0, again.rowsRead, 0], kind);
  }
  assert.equal(await snapshot(), before);
});

test('files that cannot be imported are refused as values', async () => {
  const nothing = join(scratch, 'nothing.csv');
  assert.deepEqual(await importFile(db, nothing), {
    ok: false, reason: 'unknown_kind', message: `cannot tell the kind of ${nothing}; use --kind`,
  });
  const missing = await importFile(db, join(scratch, 'missing.csv'), { kind: 'payments' });
  assert.equal(missing.ok ? 'ok' : missing.reason, 'unreadable_file');
  const utf16 = await importFile(db, clean('payments'), { encoding: 'utf-16le' });
  assert.equal(utf16.ok ? 'ok' : utf16.reason, 'unknown_encoding');
  const text = await importFile(db, join(scratch, 'payments.txt'), { kind: 'payments' });
  assert.equal(text.ok ? 'ok' : text.reason, 'unknown_format');
});

const PARTY_HEADER = 'external_id,kind,borrower_external_id,relationship,full_name,time_zone,city,country';
const NUL = '\u0000';

test('a NUL or a lone surrogate rejects its row as invalid_character; the rest of the batch lands',
  async () => {
  const parties = join(scratch, 'nul-parties.csv');
  await writeFile(parties, [PARTY_HEADER,
    'N1,borrower,,,Ann 🙂 Lee,America/Chicago,Chicago,US',
    `N2,borrower,,,Bo${NUL}b,America/Chicago,Chicago,US`,
    `N3,contact_person,N1,friend,Cy,America/Chicago,"Oak${NUL}Park",US`,
    'N4,contact_person,N1,friend,Di,America/Chicago,,US', ''].join('\n'));
  const csv = await load(parties);
  assert.deepEqual(errorsOf(csv), [[3, 'full_name', 'invalid_character'], [4, 'city', 'invalid_character']]);
  assert.deepEqual(counts(csv), [4, 2, 0, 2]);
  assert.equal(csv.errors[0]!.message, 'full_name holds a NUL character (U+0000) at character 3.');

  const installments = join(scratch, 'nul-installments.csv');
  await writeFile(installments, ['account_external_id,seq,due_date,principal_due',
    'A1,20,2026-12-15,10.00', `A1${NUL},21,2026-12-15,10.00`, `A1,22,2026-12-15,1${NUL}0.00`,
    'A1,23,2026-12-15,10.00', ''].join('\n'));
  const lookups = await load(installments);
  assert.deepEqual(errorsOf(lookups), [[3, 'account_external_id', 'invalid_character'],
    [4, 'principal_due', 'invalid_character']], 'a NUL in the account looked up, or in an amount');
  assert.deepEqual(counts(lookups), [4, 2, 0, 2]);

  const jsonl = join(scratch, 'nul-parties.jsonl');
  const party = (id: string, name: string, extra = '') => `{"external_id":"${id}","kind":"borrower",`
    + `"full_name":"${name}","time_zone":"Asia/Shanghai","country":"CN"${extra}}`;
  await writeFile(jsonl, [
    party('N5', '\\u0000'), party('N6', `Raw${NUL}`), party('N7', '\\ud800'),
    party('N8', 'x', ',"city":"\\udc00"'),
    party('N9', '\\ud83d\\ude42 王芳'), party('N10', 'x', ',"ci\\u0000ty":"x"'),
    party('N11', 'x', ',"city":{"a":"\\u0000"}'), party('N12', 'x', ',"extra_time_zones":["UTC","\\u0000"]'),
    `${NUL}${party('N13', 'x')}`, party('N14', '刘洋'), party('N15', `a\\${NUL}`), ''].join('\n'));
  const json = await load(jsonl);
  assert.deepEqual(errorsOf(json), [[1, 'full_name', 'invalid_character'],
    [2, 'full_name', 'invalid_character'], [3, 'full_name', 'invalid_character'],
    [4, 'city', 'invalid_character'], [6, null, 'invalid_character'], [7, 'city', 'invalid_value'],
    [8, 'extra_time_zones', 'invalid_character'], [9, null, 'invalid_character'],
    [11, null, 'invalid_character']], 'a raw NUL after a backslash is refused too, its field untold');
  assert.deepEqual(counts(json), [11, 2, 0, 9]);
  assert.ok([...csv.errors, ...json.errors].every((error) => findInvalidCharacter(error.message) === -1),
    'no message carries the character');

  const landed = await db.query(`SELECT external_id, full_name, city FROM party
    WHERE external_id LIKE 'N%' ORDER BY external_id COLLATE "C"`);
  assert.deepEqual(valuesOf(landed), [['N1', 'Ann 🙂 Lee', 'Chicago'], ['N14', '刘洋', null],
    ['N4', 'Di', null], ['N9', '🙂 王芳', null]]);
  const seqs = await db.query(`SELECT seq FROM installment WHERE seq >= 20
    AND account_id = (SELECT id FROM account WHERE external_id = 'A1') ORDER BY seq`);
  assert.deepEqual(valuesOf(seqs), [[20], [23]]);
});

test('a header holding a NUL rejects the file at line 1 without repeating the name', async () => {
  const path = join(scratch, 'nul-header-parties.csv');
  await writeFile(path, `${PARTY_HEADER},lo${NUL}cale\nN20,borrower,,,Eve,UTC,,US,x\n`);
  const report = await load(path);
  assert.deepEqual(report.errors, [{ line: 1, field: null, reason: 'invalid_character',
    message: 'A column name holds a NUL character (U+0000) at character 3.' }]);
  assert.deepEqual(counts(report), [0, 0, 0, 1]);
});
