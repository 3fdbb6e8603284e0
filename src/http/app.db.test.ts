// The HTTP API and console against a real database: every read endpoint on a small portfolio after
// real cycles, idempotent payments with a key conflict, validation errors that name the field,
// the console's aging table, and an OpenAPI document that validates and covers every route.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { Db } from '../db/database.ts';
import { openTestDatabase } from '../../test/support/test-database.ts';
import { createStaffAccess } from '../../test/support/staff-access.ts';
import { insertAccount, insertBorrower, insertProduct } from '../../test/support/ledger-fixture.ts';
import { runCycle } from '../app/cycle/run-cycle.ts';
import { addDays } from '../stdx/civil-date.ts';
import { buildApp, registeredRoutes } from './app.ts';

let db: Db;
let app: FastifyInstance;
let auth: { authorization: string };

before(async () => {
  db = await openTestDatabase();
  await insertProduct(db, { id: 'loan', interestRateBp: 0, penaltyRatePpmPerDay: 500, graceDays: 3 });
  await insertProduct(db, {
    id: 'us-loan', currency: 'USD', jurisdiction: 'US', interestRateBp: 3000, penaltyRatePpmPerDay: 0,
  });
  const alice = await insertBorrower(db, 'alice');
  const bob = await insertBorrower(db, 'bob', 'America/Chicago');
  await insertAccount(db, { externalId: 'A1', borrowerId: alice, productId: 'loan', openedOn: '2026-02-01',
    installments: [{ dueDate: '2026-03-01', principal: 100000n, interest: 1000n }] });
  await insertAccount(db, {
    externalId: 'B1', borrowerId: bob, productId: 'us-loan', currency: 'USD', openedOn: '2026-02-01',
    installments: [{ dueDate: '2026-03-20', principal: 50000n }],
  });
  for (let date = '2026-03-01'; date <= '2026-03-12'; date = addDays(date, 1)) {
    assert.ok((await runCycle({ db, asOf: date })).ok);
  }
  app = await buildApp({ db });
  auth = (await createStaffAccess(db)).headers('admin');
});
after(async () => {
  await app.close();
  await db.close();
});

async function get(url: string) {
  const response = await app.inject({ method: 'GET', url, headers: auth });
  return {
    status: response.statusCode, json: () => response.json(), body: response.body,
    type: response.headers['content-type'],
  };
}

test('accounts: list, filter by bucket, detail with installments and the penalty explanation', async () => {
  const list = await get('/api/v1/accounts?limit=10');
  assert.equal(list.status, 200);
  assert.deepEqual(list.json().accounts.map((row: { externalId: string; dpd: number; bucket: string }) =>
    [row.externalId, row.dpd, row.bucket]), [['A1', 8, 'M1'], ['B1', 0, 'M0']]);
  const m1 = await get('/api/v1/accounts?bucket=M1');
  assert.deepEqual(m1.json().accounts.map((row: { externalId: string }) => row.externalId), ['A1']);
  const detail = await get('/api/v1/accounts/A1');
  assert.equal(detail.status, 200);
  const body = detail.json();
  assert.equal(body.status, 'frozen');
  assert.equal(body.installments[0].penaltyAccruedMinor, '550');
  assert.match(body.penaltyTerms.explanation, /0\.05% a day of the overdue principal/);
  assert.equal(body.costCheck.reason, 'within_cost_cap');
  const missing = await get('/api/v1/accounts/nope');
  assert.equal(missing.status, 404);
  assert.equal(missing.json().error.reason, 'unknown_account');
});

test('cases and planned actions', async () => {
  const cases = (await get('/api/v1/cases?status=open')).json().cases;
  assert.equal(cases.length, 1);
  assert.equal(cases[0].stage, 'phone_collection');
  const detail = (await get(`/api/v1/cases/${cases[0].id}`)).json();
  assert.ok(detail.plannedActions.some((action: { action: string }) => action.action === 'collector_call'));
  const planned = (await get('/api/v1/planned-actions?asOf=2026-03-12')).json();
  assert.ok(planned.plannedActions.length >= 1);
  const badDate = await get('/api/v1/planned-actions?asOf=12-03-2026');
  assert.equal(badDate.status, 400);
  assert.equal(badDate.json().error.field, 'asOf');
});

