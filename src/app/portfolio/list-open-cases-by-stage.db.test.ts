// The console's reads of the portfolio on a real database: the latest snapshot date, and open cases
// per stage with the actions planned on a date, both before the first cycle and after seven weeks of
// cycles. The counts are checked against the case and planned-action lists, read one row at a time.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../../db/database.ts';
import { openTestDatabase } from '../../../test/support/test-database.ts';
import { insertAccount, insertBorrower, insertProduct } from '../../../test/support/ledger-fixture.ts';
import { runCycle } from '../cycle/run-cycle.ts';
import { ALL_RECORDS_MASKED } from '../scope/load-scope.ts';
import { addDays } from '../../stdx/civil-date.ts';
import { getLatestSnapshotDate } from './get-latest-snapshot-date.ts';
import { listCases } from './list-cases.ts';
import { listOpenCasesByStage, type OpenStageCount } from './list-open-cases-by-stage.ts';
import { listPlannedActions } from './list-planned-actions.ts';

let db: Db;

before(async () => {
  db = await openTestDatabase();
});
after(async () => {
  await db.close();
});

/** The same counts, derived from the paged lists: open cases by stage, actions planned on the date. */
async function countFromLists(plannedOn: string | null): Promise<OpenStageCount[]> {
  const open = await listCases(db, { scope: ALL_RECORDS_MASKED, status: 'open', limit: 500 });
  const planned = plannedOn === null
    ? []
    : await listPlannedActions(db, { scope: ALL_RECORDS_MASKED, asOf: plannedOn, limit: 500 });
  const stages = [...new Set(open.map((row) => row.stage))].sort();
  return stages.map((stage) => ({
    stage,
    openCases: open.filter((row) => row.stage === stage).length,
    plannedActions: planned.filter((row) => row.stage === stage).length,
  }));
}

test('before the first cycle there is no snapshot date and no open case', async () => {
  assert.equal(await getLatestSnapshotDate(db), null);
  assert.deepEqual(await listOpenCasesByStage(db, { plannedOn: null }), []);
});

test('after cycles: the last cycle date, and per stage the open cases and that date\'s actions', async () => {
  await insertProduct(db, { id: 'loan', interestRateBp: 0, penaltyRatePpmPerDay: 500, graceDays: 3 });
  const dueDates = ['2026-03-01', '2026-03-20', '2026-04-15'];
  for (const [index, dueDate] of dueDates.entries()) {
    const borrowerId = await insertBorrower(db, `b${index}`);
    await insertAccount(db, { externalId: `A${index}`, borrowerId, productId: 'loan', openedOn: '2026-02-01',
      installments: [{ dueDate, principal: 100000n }] });
  }
  for (let date = '2026-03-01'; date <= '2026-04-20'; date = addDays(date, 1)) {
    assert.ok((await runCycle({ db, asOf: date })).ok);
  }
  assert.equal(await getLatestSnapshotDate(db), '2026-04-20');
  let plannedSeen = 0;
  for (let date = '2026-03-01'; date <= '2026-04-20'; date = addDays(date, 1)) {
    const counts = await listOpenCasesByStage(db, { plannedOn: date });
    assert.deepEqual(counts, await countFromLists(date), date);
    plannedSeen += counts.reduce((total, row) => total + row.plannedActions, 0);
  }
  assert.ok(plannedSeen > 0, 'some date had planned actions to count');
  const none = await listOpenCasesByStage(db, { plannedOn: null });
  assert.ok(none.length > 1, 'the cases are spread over more than one stage');
  assert.deepEqual(none, await countFromLists(null));
});
