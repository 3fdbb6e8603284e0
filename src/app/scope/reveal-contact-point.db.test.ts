// The two ways a full number leaves the database, on a real one: a reveal (only with pii:reveal,
// only inside the scope, and only once the audit trail has taken the event) and the dial target of
// an allowed reservation (only on an account in scope, to a person the scope shows). Three
// borrowers: wang on team A's case, li on team B's, zhou placed with an agency whose placement
// does not show third parties (zhou's mother).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../../db/database.ts';
import type { Principal } from '../../domain/people/principal.ts';
import { openTestDatabase } from '../../../test/support/test-database.ts';
import { insertAccount, insertBorrower, insertProduct } from '../../../test/support/ledger-fixture.ts';
import { runCycle } from '../cycle/run-cycle.ts';
import { checkContact } from '../gate/check-contact.ts';
import type { ContactRequest } from '../gate/contact-request.ts';
import { defaultPolicyGate } from '../gate/policy-gate.ts';
import { reserveContact } from '../gate/reserve-contact.ts';
import { ALL_RECORDS_MASKED, loadScope, type DataScope } from './load-scope.ts';
import { revealContactPoint } from './reveal-contact-point.ts';

let db: Db;
const gate = defaultPolicyGate();
const today = '2026-03-10';
/** 10:00 in Shanghai, inside the permitted hours. */
const now = new Date('2026-03-10T02:00:00Z');
const person = (username: string, role: Principal['role'], teamId: string | null,
  agencyId: string | null = null): Principal =>
  ({ kind: 'user', userId: '1', username, displayName: username, role, teamId, agencyId });
const compliance = person('comply', 'compliance_officer', null);
const collectorA = person('amy', 'collector', 'a');
const agencyCollector = person('ada', 'agency_collector', null, 'acme');

before(async () => {
  db = await openTestDatabase();
  await insertProduct(db, { id: 'loan', interestRateBp: 0, penaltyRatePpmPerDay: 500, graceDays: 0 });
  await db.query(`INSERT INTO team (id, name) VALUES ('a', 'Team A'), ('b', 'Team B')`);
  await db.query(`INSERT INTO agency (id, name) VALUES ('acme', 'Acme Recovery')`);
  for (const [index, name] of ['wang', 'li', 'zhou'].entries()) {
    const borrower = await insertBorrower(db, name);
    await insertAccount(db, { externalId: `${name}-1`, borrowerId: borrower, productId: 'loan',
      openedOn: '2026-01-01', installments: [{ dueDate: '2026-02-01', principal: 500000n }] });
    await db.query(`INSERT INTO contact_point (external_id, party_id, borrower_id, kind, value)
      VALUES ($1, $2, $2, 'mobile', $3)`, [`${name}-phone`, borrower, `1380000567${index}`]);
  }
  await db.query(`INSERT INTO party (external_id, kind, borrower_id, relationship, full_name, time_zone,
      country)
    SELECT 'zhou-mother', 'contact_person', id, 'parent', 'Zhou Mother', 'Asia/Shanghai', 'CN' FROM party
    WHERE external_id = 'zhou'`);
  await db.query(`INSERT INTO contact_point (external_id, party_id, borrower_id, kind, value)
    SELECT 'zhou-mother-phone', id, borrower_id, 'mobile', '13900001111' FROM party
    WHERE external_id = 'zhou-mother'`);
  assert.ok((await runCycle({ db, asOf: today })).ok);
  await db.query(`UPDATE collection_case c
    SET owner_team = CASE p.external_id WHEN 'wang' THEN 'a' ELSE 'b' END
    FROM party p WHERE p.id = c.borrower_id`);
  await db.query(`INSERT INTO placement (account_id, borrower_id, agency_id, placed_on)
    SELECT id, borrower_id, 'acme', '2026-03-01' FROM account WHERE external_id = 'zhou-1'`);
});
after(() => db.close());

/** A reveal whose audit events are collected in `events`. */
async function reveal(principal: Principal, contactPointId: string, scope = loadScope(principal, today)) {
  const events: unknown[] = [];
  const result = await revealContactPoint({
    db, principal, scope, contactPointId, now, audit: async (event) => { events.push(event); },
  });
  return { result, events };
}