test('delinquency, snapshots and products', async () => {
  const aging = (await get('/api/v1/delinquency')).json();
  assert.equal(aging.asOf, '2026-03-12');
  assert.deepEqual(aging.snapshot.buckets.map((row: { currency: string; bucket: string; accounts: number }) =>
    [row.currency, row.bucket, row.accounts]), [['CNY', 'M1', 1], ['USD', 'M0', 1]]);
  const snapshots = (await get('/api/v1/snapshots?from=2026-03-04&to=2026-03-05')).json().snapshots;
  assert.deepEqual(snapshots.map((day: { asOf: string }) => day.asOf), ['2026-03-04', '2026-03-05']);
  const roll = snapshots[1].rollRates.find((rate: { fromBucket: string }) => rate.fromBucket === 'M0');
  assert.deepEqual({ accounts: roll.accounts, base: roll.base }, { accounts: 1, base: 2 });
  const products = (await get('/api/v1/products')).json().products;
  assert.deepEqual(
    products.map((row: { id: string; costCheck: { exceedsCap: boolean } }) =>
      [row.id, row.costCheck.exceedsCap]),
    [['loan', false], ['us-loan', true]],
  );
});

test('payments: created, replayed with the same body, conflicting with another body, validated', async () => {
  const body = {
    idempotencyKey: 'k-1', accountExternalId: 'A1', amountMinor: '5000', currency: 'CNY',
    valueDate: '2026-03-12', channel: 'app',
  };
  const first = await app.inject({ method: 'POST', url: '/api/v1/payments', payload: body, headers: auth });
  assert.equal(first.statusCode, 201);
  const again = await app.inject({ method: 'POST', url: '/api/v1/payments', payload: body, headers: auth });
  assert.equal(again.statusCode, 200);
  assert.deepEqual(again.json(), first.json());
  const conflict = await app.inject({
    headers: auth,
    method: 'POST', url: '/api/v1/payments', payload: { ...body, amountMinor: '6000' },
  });
  assert.equal(conflict.statusCode, 409);
  assert.equal(conflict.json().error.reason, 'payment_key_conflict');
  const [count] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM payment WHERE idempotency_key = 'k-1'`,
  );
  assert.equal(count?.n, 1);
  const negative = await app.inject({
    headers: auth,
    method: 'POST', url: '/api/v1/payments', payload: { ...body, idempotencyKey: 'k-2', amountMinor: '-5' },
  });
  assert.equal(negative.statusCode, 400);
  assert.equal(negative.json().error.field, 'amountMinor');
  const unknown = await app.inject({
    headers: auth,
    method: 'POST', url: '/api/v1/payments',
    payload: { ...body, idempotencyKey: 'k-3', accountExternalId: 'X' },
  });
  assert.equal(unknown.statusCode, 422);
  assert.equal(unknown.json().error.reason, 'unknown_account');
});

test('the console shows the aging table and the roll-rate chart data', async () => {
  const page = await get('/console');
  assert.equal(page.status, 200);
  assert.match(page.type ?? '', /text\/html/);
  assert.match(page.body, /<table class="aging" data-currency="CNY">/);
  assert.match(page.body, /<tr><td>M1<\/td><td>1<\/td><td>100\.0%<\/td><td>¥1,015\.50<\/td>/);
  assert.match(page.body, /"M0→M1"/);
  const script = await get('/assets/echarts.min.js');
  assert.equal(script.status, 200);
  assert.ok(script.body.length > 100_000);
});

test('/api/openapi.json is a valid OpenAPI 3 document covering every route', async () => {
  const document = (await get('/api/openapi.json')).json();
  const result = await new Validator().validate(document);
  assert.equal(result.valid, true, JSON.stringify(result.errors));
  assert.match(document.openapi, /^3\./);
  for (const route of registeredRoutes(app)) {
    const path = route.url.replace(/:(\w+)/g, '{$1}');
    assert.ok(
      document.paths[path]?.[route.method.toLowerCase()], `${route.method} ${route.url} is in the document`,
    );
  }
  assert.ok(registeredRoutes(app).length >= 12);
});
