import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { AuditContext } from '../audit/audit-context.ts';
import type { Db } from '../../db/database.ts';

type DisableUserOptions = { db: Db; username: string; now: Date; audit: AuditContext };

/** Disables a user and ends every session they have; their history stays. */
export async function disableUser(
  options: DisableUserOptions,
): Promise<{ ok: true; sessionsEnded: number } | { ok: false; reason: 'unknown_user' | 'already_disabled' }> {
  return options.db.transaction(async (tx) => {
    const [user] = await tx.query<{ id: string; disabled: boolean }>(
      `SELECT id::text, disabled_at IS NOT NULL AS disabled FROM staff_user WHERE username = $1 FOR UPDATE`,
      [options.username],
    );
    if (user === undefined) return { ok: false as const, reason: 'unknown_user' as const };
    if (user.disabled) return { ok: false as const, reason: 'already_disabled' as const };
    await tx.query('UPDATE staff_user SET disabled_at = $2 WHERE id = $1', [user.id, options.now]);
    const ended = await endSessions(tx, user.id, options.now);
    await appendAuditEvent(tx, {
      context: options.audit, action: 'user.disabled', subjectKind: 'staff_user', subjectId: options.username,
      borrowerId: null, at: options.now, detail: { sessionsEnded: ended },
    });
    return { ok: true as const, sessionsEnded: ended };
  });
}

/** Ends every live session of a user (disabled, or their password changed). */
export async function endSessions(tx: Db, userId: string, now: Date): Promise<number> {
  const rows = await tx.query(
    'UPDATE staff_session SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL RETURNING 1',
    [userId, now],
  );
  return rows.length;
}
