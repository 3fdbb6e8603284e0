// Every answer the server gives is in the API's error shape and honest: Fastify's own 404, 414 and
// 431 (the last over a real socket, since Node's HTTP parser answers it before any route), a
// health check that fails with 503 when a table's files are gone (while `SELECT 1` still works),
// and a 500 whose log line keeps the SQL text but none of the caller's values. Method: the real app
// on a fresh test database; the table is broken by pointing it at a file that does not exist.
import { URL_PARAM_CHARS_MAX } from '../config/limits.ts';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { request as httpRequest } from 'node:http';
import type { Db } from '../db/database.ts';
import { openTestDatabase } from '../../test/support/test-database.ts';
import { createStaffAccess } from '../../test/support/staff-access.ts';
import { buildApp } from './app.ts';

let db: Db;
let app: FastifyInstance;
let auth: { authorization: string };
const logLines: string[] = [];
const SECRET = 'Wang Fang 13912345678';

before(async () => {
  db = await openTestDatabase();
  await db.exec('CREATE TABLE probe_person (name text PRIMARY KEY)');
  await db.query('INSERT INTO probe_person (name) VALUES ($1)', [SECRET]);
  app = await buildApp({ db, logLevel: 'error', logStream: { write: (line) => logLines.push(line) } });
  auth = (await createStaffAccess(db)).headers('admin');
  // Two routes that fail inside the database with the caller's value in hand: a cast the value does
  // not fit (PostgreSQL quotes it in the message) and a duplicate key (it is in the detail).
  app.get('/probe/cast', { config: { permission: 'public' } },
    async () => db.query('SELECT $1::int AS n', [SECRET]));
  app.get('/probe/duplicate', { config: { permission: 'public' } },
    async () => db.query('INSERT INTO probe_person (name) VALUES ($1)', [SECRET]));
});
after(async () => {
  await app.close();
  await db.close();
});

const shapeOf = (body: unknown) => {
  const error = (body as { error?: Record<string, unknown> }).error;
  return error === undefined ? [] : Object.keys(error).sort();
};

test("Fastify's 404 and 414 answers are in the API's error shape", async () => {
  const missing = await app.inject({ method: 'GET', url: '/api/v1/nothing-here?x=1' });
  assert.equal(missing.statusCode, 404);
  assert.deepEqual(missing.json(), {
    error: { reason: 'unknown_route', field: null, message: 'no route GET /api/v1/nothing-here' },
  });
  // An external id may have 128 characters: one that long is looked up (404), not refused as a URL.
  const longest = await app.inject({
    method: 'GET', url: `/api/v1/accounts/${'a'.repeat(128)}`, headers: auth,
  });
  assert.equal(longest.statusCode, 404);
  const long = await app.inject({
    method: 'GET', url: `/api/v1/accounts/${'a'.repeat(URL_PARAM_CHARS_MAX + 1)}`, headers: auth,
  });
  assert.equal(long.statusCode, 414);
  assert.deepEqual(shapeOf(long.json()), ['field', 'message', 'reason']);
  assert.equal(long.json().error.reason, 'uri_too_long');
});

test('431 for oversized headers, in the same shape, over a real connection', async () => {
  const server = await buildApp({ db });
  try {
    await server.listen({ port: 0, host: '127.0.0.1' });
    const address = server.server.address();
    assert.ok(address !== null && typeof address === 'object');
    const answer = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const outgoing = httpRequest({
        host: '127.0.0.1', port: address.port, path: '/healthz',
        headers: { 'x-filler': 'y'.repeat(64 * 1024) },
      }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => { body += chunk; });
        response.on('end', () => resolve({
          status: response.statusCode ?? 0, type: String(response.headers['content-type']), body,
        }));
      });
      outgoing.on('error', reject);
      outgoing.end();
    });
    assert.equal(answer.status, 431);
    assert.match(answer.type, /application\/json/);
    assert.deepEqual(JSON.parse(answer.body), {
      error: {
        reason: 'headers_too_large', field: null,
        message: 'the request headers are larger than the server accepts',
      },
    });
  } finally {
    await server.close();
  }
});

test('a 500 is logged with the SQL text but without the values the caller sent', async () => {
  for (const url of ['/probe/cast', '/probe/duplicate']) {
    logLines.length = 0;
    const answer = await app.inject({ method: 'GET', url });
    assert.equal(answer.statusCode, 500);
    assert.deepEqual(answer.json(), {
      error: { reason: 'internal_error', field: null, message: 'internal error' },
    });
    const log = logLines.join('');
    assert.match(log, /request failed/, url);
    assert.ok(!log.includes('Wang Fang') && !log.includes('13912345678'), `${url} logged the value: ${log}`);
    assert.match(log, /probe_person|\$1::int/, `${url}: the SQL text is kept`);
  }
});

test('health reads every table: 200 when it can, 503 in the error shape when one cannot be', async () => {
  const healthy = await app.inject({ method: 'GET', url: '/healthz' });
  assert.deepEqual([healthy.statusCode, healthy.json()], [200, { status: 'ok' }]);
  // The accounts table now points at a file that does not exist, as after losing its files on disk.
  await db.query(`UPDATE pg_class SET relfilenode = 999999999
    WHERE relname = 'account' AND relnamespace = current_schema()::regnamespace`);
  assert.equal((await app.inject({ method: 'GET', url: '/api/v1/accounts', headers: auth })).statusCode, 500);
  assert.deepEqual(await db.query('SELECT 1 AS one'), [{ one: 1 }], 'a bare SELECT 1 still succeeds');
  logLines.length = 0;
  const broken = await app.inject({ method: 'GET', url: '/healthz' });
  assert.equal(broken.statusCode, 503);
  assert.deepEqual(broken.json(), {
    error: {
      reason: 'database_unavailable', field: null, message: 'the database cannot be read; see the server log',
    },
  });
  assert.match(logLines.join(''), /health check failed/);
});
