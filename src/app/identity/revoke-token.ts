import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { AuditContext } from '../audit/audit-context.ts';
import type { Db } from '../../db/database.ts';

/** Revokes the live token of that name. */
export async function revokeToken(
  options: { db: Db; name: string; now: Date; audit: AuditContext },
): Promise<{ ok: true } | { ok: false; reason: 'unknown_token' }> {
  return options.db.transaction(async (tx) => {
    const rows = await tx.query(
      'UPDATE api_token SET revoked_at = $2 WHERE name = $1 AND revoked_at IS NULL RETURNING 1',
      [options.name, options.now],
    );
    if (rows.length === 0) return { ok: false as const, reason: 'unknown_token' as const };
    await appendAuditEvent(tx, {
      context: options.audit, action: 'token.revoked', subjectKind: 'api_token', subjectId: options.name,
      borrowerId: null, at: options.now, detail: {},
    });
    return { ok: true as const };
  });
}
