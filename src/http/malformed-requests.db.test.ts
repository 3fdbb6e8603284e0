// Malformed input is refused with a 400 that names the field, never a 500: the eighteen requests
// of issue 12 (a NUL in text, dates and instants that do not exist or lie outside the calendar's
// range), a lone surrogate, payments of absurd amounts or value dates with the bounds just inside,
// JSON bodies whose types are wrong (not converted), and unknown properties named in the message.
// Method: the real app on a fresh test database with one account, through app.inject.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/database.ts';
import { openTestDatabase } from '../../test/support/test-database.ts';
import { createStaffAccess } from '../../test/support/staff-access.ts';
import { insertAccount, insertBorrower, insertProduct } from '../../test/support/ledger-fixture.ts';
import { PAYMENT_AMOUNT_MINOR_MAX } from '../config/limits.ts';
import { fixedClock } from '../stdx/clock.ts';
import { buildApp } from './app.ts';

let db: Db;
let app: FastifyInstance;
let auth: { authorization: string };

before(async () => {
  db = await openTestDatabase();
  await insertProduct(db, { id: 'loan', interestRateBp: 0, penaltyRatePpmPerDay: 0, graceDays: 0 });
  const borrower = await insertBorrower(db, 'li');
  await db.query(`INSERT INTO contact_point (external_id, party_id, borrower_id, kind, value)
    VALUES ('li-mobile', $1, $1, 'mobile', '13800000000')`, [borrower]);
  await insertAccount(db, {
    externalId: 'A1', borrowerId: borrower, productId: 'loan', openedOn: '2026-02-01',
    installments: [{ dueDate: '2026-03-01', principal: 100000n }],
  });
  // 10:00 on 10 March in Shanghai, the borrower's zone.
  app = await buildApp({ db, clock: fixedClock(new Date('2026-03-10T02:00:00Z')) });
  auth = (await createStaffAccess(db)).headers('admin');
});
after(async () => {
  await app.close();
  await db.close();
});

const NUL = '\u0000';
const check = (change: Record<string, unknown>) => ({
  accountId: 'A1', channel: 'voice', ...change,
});
const payment = (change: Record<string, unknown>) => ({
  idempotencyKey: 'pay-1', accountExternalId: 'A1', amountMinor: '5000', currency: 'CNY',
  valueDate: '2026-03-10', channel: 'app', ...change,
});

type Row = [name: string, method: 'GET' | 'POST', url: string, body: unknown, reason: string, field: string];
const EIGHTEEN: Row[] = [
  ['NUL in bucket', 'GET', '/api/v1/accounts?bucket=%00', undefined, 'invalid_character', 'bucket'],
  ['NUL in status', 'GET', '/api/v1/accounts?status=%00', undefined, 'invalid_character', 'status'],
  ['NUL in borrower', 'GET', '/api/v1/accounts?borrower=%00', undefined, 'invalid_character', 'borrower'],
  ['NUL as account id', 'GET', '/api/v1/accounts/%00', undefined, 'invalid_character', 'externalId'],
  ['NUL inside account id', 'GET', '/api/v1/accounts/a%00b', undefined, 'invalid_character', 'externalId'],
  ['NUL in stage', 'GET', '/api/v1/cases?stage=%00', undefined, 'invalid_character', 'stage'],
  ['NUL in a check accountId', 'POST', '/api/v1/contact-checks', check({ accountId: `A1${NUL}` }),
    'invalid_character', 'accountId'],
  ['NUL in a check agent', 'POST', '/api/v1/contact-checks',
    check({ agent: NUL }), 'invalid_character', 'agent'],
  ['NUL in a reservation accountId', 'POST', '/api/v1/contact-reservations', check({ accountId: NUL }),
    'invalid_character', 'accountId'],
  ['NUL in a reservation dialledFrom', 'POST', '/api/v1/contact-reservations',
    check({ dialledFrom: `x${NUL}` }),
    'invalid_character', 'dialledFrom'],
  ['NUL in a payment account', 'POST', '/api/v1/payments', payment({ accountExternalId: `A${NUL}1` }),
    'invalid_character', 'accountExternalId'],
  ['30 February', 'GET', '/api/v1/planned-actions?asOf=2026-02-30', undefined, 'invalid_request', 'asOf'],
  ['year 0000', 'GET', '/api/v1/planned-actions?asOf=0000-01-01', undefined, 'invalid_request', 'asOf'],
  ['month 13', 'GET', '/api/v1/planned-actions?asOf=2026-13-01', undefined, 'invalid_request', 'asOf'],
  ['snapshots to 30 February', 'GET', '/api/v1/snapshots?from=2026-02-01&to=2026-02-30', undefined,
    'invalid_request', 'to'],
  ['a leap second', 'POST', '/api/v1/contact-checks', check({ at: '2016-12-31T23:59:60Z' }),
    'invalid_request', 'at'],
  ['year 9999', 'POST', '/api/v1/contact-checks', check({ at: '9999-12-31T23:59:59Z' }),
    'invalid_request', 'at'],
  ['year 0000 instant', 'POST', '/api/v1/contact-checks', check({ at: '0000-01-01T00:00:00Z' }),
    'invalid_request', 'at'],
];

async function send(method: 'GET' | 'POST', url: string, body?: unknown) {
  const payload = body === undefined ? {} : { payload: body as object };
  const response = await app.inject({ method, url, ...payload, headers: auth });
  return { status: response.statusCode, json: response.json() as { error?: Record<string, unknown> } };
}

