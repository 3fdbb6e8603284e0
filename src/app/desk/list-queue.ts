import { PAGE_ROWS_DEFAULT, PAGE_ROWS_MAX } from '../../config/limits.ts';
import type { Db } from '../../db/database.ts';
import { queuePolicyOf, type Stage } from '../../policy/strategy/strategy-document.ts';
import { assert } from '../../stdx/assert.ts';
import type { CivilDate } from '../../stdx/civil-date.ts';
import { loadActiveStrategy } from '../strategy/active-strategy.ts';
import { QUEUE_CASES_SQL, queueOrderSql } from './queue-sql.ts';

/**
 * A team's work queue, or one stage's, or one collector's: the open cases of the team the cycle of
 * `asOf` planned a call for (or whose callback is due at `now`), not yet called today, in the order
 * the active strategy sets (`queues.order`; by default callbacks due, then broken promises, then
 * overdue amount × days past due). See queue-sql.ts for what puts a case in the queue.
 */
type ListQueueOptions = {
  db: Db;
  teamId: string;
  stage?: Stage;
  /** A collector's staff user id: only the cases they own. */
  userId?: string;
  /** The business date whose planned calls form the queue. */
  asOf: CivilDate;
  now: Date;
  limit?: number;
};

export type QueueEntry = {
  caseId: bigint;
  borrowerId: bigint;
  /** The lender's id of the account the case is worked on (its most delinquent). */
  accountId: string | null;
  stage: string;
  /** The collector who owns the case (staff user id), or null while only the team does. */
  ownerUserId: string | null;
  maxDpd: number;
  overdueMinor: bigint;
  currency: string;
  callbackDueAt: Date | null;
  brokenPromiseOn: CivilDate | null;
};

type QueueRow = {
  case_id: bigint; borrower_id: bigint; account: string | null; stage: string; owner_agent: string | null;
  max_dpd: number; overdue_minor: bigint; currency: string; callback_due_at: Date | null;
  broken_promise_on: string | null;
};

export async function listQueue(options: ListQueueOptions): Promise<QueueEntry[]> {
  const limit = options.limit ?? PAGE_ROWS_DEFAULT;
  assert(Number.isInteger(limit) && limit >= 1 && limit <= PAGE_ROWS_MAX, 'a queue page is bounded');
  const { strategy } = await loadActiveStrategy(options.db);
  const rows = await options.db.query<QueueRow>(
    `SELECT * FROM (${QUEUE_CASES_SQL}) queue ORDER BY ${queueOrderSql(queuePolicyOf(strategy).order)}
    LIMIT $6`,
    [options.teamId, options.asOf, options.now, options.stage ?? null, options.userId ?? null, limit],
  );
  return rows.map((row) => ({
    caseId: row.case_id, borrowerId: row.borrower_id, accountId: row.account, stage: row.stage,
    ownerUserId: row.owner_agent, maxDpd: row.max_dpd, overdueMinor: row.overdue_minor,
      currency: row.currency,
    callbackDueAt: row.callback_due_at, brokenPromiseOn: row.broken_promise_on,
  }));
}
