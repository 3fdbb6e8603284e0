// `faircollect strategy` as a lender uses it: `validate` names the version or each problem by its
// path; `activate` stores the lender's document as a new version beside the one in force, which is
// kept, and the next cycle plans under it: the same case, one day later, gets the new ladder's action
// and names the new version.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../test/support/run-cli.ts';
import { createSharedTestDatabase, type SharedTestDatabase } from '../../../test/support/test-database.ts';
import { insertPhoneCollectionBorrower } from '../../../test/support/ledger-fixture.ts';
import { createStaffAccess } from '../../../test/support/staff-access.ts';
import { buildApp } from '../../http/app.ts';
import { DEFAULT_STRATEGY } from '../../policy/strategy/default-strategy.ts';
import { strategyVersion } from '../../policy/strategy/strategy-document.ts';

const directory = mkdtempSync(join(tmpdir(), 'faircollect-strategy-'));
/** The shipped ladder, except that phone collection opens with a text and calls from its third day. */
const LENDER = {
  ...DEFAULT_STRATEGY,
  name: 'lender-ladder',
  treatments: DEFAULT_STRATEGY.treatments.map((treatment) =>
    (treatment.stage === 'phone_collection' && treatment.action === 'collector_call'
      ? { ...treatment, action: 'lender_first_text', channel: 'sms' as const, template: 'payment-options' }
      : treatment)),
};
const LENDER_FILE = join(directory, 'lender.json');
writeFileSync(LENDER_FILE, JSON.stringify(LENDER));
const BROKEN_FILE = join(directory, 'broken.yaml');
writeFileSync(BROKEN_FILE, 'name: broken\nbuckets: []\nstages: []\ntreatments: []\n');

let database: SharedTestDatabase;
before(async () => {
  database = await createSharedTestDatabase();
  const db = await database.open();
  // 13 and 14 days past due on 2026-03-10 and 11: phone collection both days.
  await insertPhoneCollectionBorrower(db);
  await db.close();
});
after(async () => {
  await database.dispose();
  rmSync(directory, { recursive: true, force: true });
});

function run(...args: string[]) {
  return runCli(database, args);
}

test('validate prints the version of a valid document and each problem of a broken one', () => {
  assert.deepEqual(run('strategy', 'validate', LENDER_FILE), { status: 0, stderr: '',
    stdout: `${LENDER_FILE}: valid strategy ${strategyVersion(LENDER)} (6 stages, 14 treatments)\n` });
  const broken = run('strategy', 'validate', BROKEN_FILE);
  assert.equal(broken.status, 2);
  const heading = `faircollect: ${BROKEN_FILE}: invalid strategy:\n  /buckets: `;
  assert.ok(broken.stderr.startsWith(heading), broken.stderr);
  assert.equal(run('strategy', 'activate', BROKEN_FILE).status, 2, 'a broken document is never activated');
});

test('activate switches what the next cycle plans, and both versions stay recorded', async () => {
  const defaultVersion = strategyVersion(DEFAULT_STRATEGY);
  const lenderVersion = strategyVersion(LENDER);
  assert.equal(run('cycle', '--as-of', '2026-03-10').status, 0);
  const activated = run('strategy', 'activate', LENDER_FILE);
  assert.deepEqual(activated, { status: 0, stderr: '', stdout: `activated ${lenderVersion}; replacing `
    + `${defaultVersion}, which is kept; the next cycle plans under it\n` });
  assert.equal(run('cycle', '--as-of', '2026-03-11').status, 0);
  const db = await database.open();
  try {
    const planned = await db.query<{ as_of: string; action: string; version: string }>(
      `SELECT as_of::text, action, detail->>'strategyVersion' AS version FROM planned_action
        ORDER BY as_of, action`);
    assert.deepEqual(planned, [
      { as_of: '2026-03-10', action: 'collector_call', version: defaultVersion },
      { as_of: '2026-03-11', action: 'lender_first_text', version: lenderVersion },
    ]);
    const stored = await db.query<{ version: string; active: boolean }>(
      'SELECT version, active FROM strategy_document ORDER BY version');
    assert.deepEqual(stored, [
      { version: defaultVersion, active: false }, { version: lenderVersion, active: true },
    ].sort((a, b) => (a.version < b.version ? -1 : 1)));
    const activated = await db.query<{ subject_id: string; actor: string }>(
      `SELECT subject_id, actor FROM audit_event WHERE action = 'strategy.activated'`);
    assert.deepEqual(activated.map((event) => event.subject_id), [lenderVersion],
      'the activation is audited');
    assert.match(activated[0]!.actor, /^cli:/);
    const [caseRow] = await db.query<{ strategy_version: string }>(
      'SELECT strategy_version FROM collection_case');
    assert.equal(caseRow?.strategy_version, lenderVersion);
    const app = await buildApp({ db });
    const headers = (await createStaffAccess(db)).headers('manager');
    const page = (await app.inject({ method: 'GET', url: '/console/settings', headers })).body;
    await app.close();
    assert.ok(page.includes(`<code id="strategy-version">${lenderVersion}</code>`), page);
    assert.ok(page.includes(`<tr><td><code>${defaultVersion}</code></td>`), 'the earlier version is listed');
    assert.ok(page.includes('未加载设置文件'), 'without a settings file the page says the packs\' own apply');
  } finally {
    await db.close();
  }
  const listed = run('strategy', 'list').stdout.split('\n').filter((line) => line !== '');
  assert.deepEqual(listed.map((line) => line.split(/\s+/).slice(0, 2).join(' ').trim()).sort(),
    [`* ${lenderVersion}`, defaultVersion].sort());
  assert.equal(run('strategy', 'activate', LENDER_FILE).stdout,
    `activated ${lenderVersion} (loaded before); it was already active; the next cycle plans under it\n`);
});
