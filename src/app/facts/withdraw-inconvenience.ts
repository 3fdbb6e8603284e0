import type { Db } from '../../db/database.ts';

/** The person takes a statement back ("you may call me at work now"); the first withdrawal stands. */
type WithdrawInconvenienceResult =
  | { ok: true }
  | { ok: false; reason: 'unknown_statement'; field: 'id' };

export async function withdrawInconvenience(db: Db, id: bigint,
  now: Date): Promise<WithdrawInconvenienceResult> {
  const rows = await db.query<{ id: bigint }>(
    'UPDATE stated_inconvenience SET withdrawn_at = COALESCE(withdrawn_at, $2) WHERE id = $1 RETURNING id',
    [id, now],
  );
  return rows.length === 0 ? { ok: false, reason: 'unknown_statement', field: 'id' } : { ok: true };
}
