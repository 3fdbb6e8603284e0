// One process per embedded database folder. A real server (`faircollect serve`) holds a folder while
// `faircollect cycle` and `import` try to open it in their own processes: both are refused with exit 2
// and a message naming the owner, and after the server stops the folder opens with its data intact.
// A lock left by a process that no longer runs, or whose id another process now has, is taken over;
// a folder that lost PG_VERSION is refused rather than initialised over its data.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { access, mkdtemp, readdir, realpath, rename, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { insertProduct } from '../../test/support/ledger-fixture.ts';
import { DatabaseOpenError } from './database-open-error.ts';
import { DATA_DIR_LOCK_FILE } from './lock-data-dir.ts';
import { openDatabase } from './open-database.ts';
import { openPglite } from './pglite-database.ts';

const CLI = fileURLToPath(new URL('../cli/main.ts', import.meta.url));
const PRODUCTS_CSV = fileURLToPath(new URL('../../test/fixtures/import/clean/products.csv', import.meta.url));
const SERVER_START_MS_MAX = 60_000;

const directories: string[] = [];
after(async () => {
  for (const directory of directories) await rm(directory, { recursive: true, force: true });
});

async function freshDataDir(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'faircollect-lock-'));
  directories.push(directory);
  return join(directory, 'data');
}

type Run = { status: number | null; stdout: string; stderr: string };

function runCli(dataDir: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...process.env, FAIRCOLLECT_DATA_DIR: dataDir, DATABASE_URL: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

async function productIds(dataDir: string): Promise<string[]> {
  const db = await openDatabase({ databaseUrl: null, dataDir });
  try {
    return (await db.query<{ id: string }>('SELECT id FROM product ORDER BY id')).map((row) => row.id);
  } finally {
    await db.close();
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(() => true, () => false);
}

test('a second process is refused while the server holds the folder; the data stays intact', async () => {
  const dataDir = await freshDataDir();
  const db = await openDatabase({ databaseUrl: null, dataDir });
  await insertProduct(db, { id: 'kept' });
  await db.close();
  assert.equal(await exists(join(dataDir, DATA_DIR_LOCK_FILE)), false, 'close() releases the lock');

  const server = spawn(process.execPath, [CLI, 'serve', '--port', '0'], {
    env: { ...process.env, FAIRCOLLECT_DATA_DIR: dataDir, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the server did not start')), SERVER_START_MS_MAX);
      createInterface({ input: server.stdout }).on('line', (line) => {
        if (line.includes('is serving')) {
          clearTimeout(timer);
          resolve();
        }
      });
      void exited.then((code) => reject(new Error(`the server exited with ${code} before serving`)));
    });
    const folder = await realpath(dataDir);
    for (const args of [['cycle', '--as-of', '2026-03-01'], ['import', PRODUCTS_CSV], ['migrate']]) {
      const second = await runCli(dataDir, args);
      assert.equal(second.status, 2, `${args[0]}: ${second.stderr}`);
      assert.equal(second.stdout, '');
      const startedAt = second.stderr.match(/started (\S+)\)/)?.[1];
      assert.equal(second.stderr, `faircollect: the embedded database in ${folder} is in use by process `
        + `${server.pid} (faircollect serve --port 0, started ${startedAt}); `
        + `only one process may open it at a time: stop it first (Ctrl-C in its terminal, or kill `
        + `${server.pid}). While the server runs, send payments and contact outcomes through its API `
        + '(/api/v1) instead\n');
    }
  } finally {
    server.kill('SIGTERM');
  }
  assert.equal(await exited, 0, 'the server stops cleanly');
  assert.equal(await exists(join(dataDir, DATA_DIR_LOCK_FILE)), false, 'the server released its lock');
  assert.deepEqual(await productIds(dataDir), ['kept']);

  // A folder that lost PG_VERSION is refused, not initialised afresh over the data it still holds.
  await rename(join(dataDir, 'PG_VERSION'), join(dataDir, '..', 'PG_VERSION'));
  const lost = await runCli(dataDir, ['migrate']);
  assert.equal(lost.status, 2, lost.stderr);
  assert.match(lost.stderr, /^faircollect: \S+ holds files but no embedded database \(no PG_VERSION\)/);
  await rename(join(dataDir, '..', 'PG_VERSION'), join(dataDir, 'PG_VERSION'));
  assert.deepEqual(await productIds(dataDir), ['kept'], 'the refused open changed nothing');
});

test('a stale lock is taken over and said so; a live one on another host is not', async () => {
  const dataDir = await freshDataDir();
  await (await openDatabase({ databaseUrl: null, dataDir })).close();
  const folder = await realpath(dataDir);
  const lockPath = join(folder, DATA_DIR_LOCK_FILE);
  const ended = spawnSync(process.execPath, ['-e', '']).pid;
  const owner = {
    pid: ended, host: hostname(), bootId: null, processStart: null,
    startedAt: '2026-03-01T08:00:00.000Z', command: 'faircollect cycle --as-of 2026-03-01', dataDir: folder,
  };
  const cases = [
    { name: 'its process has ended', owner, because: 'that process is no longer running' },
    // Where /proc tells when a process started, a pid taken over by another process is told apart.
    ...(existsSync('/proc/self/stat') ? [{
      name: 'its pid now belongs to another process (this test runner, started at another time)',
      owner: { ...owner, pid: process.pid, processStart: '1' }, because: 'that process is no longer running',
    }] : []),
    {
      name: 'it was copied with the folder',
      owner: { ...owner, pid: process.pid, dataDir: '/elsewhere/data' },
      because: 'it was copied with the folder from /elsewhere/data',
    },
  ];
  for (const { name, owner: stale, because } of cases) {
    await writeFile(lockPath, JSON.stringify(stale));
    const run = await runCli(dataDir, ['migrate']);
    assert.equal(run.status, 0, `${name}: ${run.stderr}`);
    assert.equal(run.stderr, `faircollect: taking over the lock of ${folder} left by process ${stale.pid} `
      + `(faircollect cycle --as-of 2026-03-01, started 2026-03-01T08:00:00.000Z): ${because}\n`, name);
    assert.equal(await exists(lockPath), false, `${name}: released after the run`);
  }

  await writeFile(lockPath, JSON.stringify({ ...owner, host: 'other-host' }));
  const refused = await runCli(dataDir, ['migrate']);
  assert.equal(refused.status, 2);
  assert.match(refused.stderr, new RegExp(`^faircollect: the embedded database in ${folder} is in use by `
    + `process ${ended} on other-host .*delete ${lockPath} if that machine no longer uses the folder`));
  assert.equal(refused.stderr.split('\n').length, 2, 'one line');
  await rm(lockPath);
});

test('one process cannot open the same folder twice', async () => {
  const dataDir = await freshDataDir();
  const first = await openPglite({ dataDir });
  try {
    await assert.rejects(openPglite({ dataDir }), (error: unknown) => error instanceof DatabaseOpenError
      && /is already open in this process/.test(error.message));
    assert.deepEqual(await first.db.query('SELECT 1 AS one'), [{ one: 1 }], 'the first stays usable');
  } finally {
    await first.db.close();
  }
  assert.equal((await readdir(dataDir)).includes(DATA_DIR_LOCK_FILE), false);
});
