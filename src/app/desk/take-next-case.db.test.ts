// "Next case" on a real database and the shipped packs: the collector's top case the gate allows now
// is offered with its Decision; a case above it that the gate refuses now (a callback asked for later)
// is skipped with the rule and the instant it opens; at night every case is skipped with tomorrow
// morning; every check is a stored Decision; only a collecting user of a team may ask.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../../db/database.ts';
import type { StaffPrincipal } from '../../domain/people/principal.ts';
import { openTestDatabase } from '../../../test/support/test-database.ts';
import { DESK_DATE, insertDeskBorrowers, insertStaff,
  insertTeam } from '../../../test/support/desk-fixture.ts';
import { runCycle } from '../cycle/run-cycle.ts';
import { defaultPolicyGate } from '../gate/policy-gate.ts';
import { assignCases } from './assign-cases.ts';
import { takeNextCase } from './take-next-case.ts';

let db: Db;
let amy: StaffPrincipal;
let borrowers: bigint[];
const gate = defaultPolicyGate();
const decisionCount = async () =>
  (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM decision'))[0]!.n;

before(async () => {
  db = await openTestDatabase();
  borrowers = await insertDeskBorrowers(db, 3);
  assert.ok((await runCycle({ db, asOf: DESK_DATE })).ok);
  await insertTeam(db, 't');
  amy = await insertStaff(db, { username: 'amy', role: 'collector', teamId: 't', capacity: 10 });
  assert.ok((await assignCases({ db, teamId: 't', actor: 'user:ed',
    now: new Date('2026-03-10T00:00:00Z') })).ok);
});
after(async () => {
  await db.close();
});

test('the top case the gate refuses now is skipped with when it opens; the next one is offered', async () => {
  await db.query(`INSERT INTO agreement (borrower_id, party_id, kind, channel, starts_at, recorded_at,
    recorded_by)
    VALUES ($1, $1, 'callback', 'voice', '2026-03-10T06:00:00Z', '2026-03-10T01:00:00Z', 'user:amy')`,
  [borrowers[2]]);
  const before = await decisionCount();
  const result = await takeNextCase({ db, gate, principal: amy, asOf: DESK_DATE,
    now: new Date('2026-03-10T02:00:00Z') });
  assert.ok(result.ok);
  assert.equal(result.next?.entry.accountId, 'desk-1');
  assert.equal(result.next?.decision.allowed, true);
  assert.deepEqual(result.skipped.map(({ decisionId: _id, ...skipped }) => skipped), [{
    caseId: result.skipped[0]!.caseId, nextAllowedAt: '2026-03-10T06:00:00.000Z', ruleId: 'CN-CIVIL-01',
    reason: 'callback_time_not_reached',
  }]);
  assert.equal(await decisionCount(), before + 2, 'both checks are stored');
  const [stored] = await db.query('SELECT allowed, action, channel FROM decision WHERE id = $1',
    [result.skipped[0]!.decisionId]);
  assert.deepEqual(stored, { allowed: false, action: 'contact', channel: 'voice' });
});

test('at night every case is skipped until the morning, and none is offered', async () => {
  const result = await takeNextCase({ db, gate, principal: amy, asOf: DESK_DATE,
    now: new Date('2026-03-10T15:00:00Z') });
  assert.ok(result.ok);
  assert.equal(result.next, null);
  assert.equal(result.skipped.length, 3);
  for (const skipped of result.skipped) {
    assert.ok(skipped.ruleId !== null && skipped.nextAllowedAt !== null,
      `${skipped.ruleId} ${skipped.reason}`);
    assert.ok(skipped.nextAllowedAt > '2026-03-10T15:00:00Z'
      && skipped.nextAllowedAt < '2026-03-11T06:00:00Z');
  }
});

test('only a collecting user of a team takes a case', async () => {
  const now = new Date('2026-03-10T02:00:00Z');
  const officer = await insertStaff(db, { username: 'ivy', role: 'compliance_officer', teamId: null });
  const loose = await insertStaff(db, { username: 'lou', role: 'collector', teamId: null });
  assert.deepEqual(await takeNextCase({ db, gate, principal: officer, asOf: DESK_DATE, now }),
    { ok: false, reason: 'not_permitted' });
  assert.deepEqual(await takeNextCase({ db, gate, principal: loose, asOf: DESK_DATE, now }),
    { ok: false, reason: 'not_in_team' });
  assert.deepEqual(await takeNextCase({ db, gate, asOf: DESK_DATE, now, principal: {
    kind: 'token', tokenId: '1', name: 'dialler', role: 'dialler', teamId: 't', agencyId: null,
  } }), { ok: false, reason: 'not_permitted' });
});
