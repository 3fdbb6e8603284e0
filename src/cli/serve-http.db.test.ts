// `faircollect serve --port 0` as a user starts it: the start-up line names the address and port the
// server is really bound to (the port answers /healthz), and a HOST beyond loopback also writes a
// warning to stderr that the API has no sign-in, so anyone who can reach the port can read borrowers'
// data. On 127.0.0.1 nothing is written to stderr.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { runCycle } from '../app/cycle/run-cycle.ts';
import { fixedClock } from '../stdx/clock.ts';
import {
  createSharedTestDatabase, openTestDatabase, type SharedTestDatabase,
} from '../../test/support/test-database.ts';
import { BUSINESS_TIME_ZONE } from '../app/calendar/business-date.ts';
import { startServer } from './serve-http.ts';

const CLI = fileURLToPath(new URL('./main.ts', import.meta.url));
const SERVER_START_MS_MAX = 60_000;

let database: SharedTestDatabase;
before(async () => {
  database = await createSharedTestDatabase();
});
after(async () => {
  await database.dispose();
});

type Started = { line: string; stderr: string; healthStatus: number; port: string };

/** Starts `serve --port 0` on HOST, reads its start-up line, asks /healthz on that port, stops it. */
async function serveOnce(host: string): Promise<Started> {
  const server = spawn(process.execPath, [CLI, 'serve', '--port', '0'], {
    env: { ...process.env, ...database.env, HOST: host, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  server.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
  try {
    const line = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the server did not start')), SERVER_START_MS_MAX);
      createInterface({ input: server.stdout }).on('line', (text) => {
        if (!text.includes('is serving')) return;
        clearTimeout(timer);
        resolve(text);
      });
      void exited.then((code) => reject(new Error(`the server exited with ${code}: ${stderr}`)));
    });
    const port = /:(\d+)\/console/.exec(line)?.[1];
    assert.ok(port !== undefined, line);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    await health.body?.cancel();
    return { line: line.replaceAll(`:${port}/`, ':PORT/'), stderr: withoutNodeWarnings(stderr),
      healthStatus: health.status, port };
  } finally {
    server.kill('SIGTERM');
    await exited;
  }
}

/** Node's own process warnings (deprecations in a dependency) are not the product's output. */
function withoutNodeWarnings(stderr: string): string {
  return stderr.split(/(?<=\n)/)
    .filter((line) => !/^\(node:\d+\) /.test(line) && !line.startsWith('(Use `node --trace-warnings'))
    .join('');
}

test('bound to 0.0.0.0: the real address, and a warning on stderr', async () => {
  const started = await serveOnce('0.0.0.0');
  assert.deepEqual(started, {
    line: 'FairCollect is serving http://0.0.0.0:PORT/console on every network interface '
      + '(API http://0.0.0.0:PORT/api/v1, OpenAPI http://0.0.0.0:PORT/api/openapi.json)',
    stderr: `faircollect: warning: listening on 0.0.0.0 port ${started.port}, which other machines `
      + "can reach. The API has no sign-in yet: anyone who can reach this port can read borrowers' "
      + 'personal data and record contacts and payments. Keep HOST=127.0.0.1 (the default) unless a '
      + 'firewall or an authenticating proxy guards the port.\n',
    healthStatus: 200,
    port: started.port,
  });
});

test('bound to 127.0.0.1: the real address, and nothing on stderr', async () => {
  const started = await serveOnce('127.0.0.1');
  assert.deepEqual(started, {
    line: 'FairCollect is serving http://127.0.0.1:PORT/console '
      + '(API http://127.0.0.1:PORT/api/v1, OpenAPI http://127.0.0.1:PORT/api/openapi.json)',
    stderr: '',
    healthStatus: 200,
    port: started.port,
  });
});

// The server runs the daily cycle by itself: started with a schedule on a clock past the scheduled
// time, it runs the missing dates while it serves, and closing it stops the scheduler before the
// database is closed (no timer is left behind: this file would not exit).
test('startServer with a cycle schedule runs the missing dates, and close() stops it', async () => {
  const db = await openTestDatabase();
  try {
    assert.ok((await runCycle({ db, asOf: '2026-03-07' })).ok);
    const { app } = await startServer({
      db, host: '127.0.0.1', port: 0, clock: fixedClock(new Date('2026-03-09T03:00:00+08:00')),
      cycleSchedule: { at: { hour: 2, minute: 30 }, zone: 'Asia/Shanghai', businessZone: BUSINESS_TIME_ZONE },
    });
    const done = async () => (await db.query<{ as_of: string }>(
      `SELECT as_of FROM cycle_step WHERE step = 'done' ORDER BY as_of`)).map((row) => row.as_of);
    for (let attempt = 0; attempt < 600 && (await done()).length < 3; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await app.close();
    assert.deepEqual(await done(), ['2026-03-07', '2026-03-08', '2026-03-09']);
  } finally {
    await db.close();
  }
});
