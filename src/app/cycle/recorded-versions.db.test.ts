// Each planned action records the strategy version that planned it and the policy version of the
// gate that judged it, and each Decision the cycle makes records the strategy version (migration
// 0014), which the database requires of every row written since (0015). Method: a borrower with a
// mobile and the app; a strategy whose first text names a template this version does not have
// (dropped undecided); the cycle run on a real database (PGlite and PostgreSQL); then the shipped
// strategy activated and the next day planned under it. Last, the migrations are run again on the
// same rows with their columns removed, as on a database written before them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Db } from '../../db/database.ts';
import type { Row } from '../../db/schema.ts';
import { MIGRATIONS_DIR } from '../../db/migrate.ts';
import { openTestDatabase } from '../../../test/support/test-database.ts';
import { insertAccount, insertBorrower, insertProduct } from '../../../test/support/ledger-fixture.ts';
import { DEFAULT_STRATEGY } from '../../policy/strategy/default-strategy.ts';
import { strategyVersion } from '../../policy/strategy/strategy-document.ts';
import { defaultPolicyGate, packFor } from '../gate/policy-gate.ts';
import { activateStrategy } from '../strategy/active-strategy.ts';
import { loadStrategy } from '../strategy/load-strategy.ts';
import { decideActions } from './decide-actions.ts';
import { UNKNOWN_TEMPLATE } from './decide-planned.ts';
import { runCycle } from './run-cycle.ts';

let db: Db;
/** The default ladder, but its first text names a template this version does not have. */
const RETIRED = { ...DEFAULT_STRATEGY, treatments: DEFAULT_STRATEGY.treatments.map((treatment) =>
  (treatment.action === 'reminder_sms' && treatment.stage === 'gentle_reminder'
    ? { ...treatment, template: 'retired-reminder' } : treatment)) };

type PlannedVersions = {
  as_of: string; action: string; reason: string | null; decision_id: string | null;
  strategy_version: string | null; policy_version: string | null;
  decision_policy: string | null; decision_strategy: string | null;
};
const plannedVersions = () => db.query<PlannedVersions>(`SELECT pa.as_of::text, pa.action, pa.reason,
    pa.decision_id, pa.strategy_version, pa.policy_version, d.policy_version AS decision_policy,
    d.strategy_version AS decision_strategy
  FROM planned_action pa LEFT JOIN decision d ON d.id = pa.decision_id ORDER BY pa.as_of, pa.action`);

before(async () => {
  db = await openTestDatabase();
  await insertProduct(db, { id: 'loan', interestRateBp: 0, penaltyRatePpmPerDay: 500, graceDays: 0 });
  const borrower = await insertBorrower(db, 'mei');
  await insertAccount(db, {
    externalId: 'mei-1', borrowerId: borrower, productId: 'loan', openedOn: '2026-01-01',
    installments: [{ dueDate: '2026-02-01', principal: 500000n }],
  });
  await db.query(`INSERT INTO contact_point (external_id, party_id, borrower_id, kind, value)
    VALUES ('mei-mobile', $1, $1, 'mobile', '13800000009'), ('mei-app', $1, $1, 'app_push', 'device-9')`,
  [borrower]);
  await activateStrategy(db, RETIRED);
});
after(async () => db.close());

/** The version of the default gate's evaluator for mei's account's pack. */
async function policyVersionOfMei(): Promise<string> {
  const [account] = await db.query<Pick<Row<'product'>, 'jurisdiction'>>(`SELECT p.jurisdiction
    FROM account a JOIN product p ON p.id = a.product_id WHERE a.external_id = 'mei-1'`);
  const pack = packFor(account!.jurisdiction);
  assert.ok(pack !== null, 'the fixture account has a pack');
  return defaultPolicyGate().evaluators[pack].version;
}

test('every planned action records both versions, every cycle Decision its strategy version', async () => {
  assert.ok((await runCycle({ db, asOf: '2026-02-02' })).ok);
  // What `faircollect strategy activate` does with the lender's file.
  assert.ok((await loadStrategy(db, DEFAULT_STRATEGY)).ok);
  assert.ok((await runCycle({ db, asOf: '2026-02-03' })).ok);
  const policy = await policyVersionOfMei();
  const retired = strategyVersion(RETIRED);
  const shipped = strategyVersion(DEFAULT_STRATEGY);
  assert.notEqual(retired, shipped);
  const rows = await plannedVersions();
  assert.deepEqual(rows.map((row) => [row.as_of, row.action, row.reason, row.strategy_version,
    row.policy_version]), [
    // Dropped before any rule ran, still naming the version of the gate that refused it.
    ['2026-02-02', 'reminder_sms', UNKNOWN_TEMPLATE, retired, policy],
    ['2026-02-03', 'reminder_push', null, shipped, policy],
  ]);
  assert.equal(rows[0]!.decision_id, null);
  const decided = rows[1]!;
  assert.ok(decided.decision_id !== null, 'the push is decided');
  assert.equal(decided.decision_policy, policy);
  assert.equal(decided.decision_strategy, shipped, 'the Decision names the strategy it judged for');
  const [stored] = await db.query<Pick<Row<'policy_version'>, 'pack'>>(
    'SELECT pack FROM policy_version WHERE version = $1', [policy]);
  assert.ok(stored !== undefined, 'the version a dropped action names is stored with its settings');
});

