// The import command as a user runs it, in a child process against a temporary PGlite data
// directory: files given in any order import in dependency order; a file with bad rows exits 1,
// writes the error report beside it with line, field and reason, and still loads the good rows;
// a clean run exits 0 and removes a stale report; a payment dated years after today's business date,
// or before its account opened, is refused; bad arguments exit 2 and name the argument; a NUL
// or a lone surrogate costs its row (invalid_character), never the import; and the files of
// examples/import load into a fresh database exactly as docs/import.md shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../main.ts', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/import/', import.meta.url));

test('faircollect import: exit 1 with an error report, good rows loaded; 0 when clean; 2 on bad arguments',
  () => withImportCli('faircollect-cli-', async ({ directory, run }) => {
    await cp(join(FIXTURES, 'clean'), join(directory, 'clean'), { recursive: true });
    await cp(join(FIXTURES, 'malformed'), join(directory, 'malformed'), { recursive: true });
    const kinds = ['payments', 'installments', 'accounts', 'contact_points', 'parties', 'products'];
    const cleanRun = run(kinds.map((kind) => join(directory, 'clean', `${kind}.csv`)));
    assert.equal(cleanRun.status, 0, cleanRun.stderr);
    assert.deepEqual(cleanRun.stdout.split('\n').map((line) => line.replace(/^.*: (\w+): read/,
      '$1: read')), [
      'products: read 2, loaded 2, unchanged 0, rejected 0',
        'parties: read 4, loaded 4, unchanged 0, rejected 0',
      'contact_points: read 4, loaded 4, unchanged 0, rejected 0',
        'accounts: read 2, loaded 2, unchanged 0, rejected 0',
      'installments: read 4, loaded 4, unchanged 0, rejected 0',
        'payments: read 3, loaded 3, unchanged 0, rejected 0',
      '',
    ], 'imported in dependency order whatever the order on the command line');
    assert.equal(cleanRun.stderr, '', 'no progress output when stderr is not a terminal');

    const parties = join(directory, 'malformed', 'parties.csv');
    const accounts = join(directory, 'malformed', 'accounts.csv');
    const bad = run([accounts, parties]);
    assert.equal(bad.status, 1, bad.stderr);
    const partiesSummary = /parties: read 8, loaded 2, unchanged 0, rejected 6\n {2}errors: .*parties/;
    assert.match(bad.stdout, partiesSummary);
    assert.match(bad.stdout, /accounts: read 9, loaded 2, unchanged 0, rejected 7\n/);
    assert.match(bad.stdout,
      / {2}line 3: opened_on: invalid_date: opened_on "2026-02-30" is not a real date/);
    assert.equal(await readFile(`${parties}.errors.csv`, 'utf8'), ['line,field,reason,message',
      '3,borrower_external_id,unknown_borrower,No borrower has this external id.',
      '4,time_zone,invalid_time_zone,"time_zone ""Mars/Olympus"" is not an IANA time zone."',
      '5,kind,invalid_value,"kind ""lender"" is not one of borrower, contact_person."',
      '6,borrower_external_id,missing_field,A contact person names the borrower it belongs to.',
      '7,relationship,invalid_value,"A contact person\'s relationship to the borrower cannot be ""self""."',
      '8,kind,immutable_field,An existing party cannot change its kind.', ''].join('\n'));

    const errors = join(directory, 'accounts-errors.csv');
    const again = run([accounts, '--errors', errors]);
    assert.equal(again.status, 1);
    assert.match(again.stdout, /accounts: read 9, loaded 0, unchanged 2, rejected 7\n/);
    assert.equal((await readFile(errors, 'utf8')).split('\n').length, 9,
      'header, seven rows, final newline');

    // Today's business date bounds value dates: a payment dated years ahead is refused, as is one
    // dated before its account was opened (A1 opened on 2026-01-15); the good one lands.
    const dated = join(directory, 'dated-payments.csv');
    await writeFile(dated, ['idempotency_key,account_external_id,amount,currency,value_date,channel',
      'pay-901,A1,1.00,CNY,2099-01-01,app', 'pay-902,A1,1.00,CNY,2026-01-14,app',
      'pay-903,A1,1.00,CNY,2026-01-15,app', ''].join('\n'));
    const datedRun = run([dated]);
    assert.equal(datedRun.status, 1, datedRun.stderr);
    assert.match(datedRun.stdout, /payments: read 3, loaded 1, unchanged 0, rejected 2\n/);
    const date = '\\d{4}-\\d{2}-\\d{2}';
    assert.match(datedRun.stdout, new RegExp(' {2}line 2: value_date: value_date_out_of_range: value_date '
      + `2099-01-01 is after ${date}, 3 days after the import's date ${date}\\.\\n`));
    assert.match(datedRun.stdout,
      / {2}line 3: value_date: value_date_out_of_range: The value date is before the account was opened\./);

    await writeFile(`${join(directory, 'clean', 'payments.csv')}.errors.csv`, 'stale\n');
    const repeat = run([join(directory, 'clean', 'payments.csv')]);
    assert.equal(repeat.status, 0);
    assert.match(repeat.stdout, /payments: read 3, loaded 0, unchanged 3, rejected 0\n$/);
    await assert.rejects(stat(`${join(directory, 'clean', 'payments.csv')}.errors.csv`),
      { code: 'ENOENT' });

    await writeFile(join(directory, 'things.csv'), 'a,b\n');
    const usage: [string[], RegExp][] = [
      [[join(directory, 'things.csv')], /cannot tell the kind of .*things\.csv from its name; use --kind/],
      [[accounts, '--kind', 'loans'], /--kind must be one of/],
      [[join(directory, 'nope.csv')], /no such file: .*nope\.csv/],
      [[join(FIXTURES, 'gbk', 'parties.csv'), '--encoding', 'klingon'],
        /--encoding: unknown encoding "klingon"/],
      [[accounts, parties, '--errors', errors], /--errors takes one file at a time/],
      [[join(directory, 'data')], /no such file/],
    ];
    for (const [args, message] of usage) {
      const result = run(args);
      assert.equal(result.status, 2, args.join(' '));
      assert.match(result.stderr, message);
    }
  }));

