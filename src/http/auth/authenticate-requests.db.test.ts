// Signing in and being someone, over the real app on a real database: public routes, 401 and the
// sign-in redirect, the session cookie's attributes, the session id renewed at sign-in, CSRF on
// cookie-authenticated changes, idle and absolute expiry, sign-out, a disabled user, API tokens
// (revoked, expired), backoff and lockout, and the actor of a reservation taken from the principal.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/database.ts';
import { createToken } from '../../app/identity/create-token.ts';
import { disableUser } from '../../app/identity/disable-user.ts';
import { revokeToken } from '../../app/identity/revoke-token.ts';
import { openTestDatabase } from '../../../test/support/test-database.ts';
import {
  addTestUser, signInThroughForm, TEST_AUDIT, TEST_PASSWORD,
} from '../../../test/support/staff-access.ts';
import { buildApp } from '../app.ts';

let db: Db;
let app: FastifyInstance;
let now = new Date('2026-03-10T02:00:00Z');
const advance = (ms: number) => { now = new Date(now.getTime() + ms); };

before(async () => {
  db = await openTestDatabase();
  app = await buildApp({ db, clock: { now: () => new Date(now.getTime()) } });
  await addTestUser(db, 'col', 'collector');
  await addTestUser(db, 'sup', 'supervisor');
  await addTestUser(db, 'gone', 'collector');
  await addTestUser(db, 'victim', 'collector');
});
after(async () => {
  await app.close();
  await db.close();
});

test('health, sign-in, assets and the API document need no credentials; the rest does', async () => {
  for (const url of ['/healthz', '/sign-in', '/api/openapi.json', '/assets/echarts.min.js']) {
    assert.equal((await app.inject({ url })).statusCode, 200, url);
  }
  const api = await app.inject({ url: '/api/v1/accounts' });
  assert.equal(api.statusCode, 401);
  assert.equal(api.json().error.reason, 'authentication_required');
  assert.match(String(api.headers['www-authenticate']), /^Bearer/);
  const page = await app.inject({ url: '/console/settings?lang=en' });
  assert.equal(page.statusCode, 303);
  assert.equal(page.headers.location, '/sign-in?next=%2Fconsole%2Fsettings%3Flang%3Den');
});

test('the OpenAPI document describes both security schemes and marks public routes', async () => {
  const document = (await app.inject({ url: '/api/openapi.json' })).json();
  assert.deepEqual(Object.keys(document.components.securitySchemes).sort(), ['bearerToken', 'sessionCookie']);
  assert.deepEqual(document.paths['/healthz'].get.security, []);
  assert.match(document.paths['/api/v1/accounts'].get.description, /portfolio:read/);
});

test('signing in sets an HttpOnly SameSite=Lax cookie with a fresh id; the session works until sign-out',
  async () => {
  const planted = 'planted-session-id-0000000000000000000000';
  const form = await app.inject({ url: '/sign-in' });
  const csrfCookie = form.cookies.find((cookie) => cookie.name === '_csrf')!;
  const token = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
  const signedIn = await app.inject({
    method: 'POST', url: '/sign-in', cookies: { _csrf: csrfCookie.value, fc_session: planted },
    payload: { username: 'sup', password: TEST_PASSWORD, _csrf: token, next: '/console/settings' },
  });
  assert.equal(signedIn.statusCode, 303, signedIn.body);
  assert.equal(signedIn.headers.location, '/console/settings');
  const session = signedIn.cookies.find((cookie) => cookie.name === 'fc_session')!;
  assert.notEqual(session.value, planted);
  assert.equal(session.httpOnly, true);
  assert.equal(session.sameSite, 'Lax');
  assert.equal(session.path, '/');
  const cookie = `fc_session=${session.value}; _csrf=${csrfCookie.value}`;
  const page = await app.inject({ url: '/console/settings', headers: { cookie } });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /sup/);
  const stored = await db.query<{ id_hash: string }>('SELECT id_hash FROM staff_session');
  assert.ok(stored.every((row) => row.id_hash !== session.value), 'only the hash of a session id is stored');

  const forged = await app.inject({ method: 'POST', url: '/sign-out', headers: { cookie } });
  assert.equal(forged.statusCode, 403, 'a cookie alone cannot change state');
  const out = await app.inject({
    method: 'POST', url: '/sign-out', headers: { cookie }, payload: { _csrf: token },
  });
  assert.equal(out.statusCode, 303);
  assert.equal((await app.inject({ url: '/console/settings', headers: { cookie } })).statusCode, 303);
});

