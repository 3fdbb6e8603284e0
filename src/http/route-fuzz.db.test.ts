// No request makes the server fail: every registered route is driven with generated path
// parameters, query strings and JSON bodies, shaped by the route's own schemas so that many reach
// the handler, and salted with what has broken it before (NUL, lone surrogates, days that do not
// exist, years 0000 and 9999, leap seconds, out-of-range and wrongly typed numbers, unknown keys,
// malformed JSON). At least 10,000 requests per run, and no answer may be 500 or above. Method: the
// real app (app.inject) on a fresh test database with a small portfolio, so real ids find rows.
// The run prints its seed; FAIRCOLLECT_FUZZ_SEED=<seed> replays it, FAIRCOLLECT_FUZZ_RUNS raises it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/database.ts';
import { openTestDatabase } from '../../test/support/test-database.ts';
import { createStaffAccess, type StaffAccess } from '../../test/support/staff-access.ts';
import { insertAccount, insertBorrower, insertProduct } from '../../test/support/ledger-fixture.ts';
import { runCycle } from '../app/cycle/run-cycle.ts';
import { fixedClock } from '../stdx/clock.ts';
import { buildApp, registeredRoutes, type RegisteredRoute } from './app.ts';

const REQUESTS_MIN = 10_000;
const RUNS = Math.max(REQUESTS_MIN, Number(process.env.FAIRCOLLECT_FUZZ_RUNS ?? REQUESTS_MIN));
const SEED = process.env.FAIRCOLLECT_FUZZ_SEED === undefined
  ? randomInt(2 ** 31) : Number(process.env.FAIRCOLLECT_FUZZ_SEED);

let db: Db;
let app: FastifyInstance;
let access: StaffAccess;
/** Ids that exist in the database, so generated requests also reach rows, not only 404s. */
const known: string[] = ['A1', 'B1', 'li', 'wang', 'li-mobile', 'M0', 'M1', 'open', 'closed', 'CNY', 'USD'];

before(async () => {
  db = await openTestDatabase();
  await insertProduct(db, { id: 'loan', interestRateBp: 0, penaltyRatePpmPerDay: 500, graceDays: 3 });
  await insertProduct(db, { id: 'us-loan', currency: 'USD', jurisdiction: 'US', penaltyRatePpmPerDay: 0 });
  const li = await insertBorrower(db, 'li');
  const wang = await insertBorrower(db, 'wang', 'America/Chicago');
  await db.query(`INSERT INTO contact_point (external_id, party_id, borrower_id, kind, value)
    VALUES ('li-mobile', $1, $1, 'mobile', '13800000000')`, [li]);
  await insertAccount(db, { externalId: 'A1', borrowerId: li, productId: 'loan', openedOn: '2026-01-01',
    installments: [{ dueDate: '2026-02-01', principal: 100000n }] });
  await insertAccount(db, { externalId: 'B1', borrowerId: wang, productId: 'us-loan', currency: 'USD',
    openedOn: '2026-01-01', installments: [{ dueDate: '2026-03-20', principal: 50000n }] });
  for (const asOf of ['2026-03-09', '2026-03-10']) assert.ok((await runCycle({ db, asOf })).ok);
  app = await buildApp({ db, clock: fixedClock(new Date('2026-03-10T02:00:00Z')) });
  access = await createStaffAccess(db);
  const reserved = await app.inject({ method: 'POST', url: '/api/v1/contact-reservations',
    payload: { accountId: 'A1', channel: 'voice' }, headers: access.headers('admin') });
  assert.equal(reserved.statusCode, 201, reserved.body);
  known.push(reserved.json().attemptId, reserved.json().decision.id);
  const cases = await db.query<{ id: bigint }>('SELECT id FROM collection_case');
  assert.ok(cases.length > 0, 'the cycles opened a case');
  known.push(...cases.map((row) => String(row.id)));
});
after(async () => {
  await app.close();
  await db.close();
});