test('a row an interrupted run left undecided gets its policy version when it is decided', async () => {
  const shipped = strategyVersion(DEFAULT_STRATEGY);
  const [left] = await db.query<{ id: bigint }>(`INSERT INTO planned_action (as_of, case_id, borrower_id,
      stage, action, channel, template, detail, strategy_version)
    SELECT '2026-02-04', c.id, c.borrower_id, c.stage, 'left_undecided', 'app_push', 'gentle-reminder',
      jsonb_build_object('strategyVersion', $1::text), $1::text
    FROM collection_case c WHERE c.status = 'open' RETURNING id`, [shipped]);
  assert.ok(left !== undefined, 'mei has an open case');
  await db.transaction((tx) => decideActions(tx, '2026-02-04', defaultPolicyGate()));
  type Versions = { strategy_version: string; policy_version: string; decision_strategy: string };
  const [row] = await db.query<Versions>(
    `SELECT pa.strategy_version, pa.policy_version, d.strategy_version AS decision_strategy
      FROM planned_action pa JOIN decision d ON d.id = pa.decision_id WHERE pa.id = $1`, [left.id]);
  assert.deepEqual(row, { strategy_version: shipped, policy_version: await policyVersionOfMei(),
    decision_strategy: shipped });
  await db.query('DELETE FROM planned_action WHERE id = $1', [left.id]);
});

test('a planned action naming a version that does not exist is refused, per statement', async () => {
  await assert.rejects(db.query(`UPDATE planned_action SET strategy_version = 'no-such-strategy'
    WHERE as_of = '2026-02-02'`), /names a strategy version that does not exist/);
  await assert.rejects(db.query(`UPDATE planned_action SET policy_version = 'no-such-policy'
    WHERE as_of = '2026-02-02'`), /names a policy version that does not exist/);
  await db.query(`INSERT INTO policy_version (version, pack, settings, citations)
    VALUES ('another-version', 'CN', '{}', '{}')`);
  await assert.rejects(db.query(`UPDATE planned_action SET policy_version = 'another-version'
    WHERE decision_id IS NOT NULL`), /names a policy version other than its decision's/);
  await db.query(`DELETE FROM policy_version WHERE version = 'another-version'`);
  await assert.rejects(db.query(`UPDATE decision SET strategy_version = 'no-such-strategy'`),
    /names a strategy version that does not exist/);
});

test('a planned action without its strategy version, or decided without its policy version, is refused',
  async () => {
    await assert.rejects(db.query(`INSERT INTO planned_action (as_of, case_id, borrower_id, stage, action,
        channel, template, detail)
      SELECT '2026-02-05', c.id, c.borrower_id, c.stage, 'unversioned', 'app_push', 'gentle-reminder', '{}'
      FROM collection_case c WHERE c.status = 'open'`), /planned_action_strategy_version_recorded/);
    await assert.rejects(db.query(`UPDATE planned_action SET policy_version = NULL
      WHERE decision_id IS NOT NULL`), /planned_action_policy_version_recorded/);
    await assert.rejects(db.query(`UPDATE planned_action SET strategy_version = NULL`),
      /planned_action_strategy_version_recorded/);
  });

test('the migration fills the versions of rows written without its columns', async () => {
  const before = await plannedVersions();
  const migrations = ['0014_recorded_versions.sql', '0015_recorded_versions_required.sql']
    .map((name) => readFileSync(`${MIGRATIONS_DIR}${name}`, 'utf8'));
  await db.transaction(async (tx) => {
    // Dropping the columns drops the checks of 0015 with them.
    await tx.exec(`ALTER TABLE planned_action DROP COLUMN strategy_version, DROP COLUMN policy_version;
      ALTER TABLE decision DROP COLUMN strategy_version;`);
    for (const migration of migrations) await tx.exec(migration);
  });
  const after = await plannedVersions();
  assert.deepEqual(after, before.map((row) => ({
    ...row,
    // Nothing written before says which pack's version refused an action dropped undecided.
    policy_version: row.decision_id === null ? null : row.policy_version,
  })));
  assert.equal(after[0]!.policy_version, null);
  assert.ok(after[1]!.decision_strategy !== null && after[1]!.policy_version !== null);
});