test('a compliance officer sees the full number, and the reveal is audited first', async () => {
  const [wang] = await db.query<{ id: bigint }>(`SELECT id FROM party WHERE external_id = 'wang'`);
  assert.deepEqual(await reveal(compliance, 'wang-phone'), {
    result: { ok: true, contactPointId: 'wang-phone', kind: 'mobile', value: '13800005670' },
    events: [{
      at: now, actor: 'user:comply', action: 'pii.reveal', subjectKind: 'contact_point',
      subjectId: 'wang-phone', borrowerId: wang!.id, detail: { kind: 'mobile' },
    }],
  });
});

test('a reveal that cannot be audited does not happen', async () => {
  await assert.rejects(revealContactPoint({
    db, principal: compliance, scope: loadScope(compliance, today), contactPointId: 'wang-phone', now,
    audit: async () => { throw new Error('audit trail unavailable'); },
  }), /audit trail unavailable/);
});

test('without pii:reveal there is no reveal, even of a number in scope, and nothing is audited', async () => {
  for (const principal of [collectorA, agencyCollector, person('boss', 'manager', null)]) {
    assert.deepEqual(await reveal(principal, `${principal === agencyCollector ? 'zhou' : 'wang'}-phone`),
      { result: { ok: false, reason: 'reveal_not_permitted' }, events: [] }, principal.role);
  }
});

test('with pii:reveal, a number outside the scope is answered as unknown', async () => {
  const unknown = {
    result: { ok: false, reason: 'unknown_contact_point', field: 'contactPointId' }, events: [],
  };
  const teamA: DataScope = { ...loadScope(collectorA, today), mayRevealNumbers: true };
  assert.deepEqual(await reveal(collectorA, 'li-phone', teamA), unknown);
  assert.deepEqual(await reveal(collectorA, 'no-such-phone', teamA), unknown);
  const placed: DataScope = { ...loadScope(agencyCollector, today), mayRevealNumbers: true };
  assert.deepEqual(await reveal(agencyCollector, 'zhou-mother-phone', placed), unknown);
  assert.equal((await reveal(agencyCollector, 'zhou-phone', placed)).result.ok, true);
});

const call = (accountId: string, extra: Partial<ContactRequest> = {}): ContactRequest =>
  ({ accountId, channel: 'voice', actor: { kind: 'agent', id: 'agent-1' }, ...extra });

test('an allowed reservation hands the dial its full number; a refused one hands nothing', async () => {
  const reserved = await reserveContact(db, gate, call('wang-1'), now, loadScope(collectorA, today));
  assert.ok(reserved.ok && reserved.reserved);
  assert.deepEqual(reserved.dialTarget,
    { contactPointId: 'wang-phone', kind: 'mobile', value: '13800005670' });
  const night = new Date('2026-03-10T15:00:00Z');
  const quiet = await reserveContact(db, gate, call('li-1'), night, ALL_RECORDS_MASKED);
  assert.ok(quiet.ok && !quiet.reserved);
  assert.equal('dialTarget' in quiet, false);
});

test('no check, no reservation and no Decision on an account or a person outside the scope', async () => {
  const decisions = async () => (await db.query('SELECT id FROM decision')).length;
  const before = await decisions();
  const unknownAccount = { ok: false, rejection: { reason: 'unknown_account', field: 'accountId' } };
  const mother = call('zhou-1', { targetPartyId: 'zhou-mother', contactPointId: 'zhou-mother-phone' });
  const unknownTarget = { ok: false, rejection: { reason: 'unknown_target_party', field: 'targetPartyId' } };
  const cases: [ContactRequest, Principal, unknown][] = [
    [call('li-1'), collectorA, unknownAccount],
    [call('wang-1'), agencyCollector, unknownAccount],
    [mother, agencyCollector, unknownTarget],
  ];
  for (const [request, principal, rejection] of cases) {
    const scope = loadScope(principal, today);
    assert.deepEqual(await reserveContact(db, gate, request, now, scope), rejection, request.accountId);
    assert.deepEqual(await checkContact(db, gate, request, now, scope), rejection, request.accountId);
  }
  assert.equal(await decisions(), before);
  const allowed = await checkContact(db, gate, call('zhou-1'), now, loadScope(agencyCollector, today));
  assert.ok(allowed.ok, 'the agency may ask about the borrower of an account placed with it');
});