test(`every route, ${RUNS} generated requests: no answer is 500 or above`, async (t) => {
  process.stdout.write(`route fuzz: seed=${SEED} runs=${RUNS} (replay: FAIRCOLLECT_FUZZ_SEED=${SEED})\n`);
  t.diagnostic(`seed=${SEED}`);
  const routes = registeredRoutes(app);
  assert.ok(routes.length >= 15, 'every route is registered');
  /** Answers per route and status, printed so a reader sees what the run reached. */
  const statuses = new Map<string, number>();
  let sent = 0;
  // Routes without input of their own (pages, health, the OpenAPI document) vary only by a stray
  // query string, so they are drawn less often and the run's time goes to the routes that read input.
  const weighted = routes.map((route) => ({
    weight: [route.schema.params, route.schema.querystring, route.schema.body].some(Boolean) ? 6 : 1,
    arbitrary: requestFor(route).map((request) => ({ name: `${route.method} ${route.url}`, request })),
  }));
  // Mostly as an admin, so requests reach every handler; sometimes as a collector, a dialler, or nobody.
  const who = fc.oneof(
    { weight: 12, arbitrary: fc.constant(access.headers('admin')) },
    { weight: 1, arbitrary: fc.constant(access.headers('collector')) },
    { weight: 1, arbitrary: fc.constant(access.headers('dialler')) },
    { weight: 1, arbitrary: fc.constant({}) },
  );
  await fc.assert(fc.asyncProperty(fc.oneof(...weighted), who, async ({ name, request }, headers) => {
    const response = await app.inject({ ...request, headers: { ...request.headers, ...headers } });
    sent += 1;
    const key = `${name} ${response.statusCode}`;
    statuses.set(key, (statuses.get(key) ?? 0) + 1);
    assert.ok(response.statusCode < 500, `${response.statusCode} ${response.body}`);
  }), { seed: SEED, numRuns: RUNS });
  t.diagnostic(`answers: ${[...statuses].sort().map(([key, count]) => `${key}: ${count}`).join(', ')}`);
  assert.ok(sent >= REQUESTS_MIN, `${sent} requests sent`);
  // The generator must reach the handlers, not only the validation: some answers are successes.
  assert.ok([...statuses.keys()].some((key) => / 2\d\d$/.test(key)), 'some requests succeed');
});

type Injected = {
  method: 'GET' | 'POST'; url: string; payload?: string; headers?: Record<string, string>;
};

/** One request for a route: its path with generated parameters, a query string and maybe a body. */
function requestFor(route: RegisteredRoute): fc.Arbitrary<Injected> {
  const paramNames = [...route.url.matchAll(/:(\w+)/g)].map((match) => match[1]!);
  const paramSchemas = propertiesOf(route.schema.params);
  const params = fc.tuple(...paramNames.map((name) => textFor(paramSchemas[name])));
  const query = fc.oneof(
    { weight: 4, arbitrary: objectFor(route.schema.querystring) },
    { weight: 1, arbitrary: fc.dictionary(hostileText, hostileText, { maxKeys: 3 }) },
  );
  const body = route.method === 'POST'
    ? bodyFor(route.schema.body, EXAMPLES[route.url]) : fc.constant(undefined);
  return fc.tuple(params, query, body).map(([values, search, payload]) => {
    let path = route.url;
    paramNames.forEach((name, index) => {
      path = path.replace(`:${name}`, encodeText(String(values[index])));
    });
    const pairs = Object.entries(search as Record<string, unknown>)
      .flatMap(([key, value]) => (Array.isArray(value) ? value : [value]).map((item) =>
        `${encodeText(key)}=${encodeText(typeof item === 'string' ? item : JSON.stringify(item) ?? '')}`));
    const url = pairs.length === 0 ? path : `${path}?${pairs.join('&')}`;
    const method = route.method as 'GET' | 'POST';
    if (payload === undefined) return { method, url };
    return { method, url, payload, headers: { 'content-type': 'application/json' } };
  });
}

/** A body each POST route answers with a success, which the generator changes one property of. */
const EXAMPLES: Readonly<Record<string, Record<string, unknown>>> = {
  '/api/v1/payments': {
    idempotencyKey: 'fuzz-1', accountExternalId: 'A1', amountMinor: '5000', currency: 'CNY',
    valueDate: '2026-03-10', channel: 'app',
  },
  '/api/v1/contact-checks': { accountId: 'A1', channel: 'voice' },
  '/api/v1/contact-reservations': { accountId: 'A1', channel: 'sms' },
  '/api/v1/contact-attempts/:id/outcome': { outcome: 'no_answer' },
};

/**
 * A JSON body: a valid example with one property replaced or added, one generated from the schema
 * alone, any JSON, or text that is not JSON at all.
 */
function bodyFor(schema: unknown, example: Record<string, unknown> | undefined): fc.Arbitrary<string> {
  const properties = Object.entries(propertiesOf(schema));
  const changed = example === undefined || properties.length === 0 ? objectFor(schema)
    : fc.oneof(...properties.map(([name, child]) =>
      valueFor(child).map((value) => ({ ...example, [name]: value }))));
  return fc.oneof(
    { weight: 12, arbitrary: changed.map((value) => JSON.stringify(value)) },
    { weight: 4, arbitrary: objectFor(schema).map((value) => JSON.stringify(value)) },
    { weight: 1, arbitrary: hostileJson.map((value) => JSON.stringify(value) ?? 'null') },
    { weight: 1, arbitrary: notJson },
  );
}

const notJson = fc.constantFrom('', '{', '{"a":', 'nul', '[1,]', '{"__proto__":{"x":1}}', '"\\u0000"');

type Schema = {
  type?: string; properties?: Record<string, Schema>; required?: string[]; items?: Schema; enum?: unknown[];
  const?: unknown; anyOf?: Schema[]; oneOf?: Schema[]; format?: string; pattern?: string;
  minimum?: number; maximum?: number; additionalProperties?: unknown;
};

