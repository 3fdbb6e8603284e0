import type { Db } from '../../db/database.ts';
import { secretHash } from '../../stdx/secret-token.ts';

/** Ends a session: the id is useless from now on, whoever holds it. */
export async function signOut(options: { db: Db; sessionId: string; now: Date }): Promise<boolean> {
  const rows = await options.db.query(
    'UPDATE staff_session SET revoked_at = $2 WHERE id_hash = $1 AND revoked_at IS NULL RETURNING 1',
    [secretHash(options.sessionId), options.now],
  );
  return rows.length > 0;
}
