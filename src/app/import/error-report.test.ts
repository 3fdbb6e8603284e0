// The error report: rows counted once however many problems they have, errors kept up to the
// bound and all of them written to the file in line order; no file when nothing was rejected.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IMPORT_ERRORS_KEPT_MAX } from '../../config/limits.ts';
import { ErrorReport } from './error-report.ts';
import type { ImportReport } from './import-contract.ts';

let directory: string;
before(async () => {
  directory = await mkdtemp(join(tmpdir(), 'faircollect-errors-'));
});
after(async () => {
  await rm(directory, { recursive: true, force: true });
});

const empty = (): ImportReport =>
  ({ kind: 'payments', rowsRead: 0, rowsLoaded: 0, rowsUnchanged: 0, rowsRejected: 0, errors: [] });

test('rows are counted once, errors sorted, quoted only where needed', async () => {
  const report = empty();
  const path = join(directory, 'report.csv');
  const errors = new ErrorReport(report, path);
  await errors.add([{ line: 9, field: null, reason: 'invalid_json', message: 'Unexpected token, "x"' },
    { line: 4, field: 'amount', reason: 'negative_amount', message: 'amount -1 is negative.' },
    { line: 4, field: 'currency', reason: 'invalid_currency', message: 'no' }]);
  await errors.add([{ line: 12, field: 'channel', reason: 'missing_field',
    message: 'channel is required.' }]);
  await errors.close();
  assert.equal(errors.writtenPath, path);
  assert.equal(report.rowsRejected, 3);
  assert.deepEqual(report.errors.map((error) => error.line), [4, 4, 9, 12]);
  assert.equal(await readFile(path, 'utf8'),
    'line,field,reason,message\n4,amount,negative_amount,amount -1 is '
    + 'negative.\n4,currency,invalid_currency,no\n9,,invalid_json,"Unexpected token, ""x"""\n'
    + '12,channel,missing_field,channel is required.\n');
});

test('memory keeps the first errors; the file gets all; no rejection, no file', async () => {
  const report = empty();
  const path = join(directory, 'many.csv');
  const errors = new ErrorReport(report, path);
  const total = IMPORT_ERRORS_KEPT_MAX + 10;
  for (let start = 0; start < total; start += 5_000) {
    const lines = Array.from({ length: Math.min(5_000, total - start) }, (_, index) => start + index + 2);
    await errors.add(lines.map((line) => ({ line, field: 'seq', reason: 'out_of_range',
      message: 'seq 0.' })));
  }
  await errors.close();
  assert.equal(report.rowsRejected, total);
  assert.equal(report.errors.length, IMPORT_ERRORS_KEPT_MAX);
  assert.equal((await readFile(path, 'utf8')).split('\n').length, total + 2);
  const quiet = new ErrorReport(empty(), join(directory, 'none.csv'));
  await quiet.add([]);
  await quiet.close();
  assert.equal(quiet.writtenPath, null);
  await assert.rejects(stat(join(directory, 'none.csv')), { code: 'ENOENT' });
});
