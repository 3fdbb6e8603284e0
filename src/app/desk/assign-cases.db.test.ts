// Automatic assignment on a real database: a team's collectors receive the unowned cases within
// their capacity, the least loaded first and the largest amount × DPD first; disabled users, field
// collectors and supervisors receive none; every change is a closed and an opened history row
// mirrored on the case; a stage the strategy routes to a team goes to it whole, cases another team
// owns included, and to no other team; and two teams
// assigning from the shared pool at once never take the same case (a real race on PostgreSQL).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../../db/database.ts';
import { openTestDatabase } from '../../../test/support/test-database.ts';
import {
  DESK_DATE, insertDeskBorrowers, insertStaff, insertTeam, owners,
} from '../../../test/support/desk-fixture.ts';
import { DEFAULT_STRATEGY } from '../../policy/strategy/default-strategy.ts';
import { runCycle } from '../cycle/run-cycle.ts';
import { activateStrategy } from '../strategy/active-strategy.ts';
import { assignCases } from './assign-cases.ts';

let db: Db;
const now = new Date('2026-03-10T01:00:00Z');
before(async () => {
  db = await openTestDatabase();
  await insertDeskBorrowers(db, 7);
  assert.ok((await runCycle({ db, asOf: DESK_DATE })).ok);
});
after(async () => {
  await db.close();
});

test('collectors are filled evenly within capacity, largest cases first; others get none', async () => {
  await insertTeam(db, 'phone-a');
  const first = await insertStaff(db, { username: 'amy', role: 'collector', teamId: 'phone-a', capacity: 3 });
  const second = await insertStaff(db, { username: 'bo', role: 'collector', teamId: 'phone-a', capacity: 2 });
  await insertStaff(db, { username: 'cy', role: 'collector', teamId: 'phone-a', disabled: true });
  await insertStaff(db, { username: 'di', role: 'field_collector', teamId: 'phone-a' });
  await insertStaff(db, { username: 'ed', role: 'supervisor', teamId: 'phone-a' });
  assert.deepEqual(await assignCases({ db, teamId: 'nobody', actor: 'user:ed', now }),
    { ok: false, reason: 'unknown_team' });
  const result = await assignCases({ db, teamId: 'phone-a', actor: 'user:ed', now });
  assert.deepEqual(result, { ok: true, assigned: 5, perUser: [
    { userId: first.userId, cases: 3 }, { userId: second.userId, cases: 2 }] });
  // amount × DPD: d4, d6, d3, d5, d2, d1, d0; slots in order amy 1, bo 1, amy 2, bo 2, amy 3.
  const [a, b] = [first.userId, second.userId];
  const owned = (team: string | null, agent: string | null) => ({ team, agent, openTeam: team,
    openUser: agent });
  assert.deepEqual(await owners(db), [
    { borrower: 'd0', ...owned(null, null) }, { borrower: 'd1', ...owned(null, null) },
    { borrower: 'd2', ...owned('phone-a', a) }, { borrower: 'd3', ...owned('phone-a', a) },
    { borrower: 'd4', ...owned('phone-a', a) }, { borrower: 'd5', ...owned('phone-a', b) },
    { borrower: 'd6', ...owned('phone-a', b) },
  ]);
  const history = await db.query(`SELECT assigned_by, reason, count(*)::int AS n FROM case_assignment
    GROUP BY assigned_by, reason`);
  assert.deepEqual(history, [{ assigned_by: 'user:ed', reason: 'automatic', n: 5 }]);
  // Full desks: a second run changes nothing, and records nothing.
  assert.deepEqual(await assignCases({ db, teamId: 'phone-a', actor: 'user:ed', now }),
    { ok: true, assigned: 0, perUser: [] });
  // One audit event for the run, as the system under the actor's name when no request caused it.
  assert.deepEqual(await db.query(`SELECT actor_kind, actor, action, subject_kind, subject_id, detail
    FROM audit_event WHERE action = 'case.assigned'`), [{ actor_kind: 'system', actor: 'user:ed',
    action: 'case.assigned', subject_kind: 'team', subject_id: 'phone-a',
    detail: { reason: 'automatic', assigned: 5, collectors: 2 } }]);
});