function propertiesOf(schema: unknown): Record<string, Schema> {
  return (schema as Schema | undefined)?.properties ?? {};
}

/** An object with the schema's properties (some left out, some wrong), now and then an unknown key. */
function objectFor(schema: unknown): fc.Arbitrary<Record<string, unknown>> {
  const properties = propertiesOf(schema);
  const values = Object.fromEntries(
    Object.entries(properties).map(([name, child]) => [name, valueFor(child)]),
  );
  const required = ((schema as Schema | undefined)?.required ?? []).filter((name) => name in values);
  const object = fc.oneof(
    { weight: 5, arbitrary: fc.record(values, { requiredKeys: required }) },
    { weight: 1, arbitrary: fc.record(values, { requiredKeys: [] }) },
  );
  const extra = fc.oneof(
    { weight: 7, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.tuple(hostileText, hostileJson) },
  );
  return fc.tuple(object, extra).map(([value, unknown]) =>
    unknown === null ? value : { ...value, [unknown[0]]: unknown[1] });
}

/** A value for a schema: usually one it describes, sometimes one it must refuse. */
function valueFor(schema: Schema | undefined): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 12, arbitrary: fittingValue(schema) }, { weight: 1, arbitrary: hostileJson });
}

function fittingValue(schema: Schema | undefined): fc.Arbitrary<unknown> {
  if (schema === undefined) return hostileJson;
  if (schema.enum !== undefined) return fc.constantFrom(...schema.enum);
  if (schema.const !== undefined) return fc.constant(schema.const);
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices !== undefined) return fc.oneof(...choices.map(fittingValue));
  switch (schema.type) {
    case 'object': return objectFor(schema);
    case 'array': return fc.array(valueFor(schema.items), { maxLength: 3 });
    case 'integer': return fc.oneof(
      fc.integer({ min: schema.minimum ?? -5, max: Math.min(schema.maximum ?? 1_000, 2 ** 31) }),
      fc.constantFrom(-1, 0, 2 ** 31, 2 ** 53 + 2, 1e21));
    case 'number': return fc.double({ noNaN: true });
    case 'boolean': return fc.boolean();
    case 'string': return textFor(schema);
    default: return hostileJson;
  }
}

/** Text for a string schema: dates and instants near the portfolio's, real ids, pattern matches. */
function textFor(schema: Schema | undefined): fc.Arbitrary<string> {
  const fitting: fc.Arbitrary<string>[] = [fc.constantFrom(...known)];
  if (schema?.format === 'date') fitting.push(civilDates);
  if (schema?.format === 'date-time') fitting.push(instants);
  if (schema?.pattern !== undefined) fitting.push(fc.stringMatching(new RegExp(schema.pattern)));
  return fc.oneof({ weight: 6, arbitrary: fc.oneof(...fitting) }, { weight: 1, arbitrary: hostileText });
}

const civilDates = fc.tuple(fc.integer({ min: 2025, max: 2027 }), fc.integer({ min: 1, max: 12 }),
  fc.integer({ min: 1, max: 31 })).map(([year, month, day]) =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
const zones = fc.constantFrom('Z', '+08:00', '-05:00', '+24:00');
const instants = fc.tuple(civilDates, fc.integer({ min: 0, max: 24 }), zones)
  .map(([date, hour, zone]) => `${date}T${String(hour).padStart(2, '0')}:30:00${zone}`);

/** Every UTF-16 code unit, lone surrogates and NUL included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
const anyCodeUnits = fc.string({ unit: codeUnit, maxLength: 12 });
const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', '\u0000', 'A1\u0000', '\ud800', 'x\udfff', '\ud83d\ude00', '2026-02-30', '0000-01-01',
    '2026-13-01', '9999-12-31', '2016-12-31T23:59:60Z', '9999-12-31T23:59:59Z', '0000-01-01T00:00:00Z',
    '2026-02-30T08:30:00-05:00', '-1', '0', '999999999999999999', '9'.repeat(40), '1e309', 'NaN',
    '__proto__', 'constructor', "'; DROP TABLE account; --", '%00', '../..', 'a'.repeat(300)),
  anyCodeUnits,
  fc.string({ maxLength: 20 }),
);
const hostileJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true },
    hostileText, fc.constantFrom(null, true, false, 0, -1, 1.5, 2 ** 53 + 2, -1e308, 1e308),
    fc.integer(), fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(hostileText, tie('value'), { maxKeys: 3 })),
})).value;

/**
 * Percent-encodes text for a URL, lone surrogates included (as the three bytes WTF-8 gives them,
 * which no UTF-8 decoder accepts), where encodeURIComponent would throw.
 */
function encodeText(text: string): string {
  let encoded = '';
  for (const character of text) {
    const code = character.charCodeAt(0);
    if (character.length === 1 && code >= 0xd800 && code <= 0xdfff) {
      encoded += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((byte) => `%${byte.toString(16).toUpperCase()}`).join('');
    } else {
      encoded += encodeURIComponent(character);
    }
  }
  return encoded;
}
