// What the database holds whatever code writes (migration 0013). A party, a case or a Decision that
// a row refers to cannot be deleted, have its id changed or be truncated alone, while one that no
// row refers to can. Every write to what delinquency figures are computed from marks the account
// for their recompute, with a new mark number each time; the late fee (the fee raised as the
// installment is flagged charged) does not, as the cycle charges it on installments already past
// due. Rows are written by hand so that each refusal has one cause; the cycle's own late fee step
// is tested in app/cycle/recompute-scope.db.test.ts.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from './database.ts';
import type { Row } from './schema.ts';
import { openTestDatabase } from '../../test/support/test-database.ts';
import { insertAccount, insertBorrower, insertProduct } from '../../test/support/ledger-fixture.ts';

let db: Db;
/** Borrowers without accounts, so that only the rows written below refer to them. */
let decided: bigint;
let named: bigint;
let unreferenced: bigint;
let account: bigint;

async function insertCase(borrowerId: bigint): Promise<bigint> {
  const [row] = await db.query<Pick<Row<'collection_case'>, 'id'>>(`INSERT INTO collection_case (borrower_id,
      status, opened_on, stage, stage_since, strategy_version, max_dpd, overdue_minor, currency)
    VALUES ($1, 'open', '2026-03-01', 'gentle_reminder', '2026-03-01', 'integrity', 5, 100, 'CNY')
    RETURNING id`, [borrowerId]);
  return row!.id;
}

async function insertDecision(id: string, borrowerId: bigint): Promise<void> {
  await db.query(`INSERT INTO decision (id, borrower_id, decided_at, policy_version, pack, channel,
      allowed, situation, decision)
    VALUES ($1, $2, '2026-03-01T01:00:00Z', 'v', 'CN', 'letter', true, '{}', '{}')`, [id, borrowerId]);
}

async function insertPlannedAction(caseId: bigint, borrowerId: bigint, decisionId: string): Promise<void> {
  await db.query(`INSERT INTO planned_action (as_of, case_id, borrower_id, stage, action, channel,
      decision_id, strategy_version, policy_version)
    VALUES ('2026-03-01', $1, $2, 'gentle_reminder', 'letter', 'letter', $3, 'integrity', 'v')`,
  [caseId, borrowerId, decisionId]);
}

before(async () => {
  db = await openTestDatabase();
  await db.query(`INSERT INTO strategy_document (version, name, body)
    VALUES ('integrity', 'integrity', '{}')`);
  await db.query(`INSERT INTO policy_version (version, pack, settings, citations)
    VALUES ('v', 'CN', '{}', '{}')`);
  await insertProduct(db, { id: 'loan', graceDays: 3, lateFeeMinor: 2500n, penaltyRatePpmPerDay: 0 });
  await insertProduct(db, { id: 'longer-grace', graceDays: 10, lateFeeMinor: 2500n,
    penaltyRatePpmPerDay: 0 });
  decided = await insertBorrower(db, 'decided');
  named = await insertBorrower(db, 'named');
  unreferenced = await insertBorrower(db, 'unreferenced');
  const holder = await insertBorrower(db, 'holder');
  account = await insertAccount(db, {
    externalId: 'holder-1', borrowerId: holder, productId: 'loan', openedOn: '2026-01-01',
    installments: [
      { dueDate: '2026-02-01', principal: 50000n }, { dueDate: '2026-05-01', principal: 50000n },
    ],
  });
  // A case keeps its foreign key to party; a Decision alone refers to `decided`.
  await insertDecision('decision-alone', decided);
  const planned = await insertCase(named);
  await insertDecision('decision-planned', named);
  await insertPlannedAction(planned, named, 'decision-planned');
  await insertDecision('decision-attempted', holder);
  await db.query(`INSERT INTO contact_attempt (borrower_id, party_id, actor_kind, actor_id, channel,
      started_at, outcome, decision_id)
    VALUES ($1, $1, 'system', 'letters', 'letter', '2026-03-01T02:00:00Z', 'delivered',
      'decision-attempted')`,
  [holder]);
});
after(async () => {
  await db.close();
});