test('the eighteen malformed requests of issue 12 each get a 400 naming the field', async () => {
  assert.equal(EIGHTEEN.length, 18);
  for (const [name, method, url, body, reason, field] of EIGHTEEN) {
    const answer = await send(method, url, body);
    assert.deepEqual(
      [answer.status, answer.json.error?.reason, answer.json.error?.field], [400, reason, field],
      `${name}: ${JSON.stringify(answer.json)}`,
    );
  }
});

test('a lone surrogate is refused like a NUL; the message names the character, not the value', async () => {
  const body = check({ agent: 'x\ud800' });
  const answer = await send('POST', '/api/v1/contact-checks', body);
  assert.equal(answer.status, 400);
  assert.deepEqual(answer.json.error, {
    reason: 'invalid_character', field: 'agent',
    message: 'agent holds a lone UTF-16 surrogate (U+D800)',
  });
});

test('the same requests without the bad character or date are answered', async () => {
  for (const url of [
    '/api/v1/accounts?bucket=M0', '/api/v1/accounts/A1', '/api/v1/cases?stage=x',
    '/api/v1/planned-actions?asOf=2026-02-28', '/api/v1/snapshots?from=2026-02-01&to=2026-02-28',
  ]) {
    assert.equal((await send('GET', url)).status, 200, url);
  }
  const allowedAt = await send('POST', '/api/v1/contact-checks', check({ at: '2026-03-10T10:00:00+08:00' }));
  assert.equal(allowedAt.status, 200, JSON.stringify(allowedAt.json));
});

test('payments: amounts above the currency bound and value dates out of range are refused', async () => {
  const max = PAYMENT_AMOUNT_MINOR_MAX.CNY!;
  const refused: [Record<string, unknown>, string, string][] = [
    [{ amountMinor: '999999999999999999' }, 'amount_out_of_range', 'amountMinor'],
    [{ amountMinor: String(max + 1n) }, 'amount_out_of_range', 'amountMinor'],
    [{ valueDate: '0001-01-01' }, 'invalid_request', 'valueDate'],
    [{ valueDate: '2099-01-01' }, 'value_date_out_of_range', 'valueDate'],
    [{ valueDate: '2026-03-14' }, 'value_date_out_of_range', 'valueDate'],
    [{ valueDate: '2026-01-31' }, 'value_date_out_of_range', 'valueDate'],
  ];
  for (const [change, reason, field] of refused) {
    const answer = await send('POST', '/api/v1/payments', payment({ ...change, idempotencyKey: 'refused' }));
    assert.deepEqual(
      [answer.status, answer.json.error?.reason, answer.json.error?.field], [400, reason, field],
      JSON.stringify(change),
    );
  }
  const [none] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM payment');
  assert.equal(none?.n, 0);
  // Just inside: the bound itself, the opening date, and today plus three days in Shanghai.
  const allowed = [{ amountMinor: String(max) }, { valueDate: '2026-02-01' }, { valueDate: '2026-03-13' }];
  for (const [index, change] of allowed.entries()) {
    const body = payment({ ...change, idempotencyKey: `ok-${index}` });
    const answer = await send('POST', '/api/v1/payments', body);
    assert.equal(answer.status, 201, `${JSON.stringify(change)}: ${JSON.stringify(answer.json)}`);
  }
});

test('JSON bodies are not converted to the schema types; query strings still are', async () => {
  const wrongTypes: [string, unknown, string][] = [
    ['/api/v1/payments', payment({ idempotencyKey: 123 }), 'idempotencyKey'],
    ['/api/v1/payments', payment({ amountMinor: 5000 }), 'amountMinor'],
    ['/api/v1/contact-attempts/1/outcome', { outcome: 'no_answer', durationSeconds: true },
      'durationSeconds'],
    ['/api/v1/contact-checks', check({ voicemail: 'true' }), 'voicemail'],
  ];
  for (const [url, body, field] of wrongTypes) {
    const answer = await send('POST', url, body);
    assert.deepEqual([answer.status, answer.json.error?.reason, answer.json.error?.field],
      [400, 'invalid_request', field], JSON.stringify(body));
  }
  const page = await send('GET', '/api/v1/accounts?limit=1');
  assert.equal(page.status, 200);
});

test('an unknown property is named, in the field and in the message', async () => {
  const nested = await send('POST', '/api/v1/contact-checks', check({
    visit: { staff: 2, identityConfirmed: true, authorisationConfirmed: true, nickname: 'x' },
  }));
  assert.deepEqual(nested.json.error, {
    reason: 'invalid_request', field: 'visit.nickname',
    message: 'body has an unknown property "visit.nickname"',
  });
  const top = await send('POST', '/api/v1/payments', payment({ colour: 'red' }));
  assert.deepEqual([top.status, top.json.error?.field, top.json.error?.message],
    [400, 'colour', 'body has an unknown property "colour"']);
});

test('a number too large to be finite is refused, in a query string and in a JSON body', async () => {
  for (const url of ['/api/v1/cases?limit=1e309', '/api/v1/accounts?limit=1e309']) {
    const answer = await send('GET', url);
    assert.deepEqual([answer.status, answer.json.error?.reason, answer.json.error?.field],
      [400, 'invalid_request', 'limit'], url);
  }
  const body = await app.inject({
    method: 'POST', url: '/api/v1/contact-attempts/1/outcome',
    headers: { 'content-type': 'application/json', ...auth },
    payload: '{"outcome":"no_answer","durationSeconds":1e309}',
  });
  assert.deepEqual([body.statusCode, body.json().error.field], [400, 'durationSeconds']);
});
