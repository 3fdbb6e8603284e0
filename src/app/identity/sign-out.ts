import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { AuditContext } from '../audit/audit-context.ts';
import type { Db } from '../../db/database.ts';
import { secretHash } from '../../stdx/secret-token.ts';

/** Ends a session: the id is useless from now on, whoever holds it. */
export async function signOut(
  options: { db: Db; sessionId: string; now: Date; audit: AuditContext },
): Promise<boolean> {
  return options.db.transaction(async (tx) => {
    const rows = await tx.query<{ username: string }>(
      `UPDATE staff_session s SET revoked_at = $2 FROM staff_user u
       WHERE s.id_hash = $1 AND s.revoked_at IS NULL AND u.id = s.user_id RETURNING u.username`,
      [secretHash(options.sessionId), options.now],
    );
    const [ended] = rows;
    if (ended === undefined) return false;
    await appendAuditEvent(tx, {
      context: options.audit, action: 'user.signed_out', subjectKind: 'staff_user', subjectId: ended.username,
      borrowerId: null, at: options.now, detail: {},
    });
    return true;
  });
}