test('faircollect import: a NUL or a lone surrogate rejects its row with its line, not the whole import',
  () => withImportCli('faircollect-cli-', async ({ directory, run }) => {
    const parties = join(directory, 'parties.jsonl');
    const party = (id: string, name: string) => `{"external_id":"${id}","kind":"borrower",`
      + `"full_name":"${name}","time_zone":"Asia/Shanghai","country":"CN"}`;
    await writeFile(parties, [party('B1', '张伟'), party('B2', 'Zhang\\u0000Wei'), party('B3', '李\\ud800娜'),
      party('B4', 'Raw\u0000Nul'), party('B5', '王芳'), ''].join('\n'));
    const result = run([parties]);
    assert.equal(result.stderr, '', 'no stack trace');
    assert.equal(result.status, 1, 'rows were rejected');
    assert.match(result.stdout, /parties: read 5, loaded 2, unchanged 0, rejected 3\n/);
    assert.equal(await readFile(`${parties}.errors.csv`, 'utf8'), ['line,field,reason,message',
      '2,full_name,invalid_character,full_name holds a NUL character (U+0000) at character 6.',
      '3,full_name,invalid_character,full_name holds a lone UTF-16 surrogate (U+D800) at character 2.',
      '4,full_name,invalid_character,full_name holds a NUL character (U+0000) at character 4.', '',
    ].join('\n'));
  }));

const REPOSITORY = fileURLToPath(new URL('../../../', import.meta.url));
const EXAMPLES = 'examples/import';
const KINDS = ['accounts', 'contact_points', 'installments', 'parties', 'payments', 'products'];

