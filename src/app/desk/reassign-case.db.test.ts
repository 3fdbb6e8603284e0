// Reassignment by hand on a real database: each refusal in its order (role, case, user, team scope,
// owning role, disabled, capacity) with a just-allowed row beside it; a move closes the open history
// row and opens a manual one naming the principal, mirrored on the case and audited; a manager moves a
// case across teams; moving a case to its owner changes nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../../db/database.ts';
import type { StaffPrincipal } from '../../domain/people/principal.ts';
import { openTestDatabase } from '../../../test/support/test-database.ts';
import { DESK_DATE, insertDeskBorrowers, insertStaff,
  insertTeam } from '../../../test/support/desk-fixture.ts';
import { runCycle } from '../cycle/run-cycle.ts';
import { assignCases } from './assign-cases.ts';
import { reassignCase } from './reassign-case.ts';

let db: Db;
const now = new Date('2026-03-10T02:00:00Z');
const people: Record<string, StaffPrincipal> = {};
let caseOf: Map<string, bigint>;

before(async () => {
  db = await openTestDatabase();
  await insertDeskBorrowers(db, 3);
  assert.ok((await runCycle({ db, asOf: DESK_DATE })).ok);
  await insertTeam(db, 'north');
  await insertTeam(db, 'south');
  for (const [username, role, teamId, capacity, disabled] of [
    ['amy', 'collector', 'north', 3, false], ['bo', 'collector', 'north', 1, false],
    ['cy', 'collector', 'north', 5, true], ['ed', 'supervisor', 'north', 0, false],
    ['fay', 'collector', 'south', 5, false], ['gus', 'supervisor', 'south', 2, false],
    ['ivy', 'compliance_officer', null, 0, false], ['max', 'manager', null, 0, false],
  ] as const) {
    people[username] = await insertStaff(db, { username, role, teamId, capacity, disabled });
  }
  // amy gets all three (bo's one slot is taken by the second).
  await db.query(`UPDATE staff_user SET capacity = 0 WHERE username = 'bo'`);
  assert.ok((await assignCases({ db, teamId: 'north', actor: 'user:ed', now })).ok);
  await db.query(`UPDATE staff_user SET capacity = 1 WHERE username = 'bo'`);
  caseOf = new Map((await db.query<{ borrower: string; id: bigint }>(`SELECT b.external_id AS borrower, c.id
    FROM collection_case c JOIN party b ON b.id = c.borrower_id`)).map((row) => [row.borrower, row.id]));
});
after(async () => {
  await db.close();
});

const move = (by: string, borrower: string, to: string | bigint) => reassignCase({
  db, principal: people[by]!, caseId: caseOf.get(borrower) ?? 999999n,
  audit: { actorKind: 'user', actor: `user:${by}`, sourceIp: '192.0.2.7', requestId: `req-${by}` },
  toUserId: typeof to === 'bigint' ? to : BigInt(people[to]!.userId), now,
});

test('refusals, each in its order', async () => {
  assert.deepEqual(await move('ivy', 'd0', 'bo'), { ok: false, reason: 'not_permitted' });
  assert.deepEqual(await move('ed', 'nobody', 'bo'), { ok: false, reason: 'unknown_case' });
  assert.deepEqual(await move('ed', 'd0', 999999n), { ok: false, reason: 'unknown_user' });
  assert.deepEqual(await move('gus', 'd0', 'fay'), { ok: false, reason: 'not_in_team' });
  assert.deepEqual(await move('ed', 'd0', 'fay'), { ok: false, reason: 'not_in_team' });
  assert.deepEqual(await move('max', 'd0', 'ivy'), { ok: false, reason: 'role_cannot_own' });
  assert.deepEqual(await move('ed', 'd0', 'cy'), { ok: false, reason: 'user_disabled' });
  assert.deepEqual(await move('ed', 'd0', 'bo'), { ok: true, status: 'reassigned', caseId: caseOf.get('d0'),
    teamId: 'north', userId: BigInt(people.bo!.userId) });
  assert.deepEqual(await move('ed', 'd1', 'bo'), { ok: false, reason: 'over_capacity' });
  assert.deepEqual(await move('ed', 'd0', 'bo'), { ok: true, status: 'unchanged', caseId: caseOf.get('d0'),
    teamId: 'north', userId: BigInt(people.bo!.userId) });
});

test('a move is history: the old row closed, a manual one naming the principal, mirrored on the case',
  async () => {
  assert.ok((await move('max', 'd1', 'fay')).ok);
  const rows = await db.query(`SELECT a.team_id, u.username, a.assigned_by, a.reason,
    a.ended_at IS NULL AS open
    FROM case_assignment a JOIN staff_user u ON u.id = a.user_id WHERE a.case_id = $1 ORDER BY a.id`,
  [caseOf.get('d1')]);
  assert.deepEqual(rows, [
    { team_id: 'north', username: 'amy', assigned_by: 'user:ed', reason: 'automatic', open: false },
    { team_id: 'south', username: 'fay', assigned_by: 'user:max', reason: 'manual', open: true },
  ]);
  const [owner] = await db.query('SELECT owner_team, owner_agent FROM collection_case WHERE id = $1',
    [caseOf.get('d1')]);
  assert.deepEqual(owner, { owner_team: 'south', owner_agent: people.fay!.userId });
  const events = await db.query(`SELECT actor_kind, actor, source_ip, request_id, subject_kind, subject_id,
      borrower_id, detail
    FROM audit_event WHERE action = 'case.assigned' AND subject_id = $1 ORDER BY seq`,
  [String(caseOf.get('d1'))]);
  const [borrower] = await db.query<{ borrower_id: bigint }>(
    'SELECT borrower_id FROM collection_case WHERE id = $1', [caseOf.get('d1')]);
  assert.deepEqual(events, [{ actor_kind: 'user', actor: 'user:max', source_ip: '192.0.2.7',
    request_id: 'req-max', subject_kind: 'case', subject_id: String(caseOf.get('d1')),
    borrower_id: borrower!.borrower_id, detail: { reason: 'manual', teamId: 'south',
      toUserId: people.fay!.userId, fromTeamId: 'north', fromUserId: people.amy!.userId } }]);
  // Now south's: north's supervisor may no longer move it, south's may.
  assert.deepEqual(await move('ed', 'd1', 'amy'), { ok: false, reason: 'not_in_team' });
  assert.equal((await move('gus', 'd1', 'gus')).ok, true);
});

test('a closed case is not moved', async () => {
  await db.query(`UPDATE collection_case SET status = 'closed', closed_on = $2, close_reason = 'cured'
    WHERE id = $1`, [caseOf.get('d2'), DESK_DATE]);
  assert.deepEqual(await move('ed', 'd2', 'bo'), { ok: false, reason: 'case_closed' });
});

test('two hand moves racing for the last place on a desk: one wins, the other is over capacity', async () => {
  await db.query(`UPDATE collection_case SET status = 'open', closed_on = NULL, close_reason = NULL
    WHERE id = $1`, [caseOf.get('d2')]);
  const last = await insertStaff(db, { username: 'kai', role: 'collector', teamId: 'north', capacity: 1 });
  const results = await Promise.all(['d0', 'd2'].map((borrower) =>
    move('max', borrower, BigInt(last.userId))));
  assert.deepEqual(results.map((result) => result.ok ? result.status : result.reason).sort(),
    ['over_capacity', 'reassigned']);
  const [owned] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM collection_case
    WHERE owner_agent = $1`, [last.userId]);
  assert.equal(owned!.n, 1);
});