test('a session ends after 30 idle minutes and 12 hours in all; a disabled user is out at once', async () => {
  const { cookie } = await signInThroughForm(app, 'col');
  const ask = async () =>
    (await app.inject({ url: '/api/v1/decisions/' + '0'.repeat(64), headers: { cookie } })).statusCode;
  assert.equal(await ask(), 404, 'signed in: the decision is simply unknown');
  advance(29 * 60_000);
  assert.equal(await ask(), 404, 'active within the idle limit');
  advance(31 * 60_000);
  assert.equal(await ask(), 401, 'idle too long');

  const again = await signInThroughForm(app, 'col');
  const askAgain = async () => (await app.inject({
    url: '/api/v1/decisions/' + '0'.repeat(64), headers: { cookie: again.cookie },
  })).statusCode;
  for (let minutes = 25; minutes < 12 * 60; minutes += 25) {
    advance(25 * 60_000);
    assert.equal(await askAgain(), 404, `kept active, ${minutes} minutes in`);
  }
  advance(25 * 60_000);
  assert.equal(await askAgain(), 401, 'past the absolute end');

  const gone = await signInThroughForm(app, 'gone');
  assert.ok((await disableUser({ db, username: 'gone', now, audit: TEST_AUDIT })).ok);
  const goneAsks = await app.inject({
    url: '/api/v1/decisions/' + '0'.repeat(64), headers: { cookie: gone.cookie },
  });
  assert.equal(goneAsks.statusCode, 401);
  const form = await app.inject({ url: '/sign-in' });
  const token = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
  const refused = await app.inject({
    method: 'POST', url: '/sign-in', cookies: { _csrf: form.cookies.find((c) => c.name === '_csrf')!.value },
    payload: { username: 'gone', password: TEST_PASSWORD, _csrf: token },
  });
  assert.equal(refused.statusCode, 401, 'a disabled user cannot sign in');
});

test('wrong passwords slow down, then lock the user; the lock names its end', async () => {
  const form = await app.inject({ url: '/sign-in' });
  const cookies = { _csrf: form.cookies.find((c) => c.name === '_csrf')!.value };
  const token = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
  const attempt = (password: string) => app.inject({
    method: 'POST', url: '/sign-in', cookies, payload: { username: 'victim', password, _csrf: token },
  });
  for (let i = 0; i < 3; i += 1) {
    const failed = await attempt('wrong-password');
    assert.equal(failed.statusCode, 401);
    assert.match(failed.body, /用户名或密码不正确/);
  }
  const slowed = await attempt(TEST_PASSWORD);
  assert.equal(slowed.statusCode, 429, 'even the right password waits out the backoff');
  assert.equal(slowed.headers['retry-after'], '1');
  for (let i = 0; i < 7; i += 1) {
    advance(2 ** i * 1000 + 1000);
    assert.equal((await attempt('wrong-password')).statusCode, 401);
  }
  advance(600_000);
  const locked = await attempt(TEST_PASSWORD);
  assert.equal(locked.statusCode, 429);
  assert.match(locked.body, /锁定/);
  advance(16 * 60_000);
  assert.equal((await attempt(TEST_PASSWORD)).statusCode, 303, 'the lock ends with the window');
});