async function count(sql: string, params: readonly unknown[] = []): Promise<number> {
  const [row] = await db.query<{ n: number }>(`WITH rows AS (${sql}) SELECT count(*)::int AS n FROM rows`,
    params);
  return row!.n;
}

test('a party, a case or a Decision that a row refers to cannot be deleted', async () => {
  await assert.rejects(db.query('DELETE FROM party WHERE id = $1', [decided]),
    /a party named by a decision cannot be deleted/);
  await assert.rejects(db.query('DELETE FROM collection_case WHERE borrower_id = $1', [named]),
    /a case named by a planned action cannot be deleted/);
  await assert.rejects(db.query(`DELETE FROM decision WHERE id = 'decision-planned'`),
    /a decision named by a planned action cannot be deleted/);
  await assert.rejects(db.query(`DELETE FROM decision WHERE id = 'decision-attempted'`),
    /contact_attempt_decision/);
  // One statement over many rows is refused whole when one of them is referred to.
  await assert.rejects(db.query('DELETE FROM decision'), /cannot be deleted|contact_attempt_decision/);
  assert.equal(await count('SELECT 1 FROM party WHERE id = $1', [decided]), 1);
  assert.equal(await count('SELECT 1 FROM collection_case WHERE borrower_id = $1', [named]), 1);
  assert.equal(await count('SELECT 1 FROM decision'), 3);
});

test('a party, a case or a Decision that nothing refers to can be deleted', async () => {
  const caseId = await insertCase(unreferenced);
  await insertDecision('decision-unreferenced', unreferenced);
  assert.equal(await count(`DELETE FROM decision WHERE id = 'decision-unreferenced' RETURNING 1`), 1);
  assert.equal(await count('DELETE FROM collection_case WHERE id = $1 RETURNING 1', [caseId]), 1);
  assert.equal(await count('DELETE FROM party WHERE id = $1 RETURNING 1', [unreferenced]), 1);
});

test('the id of a party, a case or a Decision that a row refers to cannot change', async () => {
  await assert.rejects(db.query('UPDATE party SET id = -7 WHERE id = $1', [decided]),
    /the id of a party that is referred to cannot change/);
  await assert.rejects(db.query('UPDATE collection_case SET id = -7 WHERE borrower_id = $1', [named]),
    /the id of a collection_case that is referred to cannot change/);
  await assert.rejects(db.query(`UPDATE decision SET id = 'renamed' WHERE id = 'decision-planned'`),
    /the id of a decision that is referred to cannot change/);
});

test('a referred table cannot be truncated without the tables that refer to it', async () => {
  const keyedToAttempts = await keyedTo('contact_attempt');
  await assert.rejects(db.exec(`TRUNCATE decision, contact_attempt, ${keyedToAttempts}`),
    /table decision is referred to and cannot be truncated alone/);
  const keyed = await keyedTo('contact_attempt', 'collection_case');
  await assert.rejects(db.exec(`TRUNCATE collection_case, contact_attempt, ${keyed}`),
    /table collection_case is referred to and cannot be truncated alone/);
  // With the referring rows in the same statement it is allowed, as with a foreign key; undone.
  const rolledBack = new Error('undo the truncation');
  await assert.rejects(db.transaction(async (tx) => {
    await tx.exec(`TRUNCATE collection_case, decision, contact_attempt, planned_action, ${keyed}`);
    throw rolledBack;
  }), (error) => error === rolledBack);
  assert.equal(await count('SELECT 1 FROM planned_action'), 1);
});

/**
 * The tables whose foreign keys refer to these (promises, notes, assignments…): PostgreSQL itself
 * refuses to truncate a table without them, before the triggers this test is about are reached.
 */
async function keyedTo(...tables: string[]): Promise<string> {
  const rows = await db.query<{ name: string }>(`SELECT DISTINCT c.conrelid::regclass::text AS name
    FROM pg_constraint c WHERE c.contype = 'f' AND c.confrelid::regclass::text = ANY($1)
      AND NOT (c.conrelid::regclass::text = ANY($1)) ORDER BY 1`, [tables]);
  return rows.map((row) => row.name).join(', ');
}

