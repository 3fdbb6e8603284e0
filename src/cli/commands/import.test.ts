// The import command as a user runs it: a file with bad rows exits 1, writes the error report
// with line, field and reason, and still loads the good rows; bad arguments exit 2 naming them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../main.ts', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/import/', import.meta.url));

test('faircollect import: exit 1 with an error report and good rows loaded; 2 on bad arguments', async () => {
  const directory = await mkdtemp(join(tmpdir(), 'faircollect-cli-'));
  const env = { ...process.env, FAIRCOLLECT_DATA_DIR: join(directory, 'data'), DATABASE_URL: '' };
  try {
    const errors = join(directory, 'errors.csv');
    const run = (args: string[]) =>
      spawnSync(process.execPath, [CLI, 'import', ...args], { env, encoding: 'utf8' });
    assert.equal(run([join(FIXTURES, 'products.csv'), join(FIXTURES, 'parties.csv')]).status, 1);
    const accounts = run([join(FIXTURES, 'accounts.csv'), '--errors', errors]);
    assert.equal(accounts.status, 1, accounts.stderr);
    assert.match(accounts.stdout, /read 4, loaded 2, unchanged 0, rejected 2/);
    assert.equal(
      await readFile(errors, 'utf8'),
      'line,field,reason,message\n' +
        '"3","opened_on","invalid_date","opened_on ""2026-02-30"" is not a real date YYYY-MM-DD"\n' +
        '"4","principal","negative_amount","principal -300.00 is negative"\n',
    );
    const unknown = run([join(FIXTURES, 'accounts.csv'), '--kind', 'loans']);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /--kind must be one of/);
    const missing = run([join(directory, 'nope.csv')]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /no such file/);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
});
