// The recompute of delinquency reads only the accounts whose figures can have changed
// (ledger-change-sql.ts). After every cycle date of a generated portfolio (payments, credit
// balances, late fees, installments falling due) and after a re-import that changes a schedule,
// recomputing every account for the same date must change nothing. The database marks what every
// writer of installments changes (migration 0013), except the late fee step's charges.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../../db/database.ts';
import type { Row } from '../../db/schema.ts';
import { openTestDatabase } from '../../../test/support/test-database.ts';
import { addDays, type CivilDate } from '../../stdx/civil-date.ts';
import { loadPortfolio } from '../generate/load-portfolio.ts';
import { importFile } from '../import/import-file.ts';
import { loadActiveStrategy } from '../strategy/active-strategy.ts';
import { accrueCharges } from './accrue-charges.ts';
import { recomputeScopeSql } from './ledger-change-sql.ts';
import { recomputeDelinquency } from './recompute-delinquency.ts';
import { runCycle } from './run-cycle.ts';

const AS_OF = '2026-03-01';
let db: Db;
let scratch: string;

before(async () => {
  db = await openTestDatabase();
  scratch = await mkdtemp(join(tmpdir(), 'faircollect-scope-'));
  const loaded = await loadPortfolio(db, { borrowers: 150, seed: 11, asOf: AS_OF, historyDays: 150 });
  assert.ok(loaded.ok);
});
after(async () => {
  await db.close();
  await rm(scratch, { recursive: true, force: true });
});

async function cycle(asOf: CivilDate): Promise<void> {
  const result = await runCycle({ db, asOf });
  assert.ok(result.ok);
}

/** Marks every account and recomputes the date again: the rows that changed, which must be none. */
async function fullRecomputeChanges(asOf: CivilDate): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query('INSERT INTO ledger_change (account_id) SELECT id FROM account ON CONFLICT DO NOTHING');
    const { strategy } = await loadActiveStrategy(tx);
    return (await recomputeDelinquency(tx, asOf, strategy)).changed;
  });
}

async function outstanding(accountId: bigint): Promise<bigint> {
  const [row] = await db.query<Pick<Row<'delinquency'>, 'outstanding_minor'>>(
    'SELECT outstanding_minor FROM delinquency WHERE account_id = $1', [accountId]);
  return row!.outstanding_minor;
}

test('a scoped recompute leaves the figures a full recompute would give, day after day', async () => {
  let asOf = addDays(AS_OF, -1);
  await cycle(asOf);
  assert.equal(await fullRecomputeChanges(asOf), 0);
  for (let day = 0; day < 6; day += 1) {
    asOf = addDays(asOf, 1);
    await cycle(asOf);
    assert.equal(await fullRecomputeChanges(asOf), 0, `full recompute on ${asOf}`);
  }
  const [scope] = await db.query<{ in_scope: number; accounts: number }>(`SELECT
      (SELECT count(*)::int FROM (${recomputeScopeSql()}) s) AS in_scope,
      (SELECT count(*)::int FROM account) AS accounts`, [addDays(asOf, 1)]);
  assert.ok(scope!.in_scope < scope!.accounts, 'some accounts are out of the next day\'s scope');
});

test('a re-import that changes a current account\'s schedule is recomputed the next day', async () => {
  const asOf = addDays(AS_OF, 5);
  // A current account (nothing past due) with an unpaid installment due after the next date.
  const [target] = await db.query<Pick<Row<'installment'>, 'account_id' | 'seq' | 'due_date'
    | 'principal_due_minor' | 'interest_due_minor' | 'fee_due_minor'>
    & Pick<Row<'account'>, 'external_id'>>(`SELECT i.account_id,
      a.external_id, i.seq, i.due_date, i.principal_due_minor, i.interest_due_minor, i.fee_due_minor
    FROM installment i JOIN account a ON a.id = i.account_id JOIN delinquency d ON d.account_id = a.id
    WHERE d.oldest_unpaid_due IS NULL AND i.remaining_minor > 0 AND i.due_date > $1
    ORDER BY i.account_id, i.seq LIMIT 1`, [addDays(asOf, 3)]);
  assert.ok(target, 'the portfolio has a current account with a future installment');
  const before = await outstanding(target.account_id);
  const path = join(scratch, 'installments.csv');
  const major = (minor: bigint) => `${minor / 100n}.${String(minor % 100n).padStart(2, '0')}`;
  await writeFile(path, 'account_external_id,seq,due_date,principal_due,interest_due,fee_due\n'
    + `${target.external_id},${target.seq},${target.due_date},${major(target.principal_due_minor + 12345n)},`
    + `${major(target.interest_due_minor)},${major(target.fee_due_minor)}\n`);
  const imported = await importFile(db, path);
  assert.ok(imported.ok && imported.report.rowsLoaded === 1, JSON.stringify(imported));
  await cycle(addDays(asOf, 1));
  assert.equal(await outstanding(target.account_id), before + 12345n);
  assert.equal(await fullRecomputeChanges(addDays(asOf, 1)), 0);
});

test('a re-import that adds an installment to a current account is recomputed the next day', async () => {
  const asOf = addDays(AS_OF, 6);
  // A current account (nothing past due), and its last installment, due after the next date.
  type Target = { account_id: bigint; external_id: string; seq: number; due_date: string };
  const [target] = await db.query<Target>(`SELECT i.account_id, a.external_id, i.seq, i.due_date
    FROM installment i JOIN account a ON a.id = i.account_id JOIN delinquency d ON d.account_id = a.id
    WHERE d.oldest_unpaid_due IS NULL AND i.due_date > $1
      AND i.seq = (SELECT max(seq) FROM installment l WHERE l.account_id = i.account_id)
    ORDER BY i.account_id LIMIT 1`, [addDays(asOf, 3)]);
  assert.ok(target, 'the portfolio has a current account with a future installment');
  const before = await outstanding(target.account_id);
  const path = join(scratch, 'installments.csv');
  await writeFile(path, 'account_external_id,seq,due_date,principal_due,interest_due,fee_due\n'
    + `${target.external_id},${target.seq + 1},${addDays(target.due_date, 30)},678.90,0.00,0.00\n`);
  const imported = await importFile(db, path);
  assert.ok(imported.ok && imported.report.rowsLoaded === 1, JSON.stringify(imported));
  await cycle(addDays(asOf, 1));
  assert.equal(await outstanding(target.account_id), before + 67890n);
  assert.equal(await fullRecomputeChanges(addDays(asOf, 1)), 0);
});

test("the cycle's late fee step marks no account", async () => {
  // Weeks of late fees at once, in a transaction that is then undone to leave the portfolio as it was.
  const undone = new Error('undo the late fees');
  const seen: { charged: number; before: string[]; after: string[] }[] = [];
  await assert.rejects(db.transaction(async (tx) => {
    const marks = async () => (await tx.query<Row<'ledger_change'>>(
      'SELECT account_id, marked FROM ledger_change ORDER BY account_id'))
      .map((row) => `${row.account_id}:${row.marked}`);
    const before = await marks();
    const { charged } = await accrueCharges(tx, addDays(AS_OF, 60));
    seen.push({ charged, before, after: await marks() });
    throw undone;
  }), (error) => error === undone);
  assert.ok(seen[0]!.charged > 0, 'late fees were charged');
  assert.deepEqual(seen[0]!.after, seen[0]!.before);
});
