import type { Db } from '../../db/database.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { AuditContext } from '../audit/audit-context.ts';
import type { Principal } from '../../domain/people/principal.ts';
import { principalName } from '../../domain/people/principal.ts';
import { grants } from '../../domain/people/roles.ts';
import { lockAssignment, moveCases } from './move-cases.ts';

/**
 * A case moved to a named person by hand. A supervisor moves only cases their team owns, and only to
 * people of their team; a manager or an admin moves any case to anyone who can own one (a collector,
 * a field collector or a supervisor of a team), and the case follows that person to their team.
 * Capacity holds for hand moves too: a full desk is refused, not silently overloaded.
 *
 * The assignment history gets a `manual` row naming the principal, under the same lock as automatic
 * assignment, in one transaction with the case's owner columns and the `case.assigned` audit event
 * (from whom to whom); a move to the case's own owner changes nothing and records nothing.
 */
type ReassignCaseOptions = {
  db: Db;
  principal: Principal;
  caseId: bigint;
  /** The staff user id of the new owner. */
  toUserId: bigint;
  /** Who asked and from where, for the audit trail (the principal's request). */
  audit: AuditContext;
  now: Date;
};

/** Refusals, in the order they are checked. */
type ReassignRejection =
  | 'not_permitted' | 'unknown_case' | 'case_closed' | 'unknown_user' | 'not_in_team' | 'role_cannot_own'
  | 'user_disabled' | 'over_capacity';

type ReassignCaseResult =
  | { ok: true; status: 'reassigned' | 'unchanged'; caseId: bigint; teamId: string; userId: bigint }
  | { ok: false; reason: ReassignRejection };

const OWNING_ROLES = new Set(['collector', 'field_collector', 'supervisor']);
/** Roles whose scope is every team's cases. */
const ABOVE_TEAMS = new Set(['manager', 'admin']);

type CaseRow = { status: string; owner_team: string | null; owner_agent: string | null; borrower_id: bigint };
type UserRow = {
  role: string; team_id: string | null; capacity: number; disabled: boolean; load: number;
};

export async function reassignCase(options: ReassignCaseOptions): Promise<ReassignCaseResult> {
  const { principal } = options;
  if (!grants(principal.role, 'cases:assign')) return { ok: false, reason: 'not_permitted' };
  return options.db.transaction(async (tx) => {
    await lockAssignment(tx);
    const [found] = await tx.query<CaseRow>(`SELECT status, owner_team, owner_agent, borrower_id
      FROM collection_case WHERE id = $1 FOR UPDATE`, [options.caseId]);
    const [user] = await tx.query<UserRow>(`SELECT u.role, u.team_id, u.capacity,
        u.disabled_at IS NOT NULL AS disabled,
        (SELECT count(*) FROM collection_case c WHERE c.status = 'open'
          AND c.owner_agent = u.id::text)::int AS load
      FROM staff_user u WHERE u.id = $1`, [options.toUserId]);
    const refusal = refusalOf(principal, found, user, String(options.toUserId));
    if (refusal !== null) return { ok: false, reason: refusal } as const;
    const teamId = user!.team_id!;
    const result = { caseId: options.caseId, teamId, userId: options.toUserId };
    if (found!.owner_agent === String(options.toUserId) && found!.owner_team === teamId) {
      return { ok: true, status: 'unchanged', ...result } as const;
    }
    await moveCases(tx, 'SELECT $1::bigint AS case_id, $2::text AS team_id, $3::bigint AS user_id',
      [options.caseId, teamId, options.toUserId],
      { now: options.now, actor: principalName(principal), reason: 'manual' });
    await appendAuditEvent(tx, {
      context: options.audit, action: 'case.assigned', subjectKind: 'case', subjectId: String(options.caseId),
      borrowerId: found!.borrower_id, at: options.now,
      detail: { reason: 'manual', teamId, toUserId: String(options.toUserId),
        fromTeamId: found!.owner_team, fromUserId: found!.owner_agent },
    });
    return { ok: true, status: 'reassigned', ...result } as const;
  });
}

function refusalOf(
  principal: Principal, found: CaseRow | undefined, user: UserRow | undefined, userId: string,
): ReassignRejection | null {
  if (found === undefined) return 'unknown_case';
  if (found.status !== 'open') return 'case_closed';
  if (user === undefined) return 'unknown_user';
  if (!ABOVE_TEAMS.has(principal.role)
    && (principal.teamId === null || found.owner_team !== principal.teamId
      || user.team_id !== principal.teamId)) {
    return 'not_in_team';
  }
  if (!OWNING_ROLES.has(user.role) || user.team_id === null) return 'role_cannot_own';
  if (user.disabled) return 'user_disabled';
  const alreadyTheirs = found.owner_agent === userId;
  if (!alreadyTheirs && user.load >= user.capacity) return 'over_capacity';
  return null;
}
