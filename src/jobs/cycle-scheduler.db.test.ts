// The cycle scheduler on a real database with a borrower in phone collection: it runs the dates due
// in order and nothing twice; two schedulers racing for one due date (on PostgreSQL, two servers'
// connection pools on one database) run it exactly once; a claim held elsewhere makes a scheduler
// wait; a failing run is logged without the value in its message and runs at the next tick; the
// timer sleeps until the scheduled time and stops cleanly. Time is a settable clock, never waited for.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CYCLE_STEPS, runCycle } from '../app/cycle/run-cycle.ts';
import { claimCycle } from '../app/cycle/claim-cycle.ts';
import type { Db } from '../db/database.ts';
import type { Clock } from '../stdx/clock.ts';
import {
  createSharedTestDatabase, TEST_TARGET, type SharedTestDatabase,
} from '../../test/support/test-database.ts';
import { insertPhoneCollectionBorrower } from '../../test/support/ledger-fixture.ts';
import { createCycleScheduler, type CycleSchedulerOptions, type Timers } from './cycle-scheduler.ts';
import type { CycleSchedule } from './plan-cycle-run.ts';

const SCHEDULE: CycleSchedule =
  { at: { hour: 2, minute: 30 }, zone: 'Asia/Shanghai', businessZone: 'Asia/Shanghai' };

let database: SharedTestDatabase;
/** Two handles on one database: two pools on PostgreSQL, as two servers have; one PGlite, shared. */
let first: Db;
let second: Db;
before(async () => {
  database = await createSharedTestDatabase();
  first = await database.open();
  second = TEST_TARGET === 'postgres' ? await database.open() : first;
  // 13 days past due on 2026-03-10; the cycle through 2026-03-07 has run.
  await insertPhoneCollectionBorrower(first);
  assert.ok((await runCycle({ db: first, asOf: '2026-03-07' })).ok);
});
after(async () => {
  if (second !== first) await second.close();
  await first.close();
  await database.dispose();
});

function settableClock(iso: string): Clock & { set(iso: string): void } {
  let now = new Date(iso);
  return { now: () => new Date(now.getTime()), set: (next) => (now = new Date(next)) };
}

type Lines = { lines: string[]; write(line: string): void };
const lines = (): Lines => {
  const collected: string[] = [];
  return { lines: collected, write: (line) => void collected.push(line) };
};

function scheduler(db: Db, clock: Clock, extra: Partial<CycleSchedulerOptions> = {}) {
  const output = lines();
  const errorOutput = lines();
  const created = createCycleScheduler({ db, clock, schedule: SCHEDULE, output, errorOutput, ...extra });
  return { output, errorOutput, scheduler: created };
}

const doneDates = async (db: Db) => (await db.query<{ as_of: string }>(
  `SELECT as_of FROM cycle_step WHERE step = 'done' ORDER BY as_of`)).map((row) => row.as_of);
const completed = (output: Lines) => output.lines.filter((line) => line.includes('completed in'))
  .map((line) => line.replace(/in \d+\.\d s/, 'in S s'));

test('down three days: the three missing dates run in order, then nothing is due', async () => {
  const clock = settableClock('2026-03-10T10:00:00+08:00');
  const { scheduler: ticking, output, errorOutput } = scheduler(first, clock);
  assert.deepEqual(await ticking.tick(),
    { status: 'ran', dates: ['2026-03-08', '2026-03-09', '2026-03-10'] });
  assert.deepEqual(completed(output), [
    'cycle 2026-03-08: completed in S s (1 of 3 due)\n',
    'cycle 2026-03-09: completed in S s (2 of 3 due)\n',
    'cycle 2026-03-10: completed in S s (3 of 3 due)\n',
  ]);
  assert.deepEqual(await doneDates(first), ['2026-03-07', '2026-03-08', '2026-03-09', '2026-03-10']);
  assert.deepEqual(await ticking.tick(), { status: 'up_to_date' });
  assert.deepEqual(errorOutput.lines, []);
});

