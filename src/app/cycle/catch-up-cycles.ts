import type { Db } from '../../db/database.ts';
import { addDays, daysBetween, maxCivil, type CivilDate } from '../../stdx/civil-date.ts';
import { assert } from '../../stdx/assert.ts';
import type { PolicyGate } from '../gate/policy-gate.ts';
import { runCycle } from './run-cycle.ts';

/**
 * Runs the cycle for every date not yet completed, from `from` (or the day after the last completed
 * cycle, whichever is later) through `through`. Used by the demo to build its 90 days of history
 * and to catch up after the machine was off, and by the servers' cycle scheduler (src/jobs/) for
 * the dates due. Callers hold the cycle claim (claim-cycle.ts) around it.
 */
export async function catchUpCycles(options: {
  db: Db;
  from: CivilDate;
  through: CivilDate;
  /** The lender's compiled policy; the packs' defaults when absent. */
  gate?: PolicyGate;
  onDay?: (asOf: CivilDate, index: number, total: number) => void;
  /** Stops before the next date once aborted; the date being run finishes first. */
  signal?: AbortSignal;
}): Promise<{ ran: number; lastCompleted: CivilDate | null }> {
  const [last] = await options.db.query<{ as_of: string | null }>(
    `SELECT max(as_of) AS as_of FROM cycle_step WHERE step = 'done'`,
  );
  const lastCompleted = last?.as_of ?? null;
  const start = lastCompleted === null ? options.from : maxCivil(options.from, addDays(lastCompleted, 1));
  const total = Math.max(0, daysBetween(start, options.through) + 1);
  let ran = 0;
  for (let index = 0; index < total && options.signal?.aborted !== true; index += 1) {
    const asOf = addDays(start, index);
    const result = await runCycle({
      db: options.db, asOf, ...(options.gate === undefined ? {} : { gate: options.gate }),
    });
    assert(result.ok, `catch-up runs forward only (${asOf})`);
    ran += 1;
    options.onDay?.(asOf, index + 1, total);
  }
  return { ran, lastCompleted: ran > 0 ? addDays(start, ran - 1) : lastCompleted };
}
