import type { Db } from '../../db/database.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { AuditContext } from '../audit/audit-context.ts';

type SetTeamSupervisorRejection = 'unknown_team' | 'unknown_user' | 'not_a_supervisor' | 'not_in_team';
type SetTeamSupervisorOptions = { db: Db; teamId: string; username: string; audit: AuditContext; now: Date };

/**
 * Makes an active supervisor of the team its leader. The supervisor must be on the team: a team's
 * board and reassignments are its supervisor's, and they see only their own team's cases.
 */
export async function setTeamSupervisor(
  options: SetTeamSupervisorOptions,
): Promise<{ ok: true } | { ok: false; reason: SetTeamSupervisorRejection }> {
  return options.db.transaction(async (tx) => {
    const [team] = await tx.query('SELECT 1 FROM team WHERE id = $1 FOR UPDATE', [options.teamId]);
    if (team === undefined) return { ok: false as const, reason: 'unknown_team' as const };
    const [user] = await tx.query<{ id: string; role: string; team_id: string | null }>(
      'SELECT id::text, role, team_id FROM staff_user WHERE username = $1 AND disabled_at IS NULL',
      [options.username]);
    if (user === undefined) return { ok: false as const, reason: 'unknown_user' as const };
    if (user.role !== 'supervisor') return { ok: false as const, reason: 'not_a_supervisor' as const };
    if (user.team_id !== options.teamId) return { ok: false as const, reason: 'not_in_team' as const };
    await tx.query('UPDATE team SET supervisor_id = $2 WHERE id = $1', [options.teamId, user.id]);
    await appendAuditEvent(tx, {
      context: options.audit, action: 'team.supervisor_set', subjectKind: 'team', subjectId: options.teamId,
      borrowerId: null, at: options.now, detail: { supervisor: options.username },
    });
    return { ok: true as const };
  });
}
