// What people do is on the record, and what they must keep secret is not in the logs. Over the real
// app with its logger writing every request at info: a person signs in (one failure first), a feed
// posts a payment, a collector's reservation and its outcome, a compliance officer's reveal of a
// full number, a sign-out. The audit trail holds each as an event naming who, what, which record,
// from where and the request id, and its chain verifies; the log holds no password, token, session
// id, CSRF token or full phone number.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/database.ts';
import { verifyAuditChain } from '../../app/audit/verify-audit-chain.ts';
import { fixedClock } from '../../stdx/clock.ts';
import { openTestDatabase } from '../../../test/support/test-database.ts';
import { insertPhoneCollectionBorrower } from '../../../test/support/ledger-fixture.ts';
import {
  addTestUser, createStaffAccess, signInThroughForm, TEST_PASSWORD, type StaffAccess,
} from '../../../test/support/staff-access.ts';
import { buildApp } from '../app.ts';

const FULL_NUMBER = '13800000000';
let db: Db;
let app: FastifyInstance;
let access: StaffAccess;
const log: string[] = [];

before(async () => {
  db = await openTestDatabase();
  await insertPhoneCollectionBorrower(db);
  app = await buildApp({
    db, clock: fixedClock(new Date('2026-03-10T02:00:00Z')), logLevel: 'info',
    logStream: { write: (line) => log.push(line) },
  });
  access = await createStaffAccess(db);
  await addTestUser(db, 'comply', 'compliance_officer');
  await addTestUser(db, 'boss', 'admin');
});
after(async () => {
  await app.close();
  await db.close();
});

test('every change and every reveal is an audit event; the chain verifies; the log keeps no secret',
  async () => {
  const form = await app.inject({ url: '/sign-in' });
  const csrfCookie = form.cookies.find((cookie) => cookie.name === '_csrf')!.value;
  const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
  const failed = await app.inject({ method: 'POST', url: '/sign-in', cookies: { _csrf: csrfCookie },
    payload: { username: 'comply', password: 'not-the-password-9', _csrf: csrf } });
  assert.equal(failed.statusCode, 401);
  const officer = await signInThroughForm(app, 'comply');
  const admin = await signInThroughForm(app, 'boss');

  const paid = await app.inject({
    method: 'POST', url: '/api/v1/payments', headers: access.headers('system'), payload: {
      idempotencyKey: 'pay-audit-1', accountExternalId: 'zhou-1', amountMinor: '1000', currency: 'CNY',
      valueDate: '2026-03-10', channel: 'app',
    },
  });
  assert.equal(paid.statusCode, 201, paid.body);
  const reserved = await app.inject({ method: 'POST', url: '/api/v1/contact-reservations',
    headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
    payload: { accountId: 'zhou-1', channel: 'voice' } });
  assert.equal(reserved.statusCode, 201, reserved.body);
  assert.equal(reserved.json().dialTarget.value, FULL_NUMBER, 'the dial gets the full number');
  const outcomeUrl = `/api/v1/contact-attempts/${reserved.json().attemptId}/outcome`;
  const outcome = await app.inject({ method: 'POST', url: outcomeUrl,
    headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf }, payload: { outcome: 'no_answer' } });
  assert.equal(outcome.statusCode, 200, outcome.body);
  const revealed = await app.inject({ method: 'POST', url: '/api/v1/contact-points/zhou-mobile/reveal',
    headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrf } });
  assert.deepEqual([revealed.statusCode, revealed.json().value], [200, FULL_NUMBER]);
  const refused = await app.inject({ method: 'POST', url: '/api/v1/contact-points/zhou-mobile/reveal',
    headers: access.headers('collector') });
  assert.equal(refused.statusCode, 403, 'a collector cannot reveal');
  const out = await app.inject({ method: 'POST', url: '/sign-out', headers: { cookie: officer.cookie },
    payload: { _csrf: officer.csrf } });
  assert.equal(out.statusCode, 303);

  const events = await db.query<{
    action: string; actor_kind: string; actor: string; subject_kind: string; source_ip: string | null;
    request_id: string | null;
  }>(`SELECT action, actor_kind, actor, subject_kind, source_ip, request_id FROM audit_event
      WHERE actor NOT IN ('test') ORDER BY seq`);
  const described = events.map((event) =>
    `${event.action} ${event.actor_kind} ${event.actor} ${event.subject_kind}`);
  assert.deepEqual(described, [
    'user.sign_in_failed user user:comply staff_user',
    'user.signed_in user user:comply staff_user',
    'user.signed_in user user:boss staff_user',
    `payment.received token ${events[3]!.actor} payment`,
    'contact.reserved user user:boss contact_attempt',
    'contact.outcome_recorded user user:boss contact_attempt',
    'pii.revealed user user:comply contact_point',
    'user.signed_out user user:comply staff_user',
  ]);
  assert.match(events[3]!.actor, /^token:test-system-/);
  for (const event of events) {
    assert.equal(event.source_ip, '127.0.0.1', event.action);
    assert.ok(event.request_id !== null && event.request_id !== '', event.action);
  }
  const verdict = await verifyAuditChain(db);
  assert.equal(verdict.ok, true);

  const text = log.join('');
  assert.ok(text.includes('"url":"/api/v1/contact-points/zhou-mobile/reveal"'), 'requests are logged');
  const tokenValue = access.headers('system').authorization.slice('Bearer '.length);
  const secrets: Record<string, string> = {
    password: TEST_PASSWORD, 'wrong password': 'not-the-password-9', token: tokenValue,
    'session id': /fc_session=([^;]+)/.exec(officer.cookie)![1]!, 'CSRF token': officer.csrf,
    'full number': FULL_NUMBER,
  };
  for (const [what, secret] of Object.entries(secrets)) {
    assert.ok(!text.includes(secret), `the log holds a ${what}`);
  }
  const [row] = await db.query<{ detail: string }>(
    `SELECT string_agg(detail::text, ' ') AS detail FROM audit_event`,
  );
  assert.ok(!row!.detail.includes(FULL_NUMBER),
    'the audit trail records which number was revealed, not the number');
});