test('the import examples of docs/import.md load into a fresh database as the page says', () =>
  withImportCli('faircollect-examples-', async ({ directory, run }) => {
    const expectRun = (args: string[], status: number, lines: string[]) => {
      const result = run(args);
      assert.equal(result.stderr, '', args.join(' '));
      assert.equal(result.status, status, args.join(' '));
      assert.deepEqual(result.stdout.split('\n'), [...lines, ''], args.join(' '));
    };
    // As a shell expands examples/import/csv/*.csv: alphabetical, not in dependency order.
    expectRun(KINDS.map((kind) => `${EXAMPLES}/csv/${kind}.csv`), 0, [
      `${EXAMPLES}/csv/products.csv: products: read 4, loaded 4, unchanged 0, rejected 0`,
      `${EXAMPLES}/csv/parties.csv: parties: read 8, loaded 8, unchanged 0, rejected 0`,
      `${EXAMPLES}/csv/contact_points.csv: contact_points: read 14, loaded 14, unchanged 0, rejected 0`,
      `${EXAMPLES}/csv/accounts.csv: accounts: read 5, loaded 5, unchanged 0, rejected 0`,
      `${EXAMPLES}/csv/installments.csv: installments: read 17, loaded 17, unchanged 0, rejected 0`,
      `${EXAMPLES}/csv/payments.csv: payments: read 4, loaded 4, unchanged 0, rejected 0`,
    ]);
    expectRun(KINDS.map((kind) => `${EXAMPLES}/jsonl/${kind}.jsonl`), 0, [
      `${EXAMPLES}/jsonl/products.jsonl: products: read 4, loaded 0, unchanged 4, rejected 0`,
      `${EXAMPLES}/jsonl/parties.jsonl: parties: read 8, loaded 0, unchanged 8, rejected 0`,
      `${EXAMPLES}/jsonl/contact_points.jsonl: contact_points: read 14, loaded 0, unchanged 14, rejected 0`,
      `${EXAMPLES}/jsonl/accounts.jsonl: accounts: read 5, loaded 0, unchanged 5, rejected 0`,
      `${EXAMPLES}/jsonl/installments.jsonl: installments: read 17, loaded 0, unchanged 17, rejected 0`,
      `${EXAMPLES}/jsonl/payments.jsonl: payments: read 4, loaded 0, unchanged 4, rejected 0`,
    ]);
    expectRun([`${EXAMPLES}/gbk/parties.csv`, '--encoding', 'gbk'], 0, [
      `${EXAMPLES}/gbk/parties.csv: parties: read 3, loaded 3, unchanged 0, rejected 0`,
    ]);
    const errors = join(directory, 'payments.errors.csv');
    const bad = `${EXAMPLES}/bad/payments.jsonl`;
    const result = run([bad, '--errors', errors]);
    assert.equal(result.status, 1, result.stderr);
    assert.equal(result.stdout.split('\n')[0],
      `${bad}: payments: read 16, loaded 2, unchanged 0, rejected 14`);
    const report = (await readFile(errors, 'utf8')).split('\n')
      .map((line) => line.split(',').slice(0, 3).join(','));
    assert.deepEqual(report, ['line,field,reason', '2,amount,negative_amount', '3,amount,invalid_amount',
      '4,value_date,invalid_date', '5,account_external_id,unknown_account', '6,currency,currency_mismatch',
      '7,channel,missing_field', '8,channel,invalid_value', '9,currency,invalid_currency',
      '10,memo,unknown_column', '11,,invalid_json', '12,account_external_id,invalid_character',
      '13,idempotency_key,payment_key_conflict', '15,amount,amount_out_of_range',
      '16,value_date,value_date_out_of_range', ''], 'each bad row fails for its own documented reason');
  }, REPOSITORY));

type ImportCli = { directory: string; run: (args: string[]) => SpawnSyncReturns<string> };

// Each test gets its own temporary directory and PGlite data directory inside it (DATABASE_URL
// emptied so a configured server is never touched), so it starts from an empty database and
// leaves nothing behind even when an assertion fails. `cwd` is where relative paths resolve.
async function withImportCli(prefix: string, body: (cli: ImportCli) => Promise<void>, cwd?: string) {
  const directory = await mkdtemp(join(tmpdir(), prefix));
  const env = { ...process.env, FAIRCOLLECT_DATA_DIR: join(directory, 'data'), DATABASE_URL: '' };
  const run = (args: string[]) => spawnSync(process.execPath, [CLI, 'import', ...args],
    { env, encoding: 'utf8', cwd });
  try {
    await body({ directory, run });
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
