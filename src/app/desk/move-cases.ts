import type { Db } from '../../db/database.ts';

/**
 * Every change of who owns a case, automatic or by hand, first takes this transaction-scoped lock,
 * so two of them never read the same free capacity or the same unassigned case: assignment is rare
 * (a batch per team, a supervisor's click), and serialising it is simpler than reasoning about each
 * interleaving. The key is arbitrary; it only has to differ from the migration runner's.
 */
const ASSIGNMENT_LOCK_KEY = 7_002_017;

export async function lockAssignment(tx: Db): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [ASSIGNMENT_LOCK_KEY]);
}

type AssignmentChange = { now: Date; actor: string; reason: 'automatic' | 'manual' };

/**
 * Moves the cases `movesSql` selects (case_id, team_id, user_id) to those owners: ends each case's
 * open assignment row, opens a new one naming the actor, and mirrors the owner on the case, all in
 * the caller's transaction (which holds the lock). Returns how many cases each user received.
 */
export async function moveCases(
  tx: Db, movesSql: string, params: readonly unknown[], change: AssignmentChange,
): Promise<{ userId: string; cases: number }[]> {
  await tx.query('DROP TABLE IF EXISTS case_assignment_moves');
  await tx.query(`CREATE TEMP TABLE case_assignment_moves ON COMMIT DROP AS ${movesSql}`, params);
  await tx.query(`UPDATE case_assignment SET ended_at = greatest(assigned_at, $1::timestamptz)
    WHERE ended_at IS NULL AND case_id IN (SELECT case_id FROM case_assignment_moves)`, [change.now]);
  await tx.query(`INSERT INTO case_assignment (case_id, team_id, user_id, assigned_at, assigned_by, reason)
    SELECT case_id, team_id, user_id, $1, $2, $3 FROM case_assignment_moves`,
  [change.now, change.actor, change.reason]);
  await tx.query(`UPDATE collection_case c SET owner_team = m.team_id, owner_agent = m.user_id::text
    FROM case_assignment_moves m WHERE c.id = m.case_id`);
  const counts = await tx.query<{ user_id: bigint; n: number }>(`SELECT user_id, count(*)::int AS n
    FROM case_assignment_moves GROUP BY user_id ORDER BY user_id`);
  return counts.map((row) => ({ userId: String(row.user_id), cases: row.n }));
}
