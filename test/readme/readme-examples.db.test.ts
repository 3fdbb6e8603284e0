// The README's HTTP examples, run as a newcomer runs them: every ```sh block of README.md that calls
// curl is run by bash against a small demo portfolio built by the demo's own code (prepareDemo, the
// generator, the default demo seed, the demo's business date), served over real HTTP on 127.0.0.1.
// Each call must answer as the README says: a stored Decision for the check, a reservation with an
// attemptId, the recorded outcome. An id the demo does not have answers 404, and the test fails.
// The server's clock is fixed at a moment inside the example borrower's calling hours, so the
// reservation is allowed whatever the time the test runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { businessDate } from '../../src/app/calendar/business-date.ts';
import { prepareDemo } from '../../src/cli/run-demo.ts';
import { startServer } from '../../src/cli/serve-http.ts';
import { readConfig } from '../../src/config/config.ts';
import { fixedClock } from '../../src/stdx/clock.ts';
import { openTestDatabase } from '../support/test-database.ts';

const README = fileURLToPath(new URL('../../README.md', import.meta.url));
const RECORDER = fileURLToPath(new URL('./curl-recorder.sh', import.meta.url));
const README_ORIGIN = 'localhost:3000';
/** 12:00 in Los Angeles and 03:00 the next day in Shanghai: borrower B0000001 may be called. */
const NOW = new Date('2026-06-15T19:00:00Z');
const BORROWERS = 20;
const DAYS = 3;

const SH_BLOCK = /^```sh\n([\s\S]*?)^```$/gm;
const curlBlocks = [...readFileSync(README, 'utf8').matchAll(SH_BLOCK)]
  .map((match) => match[1]!)
  .filter((block) => /^\s*curl\s/m.test(block));

type Call = { args: string; status: number; body: string };

test('the README has curl examples for a check, a reservation and an outcome', () => {
  const text = curlBlocks.join('\n');
  for (const route of ['/api/v1/contact-checks', '/api/v1/contact-reservations', '/outcome']) {
    assert.ok(text.includes(route), `no README example calls ${route}`);
  }
  assert.ok(text.includes(README_ORIGIN), `the examples address the server as ${README_ORIGIN}`);
});

test('the README curl examples answer as documented against the demo', async () => {
  const defaults = readConfig({});
  assert.ok(defaults.ok);
  const db = await openTestDatabase();
  const { app, notice } = await prepareAndServe(db, defaults.config.demoSeed);
  try {
    const host = notice.origin.replace(/^http:\/\//, '');
    const script = [`source '${RECORDER}'`, ...curlBlocks]
      .join('\n').replaceAll(README_ORIGIN, host);
    // Asynchronously: the server answering these calls runs in this process.
    const run = await promisify(execFile)('bash', ['-c', script], { maxBuffer: 16 * 1024 * 1024 });
    const calls = parseCalls(run.stdout);
    assert.equal(calls.length, curlBlocks.join('\n').match(/^\s*curl\s/gm)?.length, run.stderr);
    let attemptId: string | null = null;
    for (const call of calls) attemptId = checkCall(call, attemptId);
    assert.notEqual(attemptId, null, 'a reservation returned an attemptId');
  } finally {
    await app.close();
    await db.close();
  }
});

async function prepareAndServe(db: Awaited<ReturnType<typeof openTestDatabase>>, seed: number) {
  await prepareDemo({ db, borrowers: BORROWERS, days: DAYS, seed, today: businessDate(NOW) });
  return startServer({ db, host: '127.0.0.1', port: 0, clock: fixedClock(NOW) });
}

function parseCalls(stdout: string): Call[] {
  return stdout.split('\x1e').filter((record) => record !== '').map((record) => {
    const [args = '', output = ''] = record.split('\x1f');
    const newline = output.lastIndexOf('\n');
    return { args, status: Number(output.slice(newline + 1)), body: output.slice(0, newline) };
  });
}

/** Asserts one call's answer; returns the attemptId a reservation gave, or the one before. */
function checkCall(call: Call, attemptId: string | null): string | null {
  const where = `curl ${call.args}\n→ ${call.status} ${call.body}`;
  assert.ok(call.status >= 200 && call.status < 300, where);
  const body = JSON.parse(call.body) as Record<string, unknown>;
  const account = /\/api\/v1\/accounts\/([^/\s?]+)/.exec(call.args);
  if (account !== null) assert.equal(body.externalId, account[1], where);
  if (call.args.includes('/api/v1/contact-checks')) {
    assert.equal(call.status, 200, where);
    assert.match(String(body.id), /^[0-9a-f]{64}$/, where);
    assert.equal(typeof body.allowed, 'boolean', where);
    assert.ok(Array.isArray(body.outcomes) && body.outcomes.length > 0, where);
  }
  if (call.args.includes('/api/v1/contact-reservations')) {
    assert.equal(call.status, 201, where);
    assert.equal(body.reserved, true, where);
    assert.match(String(body.attemptId), /^\d+$/, where);
    return String(body.attemptId);
  }
  if (call.args.includes('/outcome')) {
    assert.deepEqual(
      { attemptId: body.attemptId, status: body.status, countsAs: body.countsAs },
      { attemptId, status: 'recorded', countsAs: 'unanswered_attempt' },
      where,
    );
  }
  return attemptId;
}
