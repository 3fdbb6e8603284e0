import type { Db } from '../../db/database.ts';

/** Revokes the live token of that name. */
export async function revokeToken(
  options: { db: Db; name: string; now: Date },
): Promise<{ ok: true } | { ok: false; reason: 'unknown_token' }> {
  const rows = await options.db.query(
    'UPDATE api_token SET revoked_at = $2 WHERE name = $1 AND revoked_at IS NULL RETURNING 1',
    [options.name, options.now],
  );
  return rows.length === 0 ? { ok: false, reason: 'unknown_token' } : { ok: true };
}