/** Empties the marks, runs `write` on the account and returns the marks with their numbers. */
async function marksAfter(write: string): Promise<Map<bigint, bigint>> {
  await db.exec('DELETE FROM ledger_change');
  await db.query(write, [account]);
  const rows = await db.query<Row<'ledger_change'>>(
    'SELECT account_id, marked FROM ledger_change');
  return new Map(rows.map((row) => [row.account_id, row.marked]));
}

const FIRST = 'WHERE account_id = $1 AND seq = 1';
const THIRD = 'WHERE account_id = $1 AND seq = 3';

test('every write to what the figures are computed from marks the account', async () => {
  const writes: [string, string][] = [
    ['a new installment', `INSERT INTO installment (account_id, seq, borrower_id, due_date,
      principal_due_minor, interest_due_minor) SELECT account_id, 3, borrower_id, '2026-06-01', 100, 0
      FROM installment WHERE account_id = $1 AND seq = 1`],
    ['due date', `UPDATE installment SET due_date = due_date + 1 ${THIRD}`],
    ['principal due', `UPDATE installment SET principal_due_minor = 200 ${THIRD}`],
    ['interest due', `UPDATE installment SET interest_due_minor = 5 ${THIRD}`],
    ['fee due (an import)', `UPDATE installment SET fee_due_minor = 7 ${THIRD}`],
    ['principal paid', `UPDATE installment SET principal_paid_minor = 1 ${THIRD}`],
    ['interest paid', `UPDATE installment SET interest_paid_minor = 1 ${THIRD}`],
    ['fee paid', `UPDATE installment SET fee_paid_minor = 1 ${THIRD}`],
    ['penalty charged and paid', `UPDATE installment SET penalty_accrued_minor = 3, penalty_paid_minor = 2,
      penalty_through = '2026-06-03' ${THIRD}`],
    ['penalty date', `UPDATE installment SET penalty_through = '2026-06-04' ${THIRD}`],
    ['a removed installment', `DELETE FROM installment ${THIRD}`],
    ['the account\'s product', `UPDATE account SET product_id = 'longer-grace' WHERE id = $1`],
    ['the account\'s principal', `UPDATE account SET principal_minor = principal_minor + 1 WHERE id = $1`],
    ['the account\'s opening date', `UPDATE account SET opened_on = opened_on - 1 WHERE id = $1`],
  ];
  for (const [name, write] of writes) {
    assert.deepEqual([...(await marksAfter(write)).keys()], [account], name);
  }
  const settled = await marksAfter(`UPDATE installment SET paid_off_on = '2026-02-01'
    WHERE account_id = $1 AND seq = 1`);
  assert.equal(settled.size, 0, 'the settlement date is no figure');
  const status = await marksAfter(`UPDATE account SET status = 'frozen' WHERE id = $1`);
  assert.equal(status.size, 0, 'the status is the cycle\'s own answer, no term');
  const same = await marksAfter(`UPDATE account SET product_id = product_id WHERE id = $1`);
  assert.equal(same.size, 0, 'terms written unchanged');
});

test('a mark that exists is renewed by the next write', async () => {
  const first = await marksAfter(`UPDATE installment SET principal_paid_minor = 10 ${FIRST}`);
  await db.query(`UPDATE installment SET principal_paid_minor = 20 ${FIRST}`, [account]);
  const [renewed] = await db.query<Pick<Row<'ledger_change'>, 'marked'>>(
    'SELECT marked FROM ledger_change WHERE account_id = $1', [account]);
  assert.ok(renewed!.marked > first.get(account)!, 'the mark number moved on');
});

test('the late fee marks no account; a fee raised without charging one does', async () => {
  const lateFee = await marksAfter(`UPDATE installment
    SET fee_due_minor = fee_due_minor + 2500, late_fee_charged = true WHERE account_id = $1 AND seq = 1`);
  assert.equal(lateFee.size, 0);
  const again = await marksAfter(`UPDATE installment
    SET fee_due_minor = fee_due_minor + 2500 WHERE account_id = $1 AND seq = 1`);
  assert.deepEqual([...again.keys()], [account]);
});
