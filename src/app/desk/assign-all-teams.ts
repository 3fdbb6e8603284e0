import type { Db } from '../../db/database.ts';
import { assignCases } from './assign-cases.ts';

/**
 * After a cycle: each team's unowned open cases go to its collectors (assign-cases.ts), team by team
 * in id order, so the queues the cycle just planned have someone to work them. Run by the demo after
 * its cycles and by the scheduler after each run, under the cycle's claim. Returns the cases assigned.
 */
export async function assignAllTeams(db: Db, now: Date): Promise<number> {
  const teams = await db.query<{ id: string }>('SELECT id FROM team ORDER BY id');
  let assigned = 0;
  for (const team of teams) {
    const result = await assignCases({ db, teamId: team.id, actor: 'system:assignment', now });
    if (result.ok) assigned += result.assigned;
  }
  return assigned;
}
