// `faircollect cycle` holds the same claim as the servers' schedulers: while another process runs
// the daily cycle on the PostgreSQL database, the command runs nothing and says why (exit 2); once
// the claim is free it runs. On the embedded database the folder's own lock already keeps a second
// process out (lock-data-dir.test.ts), so this runs on the PostgreSQL target only.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { claimCycle } from '../../app/cycle/claim-cycle.ts';
import type { Db } from '../../db/database.ts';
import {
  createSharedTestDatabase, TEST_TARGET, type SharedTestDatabase,
} from '../../../test/support/test-database.ts';

const CLI = fileURLToPath(new URL('../main.ts', import.meta.url));
const COMMAND_MS_MAX = 60_000;
const POSTGRES_ONLY = { skip: TEST_TARGET !== 'postgres' && 'PostgreSQL target only' };

let database: SharedTestDatabase | undefined;
let db: Db | undefined;
before(async () => {
  if (TEST_TARGET !== 'postgres') return;
  database = await createSharedTestDatabase();
  db = await database.open();
});
after(async () => {
  await db?.close();
  await database?.dispose();
});

function cycle(asOf: string) {
  const done = spawnSync(process.execPath, [CLI, 'cycle', '--as-of', asOf], {
    env: { ...process.env, ...database!.env }, encoding: 'utf8', timeout: COMMAND_MS_MAX,
  });
  return { status: done.status, stdout: done.stdout, stderr: done.stderr.split('\n')
    .filter((line) => line.startsWith('faircollect:')).join('\n') };
}

test('cycle while another process holds the claim: nothing runs, exit 2 saying why', POSTGRES_ONLY,
  async () => {
    const held = await claimCycle(db!, async () => cycle('2026-03-08'));
    assert.deepEqual(held, {
      acquired: true,
      value: {
        status: 2, stdout: '',
        stderr: 'faircollect: another process (a server\'s scheduler, or another `faircollect cycle`) is '
          + 'running the daily cycle on this database; run this again when it has finished',
      },
    });
    assert.deepEqual(await db!.query(`SELECT as_of FROM cycle_step`), []);
    const free = cycle('2026-03-08');
    assert.equal(free.status, 0, free.stderr);
    assert.ok(free.stdout.startsWith('2026-03-08: completed;'), free.stdout);
  });
