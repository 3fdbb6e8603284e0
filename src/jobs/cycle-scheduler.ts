import type { PolicyGate } from '../app/gate/policy-gate.ts';
import { catchUpCycles } from '../app/cycle/catch-up-cycles.ts';
import { assignAllTeams } from '../app/desk/assign-all-teams.ts';
import { claimCycle } from '../app/cycle/claim-cycle.ts';
import { CYCLE_SCHEDULE_CHECK_INTERVAL_MS } from '../config/limits.ts';
import type { Db } from '../db/database.ts';
import type { Row } from '../db/schema.ts';
import { addDays, type CivilDate } from '../stdx/civil-date.ts';
import type { Clock } from '../stdx/clock.ts';
import { sanitiseError } from '../stdx/sanitise-error.ts';
import { planCycleRun, type CycleSchedule } from './plan-cycle-run.ts';

/** What one tick did. */
type CycleTick =
  | { status: 'up_to_date' }
  | { status: 'ran'; dates: CivilDate[] }
  | { status: 'claimed_elsewhere'; from: CivilDate }
  | { status: 'failed'; asOf: CivilDate | null };

type CycleScheduler = {
  /** Runs every date due now if this process can claim the cycle. Never throws: a failure is logged. */
  tick(): Promise<CycleTick>;
  /** Ticks now, then at each scheduled time and at least every CYCLE_SCHEDULE_CHECK_INTERVAL_MS. */
  start(): void;
  /** Cancels the next tick and waits for the one running, which stops after the date it is on. */
  stop(): Promise<void>;
};

export type Timers = {
  set(callback: () => void, delayMs: number): unknown;
  clear(handle: unknown): void;
};

export type CycleSchedulerOptions = {
  db: Db;
  clock: Clock;
  schedule: CycleSchedule;
  /** The lender's compiled policy the cycles decide under; the packs' defaults when absent. */
  gate?: PolicyGate;
  /** Where a line per run goes, and where failures go; standard output and standard error when absent. */
  output?: { write(line: string): void };
  errorOutput?: { write(line: string): void };
  /** The timer the scheduler sleeps on; the process's own when absent. */
  timers?: Timers;
};

/**
 * The daily cycle inside the serving process: at the configured local time it runs the business
 * date, and after a stop it runs every missed date in order (catchUpCycles). Every run holds the
 * cycle claim (claimCycle), so with several servers on one database exactly one runs a date; the
 * others find it claimed, then done. A failed run is logged without personal data and tried again
 * at the next tick, which comes within CYCLE_SCHEDULE_CHECK_INTERVAL_MS: the server stays up.
 */
export function createCycleScheduler(options: CycleSchedulerOptions): CycleScheduler {
  const { clock, schedule } = options;
  const timers = options.timers ?? defaultTimers;
  const abort = new AbortController();
  const run: RunContext = {
    ...options, signal: abort.signal,
    output: options.output ?? process.stdout, errorOutput: options.errorOutput ?? process.stderr,
  };
  let started = false;
  let handle: unknown = null;
  let running: Promise<unknown> = Promise.resolve();

  const tick = async (): Promise<CycleTick> => {
    try {
      return await runDue(run);
    } catch (error) {
      // The database unreachable or the claim refused: nothing ran, and the next tick tries again.
      run.errorOutput.write('cycle: cannot check for due dates, tried again at the next tick: '
        + `${JSON.stringify(sanitiseError(error))}\n`);
      return { status: 'failed', asOf: null };
    }
  };

  const loop = async (): Promise<void> => {
    handle = null;
    const ticked = tick();
    running = ticked;
    await ticked;
    if (abort.signal.aborted) return;
    const now = clock.now();
    const { nextRunAt } = planCycleRun({ now, schedule, lastCompleted: null });
    const untilNextMs = Math.max(0, nextRunAt.getTime() - now.getTime());
    const delayMs = Math.min(untilNextMs, CYCLE_SCHEDULE_CHECK_INTERVAL_MS);
    handle = timers.set(() => void loop(), delayMs);
  };

  return {
    tick,
    start() {
      if (started || abort.signal.aborted) return;
      started = true;
      void loop();
    },
    async stop() {
      abort.abort();
      if (handle !== null) timers.clear(handle);
      handle = null;
      await running;
    },
  };
}

type RunContext = CycleSchedulerOptions & {
  signal: AbortSignal; output: { write(line: string): void }; errorOutput: { write(line: string): void };
};

/** The dates due now, run under the cycle claim; whoever holds the claim already is left to it. */
async function runDue(run: RunContext): Promise<CycleTick> {
  const { db, clock, schedule } = run;
  const plan = planCycleRun({ now: clock.now(), schedule, lastCompleted: await lastCompletedCycle(db) });
  if (plan.due === null) return { status: 'up_to_date' };
  const { from } = plan.due;
  const claimed = await claimCycle(db, async (): Promise<CycleTick> => {
    // Read again under the claim: another server may have run these dates since.
    const fresh = planCycleRun({ now: clock.now(), schedule, lastCompleted: await lastCompletedCycle(db) });
    return fresh.due === null ? { status: 'up_to_date' } : runDates(run, fresh.due);
  });
  if (claimed.acquired) return claimed.value;
  run.output.write(`cycle ${from}: another process is running the daily cycle; checking again later\n`);
  return { status: 'claimed_elsewhere', from };
}

/** Runs the dates in order, a line for each; a failure is logged and ends the run. */
async function runDates(run: RunContext, due: { from: CivilDate; through: CivilDate }): Promise<CycleTick> {
  const { clock } = run;
  const dates: CivilDate[] = [];
  let current = due.from;
  let dayStarted = clock.now().getTime();
  try {
    await catchUpCycles({
      db: run.db, from: due.from, through: due.through, signal: run.signal,
      ...(run.gate === undefined ? {} : { gate: run.gate }),
      onDay: (asOf, index, total) => {
        const seconds = ((clock.now().getTime() - dayStarted) / 1000).toFixed(1);
        const of = total > 1 ? ` (${index} of ${total} due)` : '';
        run.output.write(`cycle ${asOf}: completed in ${seconds} s${of}\n`);
        dates.push(asOf);
        current = addDays(asOf, 1);
        dayStarted = clock.now().getTime();
      },
    });
  } catch (error) {
    run.errorOutput.write(`cycle ${current}: failed, tried again at the next tick: `
      + `${JSON.stringify(sanitiseError(error))}\n`);
    return { status: 'failed', asOf: current };
  }
  // The cycle planned the day's calls: the teams' collectors receive the cases to make them. The
  // cycle itself is done either way; a failed assignment is logged and the next run assigns again.
  if (dates.length > 0) {
    await assignAllTeams(run.db, clock.now()).catch((error: unknown) => {
      run.errorOutput.write(`assignment after cycle ${current}: failed: `
        + `${JSON.stringify(sanitiseError(error))}\n`);
    });
  }
  return { status: 'ran', dates };
}

const defaultTimers: Timers = {
  set: (callback, delayMs) => setTimeout(callback, delayMs),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

async function lastCompletedCycle(db: Db): Promise<CivilDate | null> {
  const [last] = await db.query<{ as_of: Row<'cycle_step'>['as_of'] | null }>(
    `SELECT max(as_of) AS as_of FROM cycle_step WHERE step = 'done'`,
  );
  return last?.as_of ?? null;
}
