// The gate over real HTTP: fifty collectors press "call" for the same borrower at the same moment
// and the daily cap of connected calls (3, CN-GBT-02) is never exceeded; the outcome endpoint
// releases a slot; checks and errors name their reasons and fields.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/database.ts';
import { openTestDatabase } from '../../test/support/test-database.ts';
import { addTestUser, createStaffAccess, signInThroughForm } from '../../test/support/staff-access.ts';
import { insertAccount, insertBorrower, insertProduct } from '../../test/support/ledger-fixture.ts';
import { fixedClock } from '../stdx/clock.ts';
import { buildApp } from './app.ts';

const CONCURRENT_RESERVATIONS = 50;
let db: Db;
let app: FastifyInstance;
let base: string;
let auth: { authorization: string };

before(async () => {
  db = await openTestDatabase();
  await insertProduct(db, { id: 'loan', interestRateBp: 0, penaltyRatePpmPerDay: 0, graceDays: 0 });
  for (const [index, name] of ['zhou', 'wu'].entries()) {
    const borrower = await insertBorrower(db, name);
    // One mobile each: a call that names no number is made to the only one on file.
    await db.query(`INSERT INTO contact_point (external_id, party_id, borrower_id, kind, value)
      VALUES ($1, $2, $2, 'mobile', $3)`, [`${name}-mobile`, borrower, `1380000000${index}`]);
    await insertAccount(db, {
      externalId: `${name}-1`,
      borrowerId: borrower,
      productId: 'loan',
      openedOn: '2026-01-01',
      installments: [{ dueDate: '2026-02-01', principal: 100000n }],
    });
  }
  // 10:00 in Shanghai: inside the contact window.
  app = await buildApp({ db, clock: fixedClock(new Date('2026-03-10T02:00:00Z')) });
  auth = (await createStaffAccess(db)).headers('dialler');
  for (let agent = 0; agent <= CONCURRENT_RESERVATIONS + 1; agent += 1) {
    await addTestUser(db, `agent-${agent}`, 'collector');
  }
  await addTestUser(db, 'agent-99', 'collector');
  await addTestUser(db, 'agent-100', 'collector');
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});
after(async () => {
  await app.close();
  await db.close();
});

/** The fields the assertions read from a response. */
type Answer = {
  reserved?: boolean;
  attemptId?: string;
  dialTarget?: { contactPointId: string; kind: string; value: string } | null;
  allowed?: boolean;
  nextAllowedAt?: string | null;
  id?: string;
  identical?: boolean;
  released?: boolean;
  countsAs?: string;
  decision?: { outcomes: { ruleId: string; result: string }[] };
  error?: { reason: string; field: string | null };
};
const post = async (path: string, body: unknown) => {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Answer };
};
/** A call to Zhou, placed by the dialler for one of the agents (each a staff user). */
const call = (agent: number) => ({ accountId: 'zhou-1', channel: 'voice', agent: `agent-${agent}` });

test(`${CONCURRENT_RESERVATIONS} concurrent reservations for one borrower never exceed the cap`, async () => {
  const answers = await Promise.all(
    Array.from({ length: CONCURRENT_RESERVATIONS }, (_, agent) =>
      post('/api/v1/contact-reservations', call(agent)),
    ),
  );
  const statuses = answers.map((answer) => answer.status);
  assert.equal(statuses.filter((status) => status === 201).length, 3, `statuses: ${statuses.join(',')}`);
  assert.equal(statuses.filter((status) => status === 409).length, CONCURRENT_RESERVATIONS - 3);
  const refused = answers.find((answer) => answer.status === 409)!.json;
  assert.equal(refused.reserved, false);
  // The dial gets the full number with the reservation; a refusal gets none.
  assert.deepEqual(answers.find((answer) => answer.status === 201)!.json.dialTarget,
    { contactPointId: 'zhou-mobile', kind: 'mobile', value: '13800000000' });
  assert.equal(refused.dialTarget, null);
  const cap = refused.decision!.outcomes.find((outcome) => outcome.ruleId === 'CN-GBT-02');
  assert.equal(cap?.result, 'deny');
  const [row] = await db.query<{ n: bigint }>(`SELECT count(*) AS n FROM contact_attempt a
    JOIN party p ON p.id = a.borrower_id WHERE p.external_id = 'zhou' AND a.outcome = 'reserved'`);
  assert.equal(row?.n, 3n);
  const decisions = await db.query<{ n: bigint }>(`SELECT count(*) AS n FROM decision d
    JOIN party p ON p.id = d.borrower_id WHERE p.external_id = 'zhou'`);
  assert.equal(
    decisions[0]?.n,
    BigInt(CONCURRENT_RESERVATIONS),
    'every answer, yes or no, is a stored decision',
  );

  // A call nobody answered no longer holds a connected-call slot.
  const reserved = answers.find((answer) => answer.status === 201)!.json;
  const outcome = await post(`/api/v1/contact-attempts/${reserved.attemptId}/outcome`, {
    outcome: 'no_answer',
  });
  assert.equal(outcome.status, 200);
  assert.deepEqual([outcome.json.released, outcome.json.countsAs], [true, 'unanswered_attempt']);
  assert.equal((await post('/api/v1/contact-reservations', call(99))).status, 201);
  assert.equal((await post('/api/v1/contact-reservations', call(100))).status, 409);
});

