// Crash-resume: the cycle runs as its own process and is killed with SIGKILL at a different point
// of each date (right after the k-th step starts), then run again. The end state must equal that
// of a copy of the same portfolio whose cycles ran without interruption.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import {
  createSharedTestDatabase, type SharedTestDatabase,
} from '../../../test/support/test-database.ts';
import {
  dumpLedger, insertAccount, insertBorrower, insertProduct,
} from '../../../test/support/ledger-fixture.ts';
import type { Db } from '../../db/database.ts';
import { addDays } from '../../stdx/civil-date.ts';
import { receivePayment } from '../payment/receive-payment.ts';
import { loadActiveStrategy } from '../strategy/active-strategy.ts';

const CLI = fileURLToPath(new URL('../../cli/main.ts', import.meta.url));
const BORROWERS = 60;
const FIRST_DATE = '2026-03-08';
const DAYS = 6;

let crashed: SharedTestDatabase;
let reference: SharedTestDatabase;

before(async () => {
  crashed = await createSharedTestDatabase();
  const db = await crashed.open();
  await insertProduct(db, { id: 'loan', penaltyRatePpmPerDay: 500, graceDays: 3, lateFeeMinor: 3000n });
  for (let index = 0; index < BORROWERS; index += 1) {
    const borrower = await insertBorrower(db, `b${index}`);
    const due = addDays('2026-02-20', index % 20);
    await insertAccount(db, {
      externalId: `acct-${index}`, borrowerId: borrower, productId: 'loan', openedOn: '2026-01-20',
      installments: [
        { dueDate: due, principal: 100000n + BigInt(index), interest: 1500n },
        { dueDate: addDays(due, 30), principal: 100000n },
      ],
    });
    if (index % 3 === 0) {
      const received = await receivePayment(db, {
        idempotencyKey: `p-${index}`, accountExternalId: `acct-${index}`,
        amountMinor: 50000n + BigInt(index * 1000), currency: 'CNY',
        valueDate: addDays(FIRST_DATE, index % DAYS), channel: 'app',
      }, { now: new Date('2026-03-14T00:00:00Z'), audit: null });
      assert.ok(received.ok);
    }
    if (index % 5 === 0) await insertPromise(db, borrower, (await loadActiveStrategy(db)).version);
  }
  await db.close();
  reference = await crashed.copy();
});

/**
 * A case opened the day before the first date with a promise of 400.00 by FIRST_DATE + 1: kept by the
 * borrowers who pay within its grace days (b0 on the first date, b15 on the fourth), broken for the
 * others on the first date after the grace days.
 */
async function insertPromise(db: Db, borrower: bigint, strategyVersion: string): Promise<void> {
  const [opened] = await db.query<{ id: bigint }>(`INSERT INTO collection_case (borrower_id, status,
    opened_on,
      stage, stage_since, strategy_version, max_dpd, overdue_minor, currency)
    VALUES ($1, 'open', $2, 'gentle_reminder', $2, $3, 1, 100000, 'CNY') RETURNING id`,
  [borrower, addDays(FIRST_DATE, -1), strategyVersion]);
  await db.query(`INSERT INTO promise_to_pay (case_id, borrower_id, amount_minor, currency, promised_on,
    due_on,
      recorded_at, recorded_by) VALUES ($1, $2, 40000, 'CNY', $3, $4, $5, 'user:fixture')`,
  [opened!.id, borrower, addDays(FIRST_DATE, -1), addDays(FIRST_DATE, 1), new Date('2026-03-07T03:00:00Z')]);
}

after(async () => {
  await crashed?.dispose();
  await reference?.dispose();
});

/**
 * Runs `faircollect cycle`; with `killAfterLines`, kills it with SIGKILL once it has printed that many
 * lines.
 */
function runCycle(
  database: SharedTestDatabase, asOf: string, killAfterLines?: number,
): Promise<{ code: number | null; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'cycle', '--as-of', asOf, '--json'], {
      env: { ...process.env, ...database.env }, stdio: ['ignore', 'pipe', 'inherit'],
    });
    let lines = 0;
    let killed = false;
    createInterface({ input: child.stdout }).on('line', () => {
      lines += 1;
      if (killAfterLines !== undefined && lines === killAfterLines && !killed) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, killed }));
  });
}

test('kill -9 mid-cycle and a rerun give exactly the uninterrupted result', async () => {
  let kills = 0;
  for (let day = 0; day < DAYS; day += 1) {
    const asOf = addDays(FIRST_DATE, day);
    assert.equal((await runCycle(reference, asOf)).code, 0);
    // Line k is printed when step ⌈k/2⌉ starts or finishes, so the kill lands in a different step each
    // date (lines 1, 4, 7, 10, 13, 16: a start and an end line per step).
    const first = await runCycle(crashed, asOf, 1 + day * 3);
    if (first.killed) kills += 1;
    const second = await runCycle(crashed, asOf);
    assert.equal(second.code, 0, `rerun of ${asOf} after the kill`);
  }
  assert.ok(kills >= DAYS - 1, `the cycle was actually killed (${kills} kills)`);
  const [left, right] = [await reference.open(), await crashed.open()];
  try {
    const [expected, actual] = [await dumpLedger(left), await dumpLedger(right)];
    assert.ok(
      expected.includes('planned_action') && expected.split('\n').length > 200,
      'the comparison covers real data',
    );
    assert.match(expected, /status="kept"/, 'a promise was kept');
    assert.match(expected, /status="broken"/, 'a promise was broken');
    assert.equal(actual, expected);
  } finally {
    await left.close();
    await right.close();
  }
});
