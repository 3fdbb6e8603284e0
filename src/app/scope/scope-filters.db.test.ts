// The scopes on the read models, on a real database: five borrowers after one daily cycle (so each
// has an open case), two on team cases, three placed with an agency (one placement allows third
// parties, one starts tomorrow, one was recalled). Each reader lists accounts, cases and planned
// actions and opens single records; what is outside its scope must be absent from lists and
// answered exactly as an unknown record, and every number must come out masked.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../../db/database.ts';
import { openTestDatabase } from '../../../test/support/test-database.ts';
import { insertAccount, insertBorrower, insertProduct } from '../../../test/support/ledger-fixture.ts';
import { runCycle } from '../cycle/run-cycle.ts';
import { getAccount } from '../portfolio/get-account.ts';
import { listAccounts } from '../portfolio/list-accounts.ts';
import { getCase, listCases } from '../portfolio/list-cases.ts';
import { listPlannedActions } from '../portfolio/list-planned-actions.ts';
import { ALL_RECORDS_MASKED, type DataScope } from './load-scope.ts';

let db: Db;
const today = '2026-03-10';
const team = (teamId: string): DataScope =>
  ({ records: { kind: 'team', teamId }, thirdParties: 'shown', mayRevealNumbers: false });
const teamA = team('a');
const teamB = team('b');
const agency = (on: string): DataScope => ({
  records: { kind: 'agency', agencyId: 'acme', today: on }, thirdParties: 'per_placement',
  mayRevealNumbers: false,
});
const nobody: DataScope = { records: { kind: 'none' }, thirdParties: 'shown', mayRevealNumbers: false };
/** Borrower → [team owning the case, placement with acme (placed_on, recalled_on, shows third parties)]. */
const FILES: [string, string | null, [string, string | null, boolean] | null][] = [
  ['wang', 'a', null],
  ['li', 'b', null],
  ['zhou', null, ['2026-03-01', null, false]],
  ['sun', null, ['2026-03-01', null, true]],
  ['qian', null, ['2026-02-01', '2026-03-05', true]],
  ['feng', null, ['2026-03-11', null, true]],
];

before(async () => {
  db = await openTestDatabase();
  await insertProduct(db, { id: 'loan', interestRateBp: 0, penaltyRatePpmPerDay: 500, graceDays: 0 });
  await db.query(`INSERT INTO team (id, name) VALUES ('a', 'Team A'), ('b', 'Team B')`);
  await db.query(`INSERT INTO agency (id, name) VALUES ('acme', 'Acme Recovery')`);
  for (const [index, [name]] of FILES.entries()) {
    const borrower = await insertBorrower(db, name);
    await insertAccount(db, { externalId: `${name}-1`, borrowerId: borrower, productId: 'loan',
      openedOn: '2026-01-01', installments: [{ dueDate: '2026-02-01', principal: 500000n }] });
    await db.query(`INSERT INTO contact_point (external_id, party_id, borrower_id, kind, value)
      VALUES ($1, $2, $2, 'mobile', $3)`, [`${name}-phone`, borrower, `1380000567${index}`]);
    const [mother] = await db.query<{ id: bigint }>(`INSERT INTO party (external_id, kind, borrower_id,
        relationship, full_name, time_zone, country)
      VALUES ($1, 'contact_person', $2, 'parent', $1, 'Asia/Shanghai', 'CN') RETURNING id`,
    [`${name}-mother`, borrower]);
    await db.query(`INSERT INTO contact_point (external_id, party_id, borrower_id, kind, value)
      VALUES ($1, $2, $3, 'mobile', '13900001111')`, [`${name}-mother-phone`, mother!.id, borrower]);
  }
  assert.ok((await runCycle({ db, asOf: today })).ok);
  for (const [name, team, placement] of FILES) {
    await db.query(`UPDATE collection_case SET owner_team = $2
      WHERE borrower_id = (SELECT id FROM party WHERE external_id = $1)`, [name, team]);
    if (placement === null) continue;
    await db.query(`INSERT INTO placement (account_id, borrower_id, agency_id, placed_on, recalled_on,
        shows_third_parties)
      SELECT a.id, a.borrower_id, 'acme', $2, $3, $4 FROM account a WHERE a.external_id = $1`,
    [`${name}-1`, ...placement]);
  }
});
after(() => db.close());

const accountIds = async (scope: DataScope) =>
  (await listAccounts(db, { scope, limit: 100 })).map((row) => row.externalId);
const caseBorrowers = async (scope: DataScope) =>
  (await listCases(db, { scope, limit: 100 })).map((row) => row.borrowerExternalId);
const caseIdOf = async (borrower: string) => {
  const [row] = await db.query<{ id: bigint }>(`SELECT c.id FROM collection_case c
    JOIN party p ON p.id = c.borrower_id WHERE p.external_id = $1`, [borrower]);
  return String(row!.id);
};

