// The planned actions API shows, for each action, the strategy version that planned it and the
// policy version of the gate that judged it (migration 0014), also for a message dropped undecided
// because its template is unknown. Method: one borrower, a strategy whose first text names a
// template this version does not have, one cycle on a real database, then GET over HTTP.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../db/database.ts';
import { openTestDatabase } from '../../test/support/test-database.ts';
import { createStaffAccess } from '../../test/support/staff-access.ts';
import { insertAccount, insertBorrower, insertProduct } from '../../test/support/ledger-fixture.ts';
import { runCycle } from '../app/cycle/run-cycle.ts';
import { defaultPolicyGate, packFor } from '../app/gate/policy-gate.ts';
import { activateStrategy } from '../app/strategy/active-strategy.ts';
import { DEFAULT_STRATEGY } from '../policy/strategy/default-strategy.ts';
import { strategyVersion } from '../policy/strategy/strategy-document.ts';
import { buildApp } from './app.ts';

let db: Db;
const RETIRED = { ...DEFAULT_STRATEGY, treatments: DEFAULT_STRATEGY.treatments.map((treatment) =>
  (treatment.action === 'reminder_sms' && treatment.stage === 'gentle_reminder'
    ? { ...treatment, template: 'retired-reminder' } : treatment)) };

before(async () => {
  db = await openTestDatabase();
  await insertProduct(db, { id: 'loan', interestRateBp: 0, penaltyRatePpmPerDay: 500, graceDays: 0 });
  const borrower = await insertBorrower(db, 'mei');
  await insertAccount(db, {
    externalId: 'mei-1', borrowerId: borrower, productId: 'loan', openedOn: '2026-01-01',
    installments: [{ dueDate: '2026-02-01', principal: 500000n }],
  });
  await db.query(`INSERT INTO contact_point (external_id, party_id, borrower_id, kind, value)
    VALUES ('mei-mobile', $1, $1, 'mobile', '13800000009')`, [borrower]);
  await activateStrategy(db, RETIRED);
  assert.ok((await runCycle({ db, asOf: '2026-02-02' })).ok);
});
after(async () => db.close());

test('a planned action is listed with its strategy and policy versions', async () => {
  const [account] = await db.query<{ jurisdiction: string }>(`SELECT p.jurisdiction
    FROM account a JOIN product p ON p.id = a.product_id WHERE a.external_id = 'mei-1'`);
  const pack = packFor(account!.jurisdiction);
  assert.ok(pack !== null, 'the fixture account has a pack');
  const app = await buildApp({ db });
  try {
    const headers = (await createStaffAccess(db)).headers('admin');
    const response = await app.inject({
      method: 'GET', url: '/api/v1/planned-actions?asOf=2026-02-02', headers,
    });
    assert.equal(response.statusCode, 200, response.body);
    const rows = response.json().plannedActions;
    assert.deepEqual(rows.map((row: Record<string, unknown>) =>
      [row.action, row.status, row.strategyVersion, row.policyVersion]),
    [['reminder_sms', 'dropped', strategyVersion(RETIRED), defaultPolicyGate().evaluators[pack].version]]);
  } finally {
    await app.close();
  }
});
