import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { AuditContext } from '../audit/audit-context.ts';
import { PASSWORD_SCRYPT_COST } from '../../config/limits.ts';
import type { Db } from '../../db/database.ts';
import { hashPassword } from '../../stdx/password.ts';
import { checkPassword } from './add-user.ts';
import { endSessions } from './disable-user.ts';

type ResetPasswordOptions = { db: Db; username: string; password: string; now: Date; audit: AuditContext };

/** Sets a new password and ends the user's sessions, so a stolen session dies with the old password. */
export async function resetPassword(
  options: ResetPasswordOptions,
): Promise<
  { ok: true } | { ok: false; reason: 'unknown_user' | 'password_too_short' | 'password_too_long' }
> {
  const refused = checkPassword(options.password);
  if (refused !== null) return { ok: false, reason: refused };
  const passwordHash = await hashPassword(options.password, PASSWORD_SCRYPT_COST);
  return options.db.transaction(async (tx) => {
    const [user] = await tx.query<{ id: string }>(
      `UPDATE staff_user SET password_hash = $2, password_changed_at = $3
       WHERE username = $1 RETURNING id::text`,
      [options.username, passwordHash, options.now],
    );
    if (user === undefined) return { ok: false as const, reason: 'unknown_user' as const };
    await endSessions(tx, user.id, options.now);
    await appendAuditEvent(tx, {
      context: options.audit, action: 'user.password_reset', subjectKind: 'staff_user',
      subjectId: options.username, borrowerId: null, at: options.now, detail: {},
    });
    return { ok: true as const };
  });
}
