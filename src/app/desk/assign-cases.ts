import type { Db } from '../../db/database.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { AuditContext } from '../audit/audit-context.ts';
import { queuePolicyOf, type StrategyDocument } from '../../policy/strategy/strategy-document.ts';
import { loadActiveStrategy } from '../strategy/active-strategy.ts';
import { lockAssignment, moveCases } from './move-cases.ts';

/**
 * Hands a team's unowned open cases to its collectors, within each one's capacity, the least loaded
 * first, in one set-based statement.
 *
 * Which cases are the team's: the strategy's `queues.teamByStage` routes a stage to one team, whose
 * assignment takes every case in that stage, including one another team owns (a case that moved
 * along the ladder into the stage follows it, with its history); a stage it does not route is a
 * shared pool that any team's assignment draws from (first come); and a case already owned by the
 * team without a collector (released) stays the team's. Only stages whose
 * treatments include a call are assigned: the others (automatic texts, letters, legal referral)
 * need no collector's time, and would only use up capacity.
 *
 * Who receives them: active users of the team with the role `collector`. A field collector's work is
 * visits, not a call queue; an agency collector works what is placed with the agency, not the team's
 * cases; a supervisor leads the team and takes a case by hand (reassign-case.ts) when needed.
 *
 * How they are balanced: each collector has free slots numbered from their current load (open cases
 * they own) up to their capacity; slots are filled in the order (slot number, user id), so everyone
 * is raised to the same load before anyone gets more, and the cases go out most money furthest
 * behind first (overdue amount × days past due), so the largest cases are never the ones left over.
 *
 * A run that moved any case appends one `case.assigned` audit event for the team, in the same
 * transaction, with how many cases went to how many collectors: one event per run rather than per
 * case, because a run moves hundreds of cases at once and the assignment history already names each
 * case, its collector and the actor.
 */
type AssignCasesOptions = {
  db: Db;
  teamId: string;
  /** Who asked (the principal's name, or `system:assignment` for a scheduled run). */
  actor: string;
  /**
   * Who asked and from where, for the audit trail (a person's request); a run no request caused (a
   * scheduled one) leaves it out and is recorded as the system acting under `actor`.
   */
  audit?: AuditContext;
  now: Date;
};

type AssignCasesResult =
  | { ok: true; assigned: number; perUser: { userId: string; cases: number }[] }
  | { ok: false; reason: 'unknown_team' };

const MOVES_SQL = `WITH collectors AS (
    SELECT u.id, u.capacity, (SELECT count(*) FROM collection_case c
      WHERE c.status = 'open' AND c.owner_agent = u.id::text)::int AS load
    FROM staff_user u
    WHERE u.team_id = $1 AND u.role = 'collector' AND u.disabled_at IS NULL
  ), slots AS (
    SELECT k.id AS user_id, row_number() OVER (ORDER BY k.slot, k.id) AS n
    FROM (SELECT id, generate_series(load + 1, capacity) AS slot FROM collectors) k
  ), cases AS (
    SELECT c.id, row_number() OVER (ORDER BY c.overdue_minor::numeric * c.max_dpd DESC, c.id) AS n
    FROM collection_case c
    WHERE c.status = 'open' AND c.stage = ANY($2::text[])
      AND ((c.owner_agent IS NULL AND (c.owner_team = $1
          OR (c.owner_team IS NULL AND NOT c.stage = ANY($4::text[]))))
        OR (c.stage = ANY($3::text[]) AND c.owner_team IS DISTINCT FROM $1))
  )
  SELECT cases.id AS case_id, $1::text AS team_id, slots.user_id FROM cases JOIN slots ON slots.n = cases.n`;

export async function assignCases(options: AssignCasesOptions): Promise<AssignCasesResult> {
  const { db, teamId } = options;
  const { strategy } = await loadActiveStrategy(db);
  return db.transaction(async (tx) => {
    const [team] = await tx.query('SELECT 1 FROM team WHERE id = $1', [teamId]);
    if (team === undefined) return { ok: false, reason: 'unknown_team' } as const;
    await lockAssignment(tx);
    const routes = Object.entries(queuePolicyOf(strategy).teamByStage ?? {});
    const perUser = await moveCases(tx, MOVES_SQL, [
      teamId, calledStages(strategy), routes.filter(([, team]) => team === teamId).map(([stage]) => stage),
      routes.map(([stage]) => stage),
    ], { now: options.now, actor: options.actor, reason: 'automatic' });
    const assigned = perUser.reduce((total, row) => total + row.cases, 0);
    if (assigned > 0) {
      const context = options.audit
        ?? { actorKind: 'system', actor: options.actor, sourceIp: null, requestId: null } as const;
      await appendAuditEvent(tx, {
        context,
        action: 'case.assigned', subjectKind: 'team', subjectId: teamId, borrowerId: null, at: options.now,
        detail: { reason: 'automatic', assigned, collectors: perUser.length },
      });
    }
    return { ok: true, assigned, perUser } as const;
  });
}

/** The stages whose treatments include a call: the ones a collector works. */
function calledStages(strategy: StrategyDocument): string[] {
  return [...new Set(strategy.treatments.filter((t) => t.channel === 'voice').map((t) => t.stage))];
}