test('room on a desk takes the rest; a stage routed to another team moves there whole', async () => {
  await db.query(`UPDATE staff_user SET capacity = 10 WHERE username = 'bo'`);
  const bo = (await db.query<{ id: bigint }>(`SELECT id FROM staff_user WHERE username = 'bo'`))[0]!.id;
  assert.deepEqual(await assignCases({ db, teamId: 'phone-a', actor: 'user:ed', now }),
    { ok: true, assigned: 2, perUser: [{ userId: String(bo), cases: 2 }] });
  await insertTeam(db, 'phone-b');
  const other = await insertStaff(db, { username: 'fay', role: 'collector', teamId: 'phone-b' });
  await activateStrategy(db, {
    ...DEFAULT_STRATEGY, queues: { ...DEFAULT_STRATEGY.queues!,
      teamByStage: { phone_collection: 'phone-b' } },
  });
  try {
    await insertStaff(db, { username: 'gil', role: 'collector', teamId: 'phone-a' });
    assert.deepEqual(await assignCases({ db, teamId: 'phone-a', actor: 'user:ed', now }),
      { ok: true, assigned: 0, perUser: [] });
    assert.deepEqual(await assignCases({ db, teamId: 'phone-b', actor: 'system:assignment', now }),
      { ok: true, assigned: 7, perUser: [{ userId: other.userId, cases: 7 }] });
    const rows = await db.query(`SELECT team_id, ended_at IS NULL AS open, assigned_by, count(*)::int AS n
      FROM case_assignment GROUP BY 1, 2, 3 ORDER BY 1, 2`);
    assert.deepEqual(rows, [
      { team_id: 'phone-a', open: false, assigned_by: 'user:ed', n: 7 },
      { team_id: 'phone-b', open: true, assigned_by: 'system:assignment', n: 7 },
    ]);
    assert.deepEqual(await assignCases({ db, teamId: 'phone-b', actor: 'system:assignment', now }),
      { ok: true, assigned: 0, perUser: [] });
  } finally {
    await activateStrategy(db, DEFAULT_STRATEGY);
  }
});

test('two teams assigning the shared pool at once never take the same case', async () => {
  const second = await openTestDatabase();
  try {
    await insertDeskBorrowers(second, 9);
    assert.ok((await runCycle({ db: second, asOf: DESK_DATE })).ok);
    for (const team of ['east', 'west']) {
      await insertTeam(second, team);
      await insertStaff(second, { username: `${team}-1`, role: 'collector', teamId: team, capacity: 4 });
      await insertStaff(second, { username: `${team}-2`, role: 'collector', teamId: team, capacity: 4 });
    }
    const results = await Promise.all(['east', 'west', 'east', 'west'].map((teamId) =>
      assignCases({ db: second, teamId, actor: 'system:assignment', now })));
    const assigned = results.reduce((total, result) => total + (result.ok ? result.assigned : 0), 0);
    assert.equal(assigned, 9);
    const [check] = await second.query<{ open_rows: number; cases: number; mirrored: number }>(`SELECT
        (SELECT count(*) FROM case_assignment WHERE ended_at IS NULL)::int AS open_rows,
        (SELECT count(DISTINCT case_id) FROM case_assignment)::int AS cases,
        (SELECT count(*) FROM collection_case c JOIN case_assignment a ON a.case_id = c.id
          AND a.ended_at IS NULL
          WHERE c.owner_agent = a.user_id::text AND c.owner_team = a.team_id)::int AS mirrored`);
    assert.deepEqual(check, { open_rows: 9, cases: 9, mirrored: 9 });
  } finally {
    await second.close();
  }
});