test('an API token authenticates until revoked or expired; a bad one is 401', async () => {
  const made = await createToken({
    db, name: 'feed', role: 'system', teamId: null, agencyId: null, createdBy: 'test', now, audit: TEST_AUDIT,
    expiresAt: new Date(now.getTime() + 3_600_000),
  });
  assert.ok(made.ok);
  const headers = { authorization: `Bearer ${made.token}` };
  assert.equal((await app.inject({ url: '/api/v1/products', headers })).statusCode, 200);
  assert.equal((await app.inject({ url: '/console', headers })).statusCode, 403, 'a feed has no console');
  const unknown = { authorization: 'Bearer fct_not-a-token-at-all' };
  assert.equal((await app.inject({ url: '/api/v1/products', headers: unknown })).statusCode, 401);
  const basic = { authorization: 'Basic abc' };
  assert.equal((await app.inject({ url: '/api/v1/products', headers: basic })).statusCode, 401);
  advance(3_600_001);
  assert.equal((await app.inject({ url: '/api/v1/products', headers })).statusCode, 401, 'expired');
  const second = await createToken({
    db, name: 'feed2', role: 'system', teamId: null, agencyId: null, createdBy: 'test', now,
    audit: TEST_AUDIT, expiresAt: null,
  });
  assert.ok(second.ok);
  assert.ok((await revokeToken({ db, name: 'feed2', now, audit: TEST_AUDIT })).ok);
  const revoked = { authorization: `Bearer ${second.token}` };
  assert.equal((await app.inject({ url: '/api/v1/products', headers: revoked })).statusCode, 401);
  const stored = await db.query<{ token_hash: string }>('SELECT token_hash FROM api_token');
  assert.ok(stored.every((row) => !row.token_hash.includes(made.token)), 'only hashes are stored');
});

test('a browser refused a page gets a page in its language; an API client keeps the JSON error', async () => {
  const { cookie } = await signInThroughForm(app, 'col');
  const html = { cookie, accept: 'text/html,application/xhtml+xml' };
  const forbidden = await app.inject({ url: '/console', headers: html });
  assert.equal(forbidden.statusCode, 403);
  assert.match(String(forbidden.headers['content-type']), /^text\/html/);
  assert.match(forbidden.body, /<h1>无权查看此页面<\/h1>/);
  assert.ok(forbidden.body.includes('href="/home"'));
  const missing = await app.inject({ url: '/no-such-page?lang=en', headers: html });
  assert.deepEqual([missing.statusCode, /<h1>Not found<\/h1>/.test(missing.body)], [404, true]);
  const api = await app.inject({ url: '/console', headers: { cookie } });
  assert.deepEqual([api.statusCode, api.json().error.reason], [403, 'permission_denied']);
});

test('behind a trusted TLS proxy the session cookie is Secure and the client is the forwarded one',
  async () => {
  const proxied = await buildApp({ db, clock: { now: () => new Date(now.getTime()) }, trustProxyHops: 1 });
  try {
    const forwarded = { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' };
    const form = await proxied.inject({ url: '/sign-in', headers: forwarded });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
    const signedIn = await proxied.inject({
      method: 'POST', url: '/sign-in', headers: forwarded,
      cookies: { _csrf: form.cookies.find((cookie) => cookie.name === '_csrf')!.value },
      payload: { username: 'sup', password: TEST_PASSWORD, _csrf: csrf },
    });
    assert.equal(signedIn.statusCode, 303);
    assert.equal(signedIn.cookies.find((cookie) => cookie.name === 'fc_session')!.secure, true);
    const [attempt] = await db.query<{ source_ip: string }>(
      `SELECT source_ip FROM sign_in_attempt WHERE username = 'sup' ORDER BY id DESC LIMIT 1`);
    assert.equal(attempt!.source_ip, '203.0.113.9');
  } finally {
    await proxied.close();
  }
  const direct = await app.inject({ url: '/sign-in', headers: { 'x-forwarded-proto': 'https' } });
  assert.notEqual(direct.cookies.find((cookie) => cookie.name === '_csrf')?.secure, true,
    'without a trusted proxy a client cannot claim TLS');
});