test('every borrower has an open case after the cycle, and the whole portfolio sees them all', async () => {
  const all = FILES.map(([name]) => name);
  assert.deepEqual(await accountIds(ALL_RECORDS_MASKED), all.map((name) => `${name}-1`));
  assert.deepEqual(await caseBorrowers(ALL_RECORDS_MASKED), all);
});

test("a collector of team A sees team A's case and account, never team B's", async () => {
  assert.deepEqual(await caseBorrowers(teamA), ['wang']);
  assert.deepEqual(await caseBorrowers(teamB), ['li']);
  assert.deepEqual(await accountIds(teamA), ['wang-1']);
  const own = await getCase(db, await caseIdOf('wang'), teamA);
  assert.equal(own.ok && own.case.borrowerExternalId, 'wang');
  const unknown = { ok: false, reason: 'unknown_case', field: 'id' };
  assert.deepEqual(await getCase(db, await caseIdOf('li'), teamA), unknown);
  assert.deepEqual(await caseBorrowers(nobody), []);
  assert.deepEqual(await accountIds(nobody), []);
});

test('an agency collector sees only the accounts placed with the agency today', async () => {
  assert.deepEqual(await accountIds(agency(today)), ['zhou-1', 'sun-1']);
  assert.deepEqual(await caseBorrowers(agency(today)), ['zhou', 'sun']);
  // The placement starting tomorrow shows tomorrow; the recalled one showed before its recall.
  assert.deepEqual(await accountIds(agency('2026-03-11')), ['zhou-1', 'sun-1', 'feng-1']);
  assert.deepEqual(await accountIds(agency('2026-03-04')), ['zhou-1', 'sun-1', 'qian-1']);
  await db.query(`UPDATE placement SET recalled_on = $1
    WHERE account_id = (SELECT id FROM account WHERE external_id = 'zhou-1')`, [today]);
  assert.deepEqual(await accountIds(agency(today)), ['sun-1'], 'a placement recalled today is gone today');
  assert.deepEqual(await getAccount(db, 'zhou-1', agency(today)),
    { ok: false, reason: 'unknown_account', field: 'externalId' });
  await db.query(`UPDATE placement SET recalled_on = NULL
    WHERE account_id = (SELECT id FROM account WHERE external_id = 'zhou-1')`);
});

test('a record outside the scope is answered exactly as one that does not exist', async () => {
  const unknown = await getAccount(db, 'nobody-1', teamA);
  assert.deepEqual(unknown, { ok: false, reason: 'unknown_account', field: 'externalId' });
  for (const [scope, account] of [[teamA, 'li-1'], [teamB, 'wang-1'], [agency(today), 'wang-1'],
    [agency(today), 'qian-1'], [nobody, 'wang-1']] as const) {
    assert.deepEqual(await getAccount(db, account, scope), unknown, account);
  }
  assert.deepEqual(await getCase(db, '999999', teamA), await getCase(db, await caseIdOf('li'), teamA));
});

test('planned actions are listed for the cases in scope only', async () => {
  const planned = async (scope: DataScope) => new Set(
    (await listPlannedActions(db, { scope, asOf: today, limit: 500 })).map((row) => row.caseId));
  const all = await planned(ALL_RECORDS_MASKED);
  assert.ok(all.size >= 4, `the cycle planned actions for the cases (${all.size})`);
  const wang = await caseIdOf('wang');
  assert.ok(all.has(wang), "team A's case has planned actions");
  assert.deepEqual([...await planned(teamA)], [wang]);
  const placed = new Set([await caseIdOf('zhou'), await caseIdOf('sun')]);
  assert.deepEqual([...await planned(agency(today))].sort(), [...all].filter((id) => placed.has(id)).sort());
  assert.deepEqual([...await planned(nobody)], []);
});

test('numbers come out masked, whoever reads', async () => {
  for (const scope of [ALL_RECORDS_MASKED, teamA]) {
    const found = await getAccount(db, 'wang-1', scope);
    assert.ok(found.ok);
    assert.deepEqual(found.account.contactPoints.map((row) => [row.id, row.partyRole, row.maskedValue]), [
      ['wang-phone', 'borrower', '138****5670'],
      ['wang-mother-phone', 'third_party', '139****1111'],
    ]);
    const text = JSON.stringify(found.account);
    assert.ok(!text.includes('13800005670') && !text.includes('13900001111'), 'no full number in the page');
  }
});

test('an agency sees third parties only where the placement allows them', async () => {
  const contacts = async (account: string, scope: DataScope) => {
    const found = await getAccount(db, account, scope);
    assert.ok(found.ok, account);
    return [found.account.thirdPartiesShown, found.account.contactPoints.map((row) => row.id)];
  };
  assert.deepEqual(await contacts('zhou-1', agency(today)), [false, ['zhou-phone']]);
  assert.deepEqual(await contacts('sun-1', agency(today)), [true, ['sun-phone', 'sun-mother-phone']]);
  assert.deepEqual(await contacts('zhou-1', ALL_RECORDS_MASKED), [true, ['zhou-phone', 'zhou-mother-phone']]);
});
