// After a cycle, every team's collectors receive cases: a team's assignment stops at its
// collectors' capacity and the next team draws from what is left of the shared pool, so no open
// case with a planned call stays without an owner while some team has room.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../../db/database.ts';
import { openTestDatabase } from '../../../test/support/test-database.ts';
import {
  DESK_DATE, insertDeskBorrowers, insertStaff, insertTeam, owners,
} from '../../../test/support/desk-fixture.ts';
import { runCycle } from '../cycle/run-cycle.ts';
import { assignAllTeams } from './assign-all-teams.ts';

let db: Db;

before(async () => {
  db = await openTestDatabase();
  await insertDeskBorrowers(db, 5);
  assert.ok((await runCycle({ db, asOf: DESK_DATE })).ok);
  await insertTeam(db, 'a');
  await insertTeam(db, 'b');
  await insertStaff(db, { username: 'ann', role: 'collector', teamId: 'a', capacity: 2 });
  await insertStaff(db, { username: 'bob', role: 'collector', teamId: 'b', capacity: 10 });
});
after(async () => {
  await db.close();
});

test('each team in turn, within its collectors\' capacity; a second run assigns nothing more', async () => {
  assert.equal(await assignAllTeams(db, new Date(`${DESK_DATE}T00:00:00Z`)), 5);
  const teams = (await owners(db)).map((row) => row.team);
  const count = (id: string) => teams.filter((team) => team === id).length;
  assert.deepEqual([count('a'), count('b')], [2, 3]);
  assert.equal(await assignAllTeams(db, new Date(`${DESK_DATE}T01:00:00Z`)), 0);
});
