// The supervisor's board through the real app on a real database, signed in through the form: the
// supervisor sees their team's queues, members and cases; the "assign unassigned cases" button hands
// the team's cases out and is audited; a case moved by hand keeps its history and writes an audit
// event; a move to someone outside the team is refused in words (Chinese and English) and changes
// nothing; a form without its CSRF token is refused; a collector cannot open the board; a supervisor
// cannot open another team's board, a manager can; the case list narrows to one owner or the unowned.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/database.ts';
import { openTestDatabase } from '../../../test/support/test-database.ts';
import {
  DESK_DATE, insertDeskBorrowers, insertStaff, insertTeam,
} from '../../../test/support/desk-fixture.ts';
import { addTestUser, signInThroughForm, TEST_TEAM } from '../../../test/support/staff-access.ts';
import { runCycle } from '../../app/cycle/run-cycle.ts';
import { fixedClock } from '../../stdx/clock.ts';
import { buildApp } from '../app.ts';

let db: Db;
let app: FastifyInstance;
const ids: Record<string, string> = {};
let supervisor: { cookie: string; csrf: string };

before(async () => {
  db = await openTestDatabase();
  await insertDeskBorrowers(db, 5);
  assert.ok((await runCycle({ db, asOf: DESK_DATE })).ok);
  app = await buildApp({ db, clock: fixedClock(new Date('2026-03-10T02:00:00Z')) });
  for (const [username, role] of [['sup', 'supervisor'], ['amy', 'collector'], ['bo', 'collector'],
    ['mgr', 'manager']] as const) {
    ids[username] = await addTestUser(db, username, role);
  }
  await insertTeam(db, 'south');
  ids.fay = (await insertStaff(db, { username: 'fay', role: 'collector', teamId: 'south' })).userId;
  supervisor = await signInThroughForm(app, 'sup');
});
after(async () => {
  await app.close();
  await db.close();
});

const board = (session: { cookie: string }, query = '') =>
  app.inject({ method: 'GET', url: `/console/team${query}`, headers: { cookie: session.cookie } });
const post = (url: string, payload: Record<string, string>, cookie = supervisor.cookie) =>
  app.inject({ method: 'POST', url, headers: { cookie }, payload });
const ownerOf = async (caseId: string) => (await db.query<{ owner_agent: string | null }>(
  'SELECT owner_agent FROM collection_case WHERE id = $1', [caseId]))[0]?.owner_agent;
const assignedEvents = () => db.query(`SELECT actor_kind, actor, subject_kind, subject_id, detail
  FROM audit_event WHERE action = 'case.assigned' ORDER BY seq`);

test('a collector cannot open the board; a supervisor sees their own team\'s only', async () => {
  assert.equal((await board(await signInThroughForm(app, 'amy'))).statusCode, 403);
  const own = await board(supervisor);
  assert.equal(own.statusCode, 200);
  assert.match(own.body, /<h1>Test team · 团队看板 <span class="muted">· 今日 2026-03-10（Asia\/Shanghai）/);
  assert.ok(own.body.includes('<a href="/console/team">团队看板</a>'), 'the navigation offers the board');
  assert.equal((await board(supervisor, '?team=south')).statusCode, 403);
  assert.equal((await board(supervisor, `?team=${TEST_TEAM}`)).statusCode, 200);
});

test('assign unassigned cases: needs the CSRF token, hands out the team\'s cases, audited', async () => {
  const refused = await post('/console/team/assign', { team: TEST_TEAM });
  assert.equal(refused.statusCode, 403);
  assert.deepEqual(await assignedEvents(), []);

  const done = await post('/console/team/assign', { team: TEST_TEAM, _csrf: supervisor.csrf });
  assert.equal(done.statusCode, 303);
  assert.equal(done.headers.location, `/console/team?team=${TEST_TEAM}&assigned=5`);
  assert.deepEqual(await assignedEvents(), [{ actor_kind: 'user', actor: 'user:sup', subject_kind: 'team',
    subject_id: TEST_TEAM, detail: { reason: 'automatic', assigned: 5, collectors: 2 } }]);
  const page = await board(supervisor, `?team=${TEST_TEAM}&assigned=5`);
  assert.ok(page.body.includes('<p id="team-notice" class="ok" role="status">已分配 5 件案件。</p>'));
  // Every case now has a collector; amounts are in the locale's format with their currency.
  assert.doesNotMatch(page.body, /<td class="owner">未分配<\/td>/);
  assert.match(page.body, /<td>¥1,404\.00<\/td><td class="owner">(amy|bo)<\/td>/);
  const amyRow = /<tr data-username="amy"><td>amy <span class="muted">\(amy\)<\/span><\/td><td>催收员<\/td>/;
  assert.match(page.body, new RegExp(`${amyRow.source}<td>[23] / 60</td>`));
});