test('contact-checks: the Decision at a given instant, stored and replayable', async () => {
  const late = await post('/api/v1/contact-checks', {
    accountId: 'wu-1',
    channel: 'voice',
    at: '2026-03-10T22:30:00+08:00',
  });
  assert.equal(late.status, 200);
  assert.equal(late.json.allowed, false);
  assert.equal(late.json.nextAllowedAt, '2026-03-11T00:00:00.000Z');
  const stored = await fetch(`${base}/api/v1/decisions/${late.json.id}`, { headers: auth });
  assert.equal(stored.status, 200);
  const replayed = await post(`/api/v1/decisions/${late.json.id}/replay`, {});
  assert.deepEqual([replayed.status, replayed.json.identical], [200, true]);
});

test('bad bodies and unknown references are refused with the field named', async () => {
  const cases: [string, unknown, number, string, string | null][] = [
    [
      '/api/v1/contact-checks',
      { accountId: 'wu-1', channel: 'pigeon' },
      400,
      'invalid_request',
      'channel',
    ],
    [
      '/api/v1/contact-checks',
      { accountId: 'nobody', channel: 'voice' },
      404,
      'unknown_account',
      'accountId',
    ],
    [
      '/api/v1/contact-reservations',
      { accountId: 'wu-1' },
      422,
      'channel_required',
      'channel',
    ],
    [
      '/api/v1/contact-reservations',
      { accountId: 'wu-1', action: 'credit_report' },
      422,
      'not_a_contact',
      'action',
    ],
    ['/api/v1/contact-attempts/999999/outcome', { outcome: 'connected' }, 404, 'unknown_attempt', null],
    ['/api/v1/contact-attempts/1/outcome', { outcome: 'reserved' }, 400, 'invalid_request', 'outcome'],
  ];
  for (const [path, body, status, reason, field] of cases) {
    const answer = await post(path, body);
    assert.equal(answer.status, status, `${path} ${JSON.stringify(body)}: ${JSON.stringify(answer.json)}`);
    assert.equal(answer.json.error?.reason, reason);
    if (field !== null) assert.equal(answer.json.error?.field, field);
  }
});

test('who acts is the principal: a body cannot claim an actor, only a dialler names an agent', async () => {
  const claimed = await post('/api/v1/contact-checks', {
    accountId: 'wu-1', channel: 'voice', actor: { kind: 'agency', id: 'x', agencyId: 'elsewhere' },
  });
  assert.deepEqual([claimed.status, claimed.json.error?.field], [400, 'actor']);
  const unknown = await post('/api/v1/contact-checks', {
    accountId: 'wu-1', channel: 'voice', agent: 'nobody',
  });
  assert.deepEqual([unknown.status, unknown.json.error?.reason], [422, 'unknown_agent']);

  await addTestUser(db, 'desk-user', 'admin');
  const collector = await signInThroughForm(app, 'desk-user');
  const asCollector = (body: unknown) => fetch(`${base}/api/v1/contact-reservations`, {
    method: 'POST', body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', cookie: collector.cookie, 'x-csrf-token': collector.csrf },
  });
  const own = await asCollector({ accountId: 'wu-1', channel: 'voice' });
  assert.equal(own.status, 201);
  const ownAnswer = (await own.json()) as Answer & { decision: { id: string } };
  const attemptId = ownAnswer.attemptId;
  const [attempt] = await db.query<{ actor_kind: string; actor_id: string }>(
    'SELECT actor_kind, actor_id FROM contact_attempt WHERE id = $1', [attemptId]);
  assert.deepEqual(attempt, { actor_kind: 'agent', actor_id: 'user:desk-user' });
  const noToken = await fetch(`${base}/api/v1/contact-reservations`, {
    method: 'POST', body: JSON.stringify({ accountId: 'wu-1', channel: 'voice' }),
    headers: { 'content-type': 'application/json', cookie: collector.cookie },
  });
  assert.equal(noToken.status, 403, 'a cookie without the CSRF token changes nothing');

  await addTestUser(db, 'team-collector', 'collector');
  const outsider = await signInThroughForm(app, 'team-collector');
  const outOfScope = await fetch(`${base}/api/v1/contact-reservations`, {
    method: 'POST', body: JSON.stringify({ accountId: 'wu-1', channel: 'voice' }),
    headers: { 'content-type': 'application/json', cookie: outsider.cookie, 'x-csrf-token': outsider.csrf },
  });
  assert.equal(outOfScope.status, 404, 'a case its team does not own is not there for a collector');
  const forAnother = await fetch(`${base}/api/v1/contact-reservations`, {
    method: 'POST', body: JSON.stringify({ accountId: 'wu-1', channel: 'voice', agent: 'agent-1' }),
    headers: { 'content-type': 'application/json', cookie: outsider.cookie, 'x-csrf-token': outsider.csrf },
  });
  assert.equal(forAnother.status, 403, 'a collector acts only as themself');
  const decisionUrl = `${base}/api/v1/decisions/${ownAnswer.decision.id}`;
  const outsiderReads = await fetch(decisionUrl, { headers: { cookie: outsider.cookie } });
  assert.equal(outsiderReads.status, 404, 'a Decision about a borrower outside the scope is not there');
  assert.equal((await fetch(decisionUrl, { headers: { cookie: collector.cookie } })).status, 200);
});