test('two schedulers racing for the due date: exactly one runs it', async () => {
  const clock = settableClock('2026-03-11T02:30:00+08:00');
  const a = scheduler(first, clock);
  const b = scheduler(second, clock);
  const ticks = await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
  const ran = ticks.filter((tick) => tick.status === 'ran');
  assert.deepEqual(ran, [{ status: 'ran', dates: ['2026-03-11'] }], JSON.stringify(ticks));
  const other = ticks.find((tick) => tick.status !== 'ran');
  assert.ok(other?.status === 'claimed_elsewhere' || other?.status === 'up_to_date', JSON.stringify(ticks));
  assert.equal([...completed(a.output), ...completed(b.output)].length, 1);
  const steps = await first.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM cycle_step WHERE as_of = '2026-03-11'`);
  assert.deepEqual(steps, [{ n: CYCLE_STEPS.length + 1 }], 'each step and the done mark once');
  assert.deepEqual([...a.errorOutput.lines, ...b.errorOutput.lines], []);
});

test('a claim held by another process: the date waits, and runs once the claim is free', async () => {
  const clock = settableClock('2026-03-12T02:30:00+08:00');
  const { scheduler: waiting, output } = scheduler(second, clock);
  const held = await claimCycle(first, () => waiting.tick());
  assert.deepEqual(held, { acquired: true, value: { status: 'claimed_elsewhere', from: '2026-03-12' } });
  assert.deepEqual(output.lines,
    ['cycle 2026-03-12: another process is running the daily cycle; checking again later\n']);
  assert.deepEqual((await doneDates(first)).at(-1), '2026-03-11');
  assert.deepEqual(await waiting.tick(), { status: 'ran', dates: ['2026-03-12'] });
});

test('a failing run is logged without its values and runs again at the next tick', async () => {
  await first.exec(`
    CREATE FUNCTION refuse_cycle_step() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'refused for borrower "13800138000"'; END $$;
    CREATE TRIGGER refuse_cycle_step BEFORE INSERT ON cycle_step
      FOR EACH ROW EXECUTE FUNCTION refuse_cycle_step();`);
  const { scheduler: failing, errorOutput } = scheduler(first, settableClock('2026-03-13T02:30:00+08:00'));
  try {
    assert.deepEqual(await failing.tick(), { status: 'failed', asOf: '2026-03-13' });
  } finally {
    await first.exec('DROP TRIGGER refuse_cycle_step ON cycle_step; DROP FUNCTION refuse_cycle_step()');
  }
  assert.equal(errorOutput.lines.length, 1);
  const line = errorOutput.lines[0]!;
  assert.ok(line.startsWith('cycle 2026-03-13: failed, tried again at the next tick: {'), line);
  assert.ok(line.includes('refused for borrower \\"…\\"'), line);
  assert.ok(!line.includes('13800138000'), line);
  assert.deepEqual(await failing.tick(), { status: 'ran', dates: ['2026-03-13'] });
});

test('the timer sleeps until the scheduled time (at most the check interval), runs, and stops', async () => {
  const clock = settableClock('2026-03-14T02:20:00+08:00');
  const pending: { callback: () => void; delayMs: number; handle: number }[] = [];
  const cleared: unknown[] = [];
  const timers: Timers = {
    set: (callback, delayMs) => pending.push({ callback, delayMs, handle: pending.length + 1 }),
    clear: (handle) => void cleared.push(handle),
  };
  const { scheduler: timed, output } = scheduler(first, clock, { timers });
  timed.start();
  await until(() => pending.length === 1);
  assert.equal(pending[0]!.delayMs, 10 * 60 * 1000, 'ten minutes to 02:30');
  clock.set('2026-03-14T02:30:00+08:00');
  pending[0]!.callback();
  await until(() => pending.length === 2);
  assert.deepEqual(completed(output), ['cycle 2026-03-14: completed in S s\n']);
  assert.equal(pending[1]!.delayMs, 15 * 60 * 1000, 'tomorrow is further than the check interval');
  await timed.stop();
  assert.deepEqual(cleared, [2]);
});

test('stopped during a catch-up: the date being run finishes, the next does not start', async () => {
  const clock = settableClock('2026-03-17T10:00:00+08:00');
  const output = lines();
  const stopping = createCycleScheduler({
    db: first, clock, schedule: SCHEDULE, errorOutput: lines(),
    output: { write: (line) => { output.write(line); void stopping.stop(); } },
  });
  stopping.start();
  await until(() => output.lines.length > 0);
  await stopping.stop();
  assert.deepEqual(completed(output), ['cycle 2026-03-15: completed in S s (1 of 3 due)\n']);
  assert.deepEqual((await doneDates(first)).at(-1), '2026-03-15');
});

/** Waits for work the scheduler started on its own (a database round trip, not a clock). */
async function until(condition: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 600 && !condition(); attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.ok(condition(), 'the scheduler did not get there within 30 s');
}
