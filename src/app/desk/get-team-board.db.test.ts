// The supervisor's board on a real database: the team's queue per stage with how many cases no
// collector owns, and each active member's day in the team's zone: attempts, conversations, promises
// recorded, and the kept rate of their promises the cycle settled that day. Attempts of the day
// before (in that zone) and of other people do not count.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../../db/database.ts';
import type { StaffPrincipal } from '../../domain/people/principal.ts';
import { openTestDatabase } from '../../../test/support/test-database.ts';
import { DESK_DATE, insertDeskBorrowers, insertStaff,
  insertTeam } from '../../../test/support/desk-fixture.ts';
import { runCycle } from '../cycle/run-cycle.ts';
import { defaultPolicyGate } from '../gate/policy-gate.ts';
import { recordOutcome } from '../gate/record-outcome.ts';
import { ALL_RECORDS_MASKED } from '../scope/load-scope.ts';
import { reserveContact } from '../gate/reserve-contact.ts';
import { assignCases } from './assign-cases.ts';
import { getTeamBoard } from './get-team-board.ts';

let db: Db;
let amy: StaffPrincipal;
let bo: StaffPrincipal;
let borrowers: bigint[];
const now = new Date('2026-03-10T06:00:00Z');

before(async () => {
  db = await openTestDatabase();
  borrowers = await insertDeskBorrowers(db, 4);
  assert.ok((await runCycle({ db, asOf: DESK_DATE })).ok);
  await insertTeam(db, 'board');
  amy = await insertStaff(db, { username: 'amy', role: 'collector', teamId: 'board', capacity: 2 });
  bo = await insertStaff(db, { username: 'bo', role: 'collector', teamId: 'board', capacity: 1 });
  await insertStaff(db, { username: 'cy', role: 'collector', teamId: 'board', capacity: 0, disabled: true });
  assert.ok((await assignCases({ db, teamId: 'board', actor: 'user:ed', now })).ok);
  // One case stays the team's without a collector.
  await db.query(`UPDATE collection_case SET owner_team = 'board' WHERE owner_team IS NULL`);
  const call = async (account: string, actor: string, at: string, outcome: 'connected' | 'no_answer' |
    'promise_to_pay') => {
    const reserved = await reserveContact(db, defaultPolicyGate(), {
      accountId: account, channel: 'voice', actor: { kind: 'agent', id: actor },
    }, new Date(at), ALL_RECORDS_MASKED);
    assert.ok(reserved.ok && reserved.reserved, `${account} at ${at}`);
    assert.ok((await recordOutcome(db, reserved.attemptId, { outcome }, new Date(at))).ok);
  };
  await call('desk-1', 'user:amy', '2026-03-10T01:00:00Z', 'connected');
  await call('desk-2', 'user:amy', '2026-03-10T01:30:00Z', 'no_answer');
  // 16:00 in Shanghai the day before: not today's.
  await call('desk-0', 'user:amy', '2026-03-09T08:00:00Z', 'connected');
  await call('desk-3', 'user:bo', '2026-03-10T02:00:00Z', 'promise_to_pay');
  const promise = (borrower: bigint, by: string, status: string, settledOn: string | null,
    recordedAt: string) =>
    db.query(`INSERT INTO promise_to_pay (case_id, borrower_id, amount_minor, currency, promised_on, due_on,
        recorded_at, recorded_by, status, settled_on)
      SELECT id, borrower_id, 1000, 'CNY', '2026-03-01', '2026-03-03', $3, $2, $4, $5
      FROM collection_case WHERE borrower_id = $1`, [borrower, by, recordedAt, status, settledOn]);
  await promise(borrowers[0]!, 'user:amy', 'kept', DESK_DATE, '2026-03-01T02:00:00Z');
  await promise(borrowers[1]!, 'user:amy', 'kept', DESK_DATE, '2026-03-01T02:00:00Z');
  await promise(borrowers[2]!, 'user:amy', 'broken', DESK_DATE, '2026-03-01T02:00:00Z');
  await promise(borrowers[3]!, 'user:amy', 'broken', '2026-03-09', '2026-03-01T02:00:00Z');
  await promise(borrowers[3]!, 'user:bo', 'open', null, '2026-03-10T02:00:00Z');
});
after(async () => {
  await db.close();
});

test('queues per stage and each member\'s day', async () => {
  const board = await getTeamBoard({ db, teamId: 'board', asOf: DESK_DATE, timeZone: 'Asia/Shanghai', now });
  assert.deepEqual(board, {
    team: { id: 'board', name: 'Team board', supervisorId: null },
    // desk-1, desk-2 and desk-3 were called today: only desk-0 waits, and it has no collector.
    queues: [{ stage: 'phone_collection', cases: 1, unassigned: 1 }],
    members: [
      { userId: amy.userId, username: 'amy', displayName: 'amy', role: 'collector', capacity: 2, openCases: 2,
        attempts: 2, contacts: 1, promisesMade: 0, promisesKept: 2, promisesBroken: 1, keptRate: 2 / 3 },
      { userId: bo.userId, username: 'bo', displayName: 'bo', role: 'collector', capacity: 1, openCases: 1,
        attempts: 1, contacts: 1, promisesMade: 1, promisesKept: 0, promisesBroken: 0, keptRate: null },
    ],
  });
  assert.equal(await getTeamBoard({ db, teamId: 'nobody', asOf: DESK_DATE, timeZone: 'Asia/Shanghai',
    now }), null);
});
