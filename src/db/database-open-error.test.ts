// A database that cannot be opened is reported as a person can act on it: `faircollect migrate` runs
// as its own process against each broken setup and must exit 2 with one line on stderr that names
// the folder or server (never its password) and says what to do, without a stack trace. Permissions
// do not stop root, so the permission cases run the command as the unprivileged user `nobody`
// when the tests run as root.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../cli/main.ts', import.meta.url));
const AS_ROOT = process.getuid?.() === 0;

let directory: string;
before(async () => {
  directory = await mkdtemp(join(tmpdir(), 'faircollect-open-'));
  await chmod(directory, 0o755); // reachable by `nobody`
});
after(async () => {
  await rm(directory, { recursive: true, force: true });
});

function migrate(env: Record<string, string>, unprivileged = false) {
  const command = [process.execPath, CLI, 'migrate'];
  const argv = unprivileged && AS_ROOT
    ? ['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups', ...command] : command;
  const result = spawnSync(argv[0]!, argv.slice(1), {
    env: { ...process.env, DATABASE_URL: '', ...env }, encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function assertOneLine(run: ReturnType<typeof migrate>, pattern: RegExp): void {
  assert.equal(run.status, 2, run.stderr);
  assert.equal(run.stdout, '');
  assert.doesNotMatch(run.stderr, /^\s+at /m, 'no stack trace');
  assert.equal(run.stderr.split('\n').length, 2, `one line: ${run.stderr}`);
  assert.match(run.stderr, pattern);
}

test('the data folder path is a file, or lies under one', async () => {
  const file = join(directory, 'a-file');
  await writeFile(file, 'not a folder');
  assertOneLine(migrate({ FAIRCOLLECT_DATA_DIR: file }),
    new RegExp(`^faircollect: the data folder ${file} is a file, or lies under one \\(EEXIST .*set `
      + 'FAIRCOLLECT_DATA_DIR to a folder, or move the file away\\n$'));
  assertOneLine(migrate({ FAIRCOLLECT_DATA_DIR: join(file, 'data') }),
    new RegExp(`^faircollect: the data folder ${file}/data is a file, or lies under one \\(ENOTDIR `));
});

test('a corrupt data folder: damaged files, or files that are no database at all', async () => {
  const damaged = join(directory, 'damaged');
  await mkdir(join(damaged, 'global'), { recursive: true });
  await writeFile(join(damaged, 'PG_VERSION'), 'garbage\n');
  await writeFile(join(damaged, 'global', 'pg_control'), 'garbage');
  assertOneLine(migrate({ FAIRCOLLECT_DATA_DIR: damaged }),
    new RegExp(`^faircollect: the embedded database in ${damaged} cannot be started: its files are damaged`
      + '.*restore the folder from a backup, or set FAIRCOLLECT_DATA_DIR to an empty or new folder\\n$'));

  const other = join(directory, 'documents');
  await mkdir(other);
  await writeFile(join(other, 'notes.txt'), 'my notes');
  assertOneLine(migrate({ FAIRCOLLECT_DATA_DIR: other }),
    new RegExp(`^faircollect: ${other} holds files but no embedded database \\(no PG_VERSION\\)`));
  assert.deepEqual(await readdir(other), ['notes.txt'], 'nothing was written into it');
});

test('a read-only data folder, and a parent folder that is not writable', async () => {
  const readOnly = join(directory, 'read-only');
  await mkdir(readOnly, { mode: 0o555 });
  await chmod(readOnly, 0o555);
  assertOneLine(migrate({ FAIRCOLLECT_DATA_DIR: readOnly }, true),
    new RegExp(`^faircollect: the data folder ${readOnly} cannot be created or written by this user `
      + '\\(EACCES .*make it, or the folder that holds it, writable for this user'));

  const lockedParent = join(directory, 'locked-parent');
  await mkdir(lockedParent, { mode: 0o555 });
  await chmod(lockedParent, 0o555);
  const inside = join(lockedParent, 'data');
  assertOneLine(migrate({ FAIRCOLLECT_DATA_DIR: inside }, true),
    new RegExp(`^faircollect: the data folder ${inside} cannot be created or written by this user `
      + '\\(EACCES'));
});

test('an unreachable DATABASE_URL is named without its password', () => {
  const run = migrate({ DATABASE_URL: 'postgres://collector:s3cret-pw@127.0.0.1:1/faircollect' });
  assertOneLine(run, new RegExp('^faircollect: cannot connect to PostgreSQL at '
    + 'postgres://collector:\\*\\*\\*@127\\.0\\.0\\.1:1/faircollect '
    + '\\(connect ECONNREFUSED 127\\.0\\.0\\.1:1\\): '
    + 'check that the server is running'));
  assert.doesNotMatch(run.stderr, /s3cret-pw/);
});