test('a supervisor reassigns a case: history kept, audit event written, the board shows the owner',
  async () => {
    const [found] = await db.query<{ id: bigint }>(`SELECT id FROM collection_case
      WHERE owner_agent = $1 ORDER BY id LIMIT 1`, [ids.amy]);
    const caseId = String(found!.id);
    const withoutToken = await post(`/console/team/cases/${caseId}/owner`,
      { team: TEST_TEAM, toUserId: ids.bo! });
    assert.equal(withoutToken.statusCode, 403);
    assert.equal(await ownerOf(caseId), ids.amy);

    const moved = await post(`/console/team/cases/${caseId}/owner`,
      { team: TEST_TEAM, toUserId: ids.bo!, _csrf: supervisor.csrf });
    assert.equal(moved.statusCode, 303);
    assert.equal(moved.headers.location, `/console/team?team=${TEST_TEAM}&moved=${caseId}`);
    assert.equal(await ownerOf(caseId), ids.bo);
    const history = await db.query(`SELECT u.username, a.assigned_by, a.reason, a.ended_at IS NULL AS open
      FROM case_assignment a JOIN staff_user u ON u.id = a.user_id WHERE a.case_id = $1 ORDER BY a.id`,
    [caseId]);
    assert.deepEqual(history, [
      { username: 'amy', assigned_by: 'user:sup', reason: 'automatic', open: false },
      { username: 'bo', assigned_by: 'user:sup', reason: 'manual', open: true },
    ]);
    assert.deepEqual((await assignedEvents()).at(-1), {
      actor_kind: 'user', actor: 'user:sup', subject_kind: 'case', subject_id: caseId,
      detail: { reason: 'manual', teamId: TEST_TEAM, toUserId: ids.bo, fromTeamId: TEST_TEAM,
        fromUserId: ids.amy },
    });
    const page = await board(supervisor, `?team=${TEST_TEAM}&moved=${caseId}`);
    assert.ok(page.body.includes(`<p id="team-notice" class="ok" role="status">案件 ${caseId} 已改派`));
    assert.match(page.body, new RegExp(`<tr data-case="${caseId}">.*<td class="owner">bo</td>`));
    // Narrowed to one person's cases, or to the unowned ones (none are left).
    const listed = async (owner: string) => [...(await board(supervisor, `?team=${TEST_TEAM}&owner=${owner}`))
      .body.matchAll(/<tr data-case="(\d+)">.*<td class="owner">([^<]*)<\/td>/g)].map((match) => match[2]);
    assert.deepEqual(await listed(ids.bo!), Array(3).fill('bo'));
    assert.deepEqual(await listed(ids.amy!), Array(2).fill('amy'));
    assert.deepEqual(await listed('none'), []);
    assert.equal((await listed('')).length, 5);
    assert.equal((await board(supervisor, '?owner=someone')).statusCode, 400);
  });

test('a move to someone outside the team is refused in words and changes nothing', async () => {
  const [found] = await db.query<{ id: bigint; owner_agent: string }>(`SELECT id, owner_agent
    FROM collection_case WHERE owner_team = $1 ORDER BY id LIMIT 1`, [TEST_TEAM]);
  const caseId = String(found!.id);
  const events = (await assignedEvents()).length;
  const url = `/console/team/cases/${caseId}/owner`;
  const refused = await post(url, { team: TEST_TEAM, toUserId: ids.fay!, _csrf: supervisor.csrf });
  assert.equal(refused.statusCode, 403);
  assert.ok(refused.body.includes(`<p id="team-notice" class="flag" role="alert">案件 ${caseId} 未改派：`
    + '案件或所选员工不属于你的团队。</p>'), refused.body);
  const english = await post(url, { team: TEST_TEAM, toUserId: ids.fay!, _csrf: supervisor.csrf },
    `${supervisor.cookie}; lang=en`);
  assert.ok(english.body.includes(`Case ${caseId} was not reassigned: the case or the chosen person is not in`
    + ' your team.'));
  const toManager = await post(url, { team: TEST_TEAM, toUserId: ids.mgr!, _csrf: supervisor.csrf });
  assert.equal(toManager.statusCode, 403, 'a manager is outside the team too');
  assert.equal(await ownerOf(caseId), found!.owner_agent);
  assert.equal((await assignedEvents()).length, events, 'a refusal records nothing');
  // Another team's board or cases are not the supervisor's to touch, whatever the form says.
  const elsewhere = await post(url, { team: 'south', toUserId: ids.fay!, _csrf: supervisor.csrf });
  assert.equal(elsewhere.statusCode, 403);
});

test('a manager chooses any team\'s board', async () => {
  const manager = await signInThroughForm(app, 'mgr');
  const south = await board(manager, '?team=south');
  assert.equal(south.statusCode, 200);
  assert.match(south.body, /<h1>Team south · 团队看板/);
  assert.ok(south.body.includes('<option value="south" selected>Team south</option>'));
  assert.equal((await board(manager, '?team=nowhere')).statusCode, 404);
  assert.equal((await board(manager, '?team=Bad%20Team')).statusCode, 400);
});
