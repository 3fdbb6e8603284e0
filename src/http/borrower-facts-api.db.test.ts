// The facts API end to end: an attorney, an employer's prohibition of calls at work and an "only
// evenings" statement are recorded over HTTP (app.inject), and the gate's next checks refuse
// accordingly, citing the rule that reads each fact; errors name their field, and who recorded a fact
// comes from the request's principal, never from its body.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/database.ts';
import { openTestDatabase } from '../../test/support/test-database.ts';
import { createStaffAccess } from '../../test/support/staff-access.ts';
import { insertAccount, insertBorrower, insertProduct } from '../../test/support/ledger-fixture.ts';
import { fixedClock } from '../stdx/clock.ts';
import { buildApp } from './app.ts';

let db: Db;
let app: FastifyInstance;
let auth: { authorization: string };
// 11:00 in New York (EDT): inside Regulation F's 08:00–21:00.
const NOW = '2026-03-10T15:00:00Z';

before(async () => {
  db = await openTestDatabase();
  await insertProduct(db, { id: 'us-loan', jurisdiction: 'US', currency: 'USD', interestRateBp: 0,
    penaltyRatePpmPerDay: 0, graceDays: 0 });
  for (const name of ['ava', 'ben']) {
    const borrower = await insertBorrower(db, name, 'America/New_York');
    for (const [suffix, kind] of [['mobile', 'mobile'], ['work', 'landline']] as const) {
      await db.query(`INSERT INTO contact_point (external_id, party_id, borrower_id, kind, value)
        VALUES ($1, $2, $2, $3, $4)`, [`${name}-${suffix}`, borrower, kind, `212555${suffix.length}000`]);
    }
    await insertAccount(db, { externalId: `${name}-1`, borrowerId: borrower, productId: 'us-loan',
      openedOn: '2026-01-01', currency: 'USD',
      installments: [{ dueDate: '2026-02-01', principal: 100000n }] });
  }
  app = await buildApp({ db, clock: fixedClock(new Date(NOW)) });
  auth = (await createStaffAccess(db)).headers('admin');
});
after(async () => {
  await app.close();
  await db.close();
});

type Outcome = { ruleId: string; result: string; reason: string; nextAllowedAt?: string };
type Answer = {
  id?: string; allowed?: boolean; outcomes?: Outcome[];
  error?: { reason: string; field: string | null };
};
const post = async (url: string, payload: unknown) => {
  const response = await app.inject({ method: 'POST', url, payload: payload as object, headers: auth });
  return { status: response.statusCode, json: response.json<Answer>() };
};
const check = async (name: string, number: string) => {
  const answer = await post('/api/v1/contact-checks', { accountId: `${name}-1`, channel: 'voice',
    contactPointId: `${name}-${number}`, at: NOW });
  assert.equal(answer.status, 200, JSON.stringify(answer.json));
  return answer.json;
};
const outcomeOf = (answer: Answer, ruleId: string) => {
  const outcome = answer.outcomes!.find((item) => item.ruleId === ruleId)!;
  return [outcome.result, outcome.reason];
};

test('a work-call prohibition refuses the work number, not the mobile', async () => {
  assert.deepEqual(outcomeOf(await check('ava', 'work'), 'US-02'), ['allow', 'place_not_known_inconvenient']);
  const flagged = await post('/api/v1/contact-points/ava-work/flags', { workplace: true });
  assert.deepEqual([flagged.status, flagged.json], [200, { workplace: true, employerProvided: false }]);
  assert.equal((await post('/api/v1/parties/ava/employer-prohibition', { prohibits: true })).status, 200);
  const work = await check('ava', 'work');
  assert.equal(work.allowed, false);
  assert.deepEqual(outcomeOf(work, 'US-02'), ['deny', 'employer_prohibits_contact']);
  const mobile = await check('ava', 'mobile');
  assert.deepEqual(outcomeOf(mobile, 'US-02'), ['allow', 'place_not_known_inconvenient']);
});

test('"only evenings" refuses a call at 11:00 until 18:00 New York', async () => {
  assert.deepEqual(outcomeOf(await check('ava', 'mobile'), 'US-01'), ['allow', 'within_contact_window']);
  const recorded = await post('/api/v1/parties/ava/contact-times', { from: '18:00', until: '21:00',
    onlyThen: true });
  assert.equal(recorded.status, 201);
  const answer = await check('ava', 'mobile');
  assert.equal(answer.allowed, false);
  const outcome = answer.outcomes!.find((item) => item.ruleId === 'US-01')!;
  assert.deepEqual([outcome.result, outcome.reason, outcome.nextAllowedAt],
    ['deny', 'outside_only_convenient_time', '2026-03-10T22:00:00.000Z']);
  const [row] = await db.query<{ recorded_by: string; daily_from: string; only_then: boolean }>(
    `SELECT recorded_by, daily_from, only_then FROM agreement WHERE id = $1`, [BigInt(recorded.json.id!)]);
  assert.deepEqual(row, { recorded_by: 'token:test-admin-1', daily_from: '18:00', only_then: true });
});

