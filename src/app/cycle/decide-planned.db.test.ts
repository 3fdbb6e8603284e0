// The template hole, closed: a planned message whose template this version does not know is never
// decided without its text (which would let it past the content rules unread). It is dropped with
// the reason `unknown_template` and no Decision, both when the cycle plans it and when a later run
// decides a row an earlier one left undecided; a message whose template is known is still decided,
// on its text. Method: a borrower with a mobile and the app, a strategy whose first reminder names a
// template that does not exist, and the cycle run on a real database (PGlite and PostgreSQL).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../../db/database.ts';
import type { Row } from '../../db/schema.ts';
import { openTestDatabase } from '../../../test/support/test-database.ts';
import { insertAccount, insertBorrower, insertProduct } from '../../../test/support/ledger-fixture.ts';
import { DEFAULT_STRATEGY } from '../../policy/strategy/default-strategy.ts';
import { defaultPolicyGate } from '../gate/policy-gate.ts';
import { activateStrategy } from '../strategy/active-strategy.ts';
import { decideActions } from './decide-actions.ts';
import { UNKNOWN_TEMPLATE } from './decide-planned.ts';
import { runCycle } from './run-cycle.ts';

let db: Db;

type PlannedRow = {
  action: string; template: string | null; status: string; reason: string | null; decision_id: string | null;
  content: string | null;
};
const plannedOn = (asOf: string) => db.query<PlannedRow>(`SELECT pa.action, pa.template, pa.status, pa.reason,
    pa.decision_id, d.situation -> 'content' ->> 'templateId' AS content
  FROM planned_action pa LEFT JOIN decision d ON d.id = pa.decision_id
  WHERE pa.as_of = $1 ORDER BY pa.action`, [asOf]);

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
  // The default ladder, but its first text names a template this version does not have.
  await activateStrategy(db, { ...DEFAULT_STRATEGY, treatments: DEFAULT_STRATEGY.treatments.map((treatment) =>
    (treatment.action === 'reminder_sms' && treatment.stage === 'gentle_reminder'
      ? { ...treatment, template: 'retired-reminder' } : treatment)) });
});
after(async () => db.close());

test('the cycle drops a message with an unknown template, undecided, and decides a known one', async () => {
  assert.ok((await runCycle({ db, asOf: '2026-02-02' })).ok);
  assert.ok((await runCycle({ db, asOf: '2026-02-03' })).ok);
  const [sms] = await plannedOn('2026-02-02');
  assert.deepEqual(sms, { action: 'reminder_sms', template: 'retired-reminder', status: 'dropped',
    reason: UNKNOWN_TEMPLATE, decision_id: null, content: null });
  const [push] = await plannedOn('2026-02-03');
  assert.equal(push?.action, 'reminder_push');
  assert.ok(push.decision_id !== null, 'a known template is decided');
  assert.equal(push.content, 'gentle-reminder', 'and decided on its text');
});

test('a row left undecided with an unknown template is dropped by the decide step, undecided', async () => {
  const [left] = await db.query<{ id: bigint }>(`INSERT INTO planned_action (as_of, case_id, borrower_id,
      stage, action, channel, template, strategy_version)
    SELECT '2026-02-03', c.id, c.borrower_id, c.stage, 'left_undecided', 'sms', 'retired-reminder',
      c.strategy_version
    FROM collection_case c WHERE c.status = 'open' RETURNING id`);
  assert.ok(left !== undefined, 'mei has an open case');
  const counts = await db.transaction((tx) => decideActions(tx, '2026-02-03', defaultPolicyGate()));
  assert.deepEqual(counts, { allowed: 0, deferred: 0, dropped: 1 });
  const [row] = await db.query<Pick<Row<'planned_action'>, 'status' | 'reason' | 'decision_id'>>(
    'SELECT status, reason, decision_id FROM planned_action WHERE id = $1', [left.id]);
  assert.deepEqual(row, { status: 'dropped', reason: 'unknown_template', decision_id: null });
});
