import type { AdvisoryLockResult, Db } from '../../db/database.ts';

/**
 * The one claim every run of the daily cycle holds, whoever starts it: a server's scheduler, the
 * demo's catch-up or `faircollect cycle`. Only one process runs the cycle at a time, even with
 * several servers on one PostgreSQL database; the others see it claimed and leave it. The cycle is
 * already resumable per step (cycle_step), so the claim is about never running a date twice at once,
 * not about repairing a half-run one.
 */
export function claimCycle<T>(db: Db, fn: () => Promise<T>): Promise<AdvisoryLockResult<T>> {
  return db.tryAdvisoryLock(CYCLE_LOCK_KEY, fn);
}

/** Beside migrate.ts's key (4_251_2025); advisory lock keys are shared by the whole database. */
const CYCLE_LOCK_KEY = 4_251_2026;