test('an attorney refuses contact with the borrower until the attorney fails to respond', async () => {
  assert.deepEqual(outcomeOf(await check('ben', 'mobile'), 'US-17'), ['allow', 'no_attorney_known']);
  const recorded = await post('/api/v1/borrowers/ben/attorneys', { accountId: 'ben-1', name: 'Dana Reyes',
    firm: 'Reyes & Hart LLP', phone: '+12125550199' });
  assert.equal(recorded.status, 201);
  const represented = await check('ben', 'mobile');
  assert.equal(represented.allowed, false);
  assert.deepEqual(outcomeOf(represented, 'US-17'), ['deny', 'represented_by_attorney']);
  const failed = await post(`/api/v1/attorney-representations/${recorded.json.id}/events`,
    { event: 'failed_to_respond' });
  assert.equal(failed.status, 200);
  assert.deepEqual(outcomeOf(await check('ben', 'mobile'), 'US-17'), ['allow', 'attorney_failed_to_respond']);
});

test('a stated inconvenient time refuses, and its withdrawal lifts it', async () => {
  const stated = await post('/api/v1/parties/ben/inconvenient-times', { from: '09:00', until: '12:00' });
  assert.equal(stated.status, 201);
  assert.deepEqual(outcomeOf(await check('ben', 'mobile'), 'US-01'), ['deny', 'stated_inconvenient_time']);
  const withdrawn = await post(`/api/v1/stated-inconveniences/${stated.json.id}/withdrawal`, {});
  assert.equal(withdrawn.status, 200);
  assert.deepEqual(outcomeOf(await check('ben', 'mobile'), 'US-01'), ['allow', 'within_contact_window']);
  const place = await post('/api/v1/parties/ben/inconvenient-places', { place: 'contact_point',
    contactPointId: 'ben-work' });
  assert.equal(place.status, 201);
  assert.deepEqual(outcomeOf(await check('ben', 'work'), 'US-02'), ['deny', 'stated_inconvenient_place']);
});

test('bad input names its field; the recorder cannot be chosen by the caller', async () => {
  const cases: Array<[string, unknown, number, string, string | null]> = [
    ['/api/v1/parties/nobody/employer-prohibition', { prohibits: true }, 404, 'unknown_party', 'partyId'],
    ['/api/v1/parties/ava/inconvenient-places', { place: 'contact_point' }, 400, 'contact_point_id_for_place',
      'contactPointId'],
    ['/api/v1/parties/ava/inconvenient-places', { place: 'contact_point', contactPointId: 'ben-work' }, 404,
      'unknown_contact_point', 'contactPointId'],
    ['/api/v1/parties/ava/inconvenient-times', { from: '12:00', until: '12:00' }, 400, 'empty_time_range',
      'until'],
    ['/api/v1/parties/ava/contact-times', { from: '21:00', until: '18:00', onlyThen: true }, 400,
      'empty_time_range', 'until'],
    ['/api/v1/borrowers/ava/attorneys', { name: 'X', learnedAt: '2026-03-11T00:00:00Z' }, 422,
      'instant_in_future', 'learnedAt'],
    ['/api/v1/borrowers/ava/attorneys', { name: 'X', accountId: 'ben-1' }, 422, 'unknown_account',
      'accountId'],
    ['/api/v1/borrowers/ava-mobile/attorneys', { name: 'X' }, 404, 'unknown_borrower', 'borrowerId'],
  ];
  for (const [url, payload, status, reason, field] of cases) {
    const answer = await post(url, payload);
    const { error } = answer.json;
    assert.deepEqual([answer.status, error?.reason, error?.field], [status, reason, field],
      `${url} ${JSON.stringify(payload)}`);
  }
  const named = await post('/api/v1/parties/ava/inconvenient-times', { from: '08:00', until: '09:00',
    recordedBy: 'someone-else' });
  assert.equal(named.status, 400);
  assert.equal(named.json.error?.field, 'recordedBy');
});

test('each recorded fact is in the audit trail under the principal who recorded it', async () => {
  const events = await db.query<{ actor: string; detail: { route: string } }>(
    `SELECT actor, detail FROM audit_event WHERE action = 'fact.recorded' ORDER BY seq`);
  assert.ok(events.length >= 4, `${events.length} facts recorded`);
  assert.ok(events.every((event) => event.actor === 'token:test-admin-1'));
  assert.ok(events.some((event) => event.detail.route === '/api/v1/borrowers/:borrowerId/attorneys'));
});
