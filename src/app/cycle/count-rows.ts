import type { Db } from '../../db/database.ts';

/** Runs a data-changing statement with RETURNING and counts its rows on the server, not the client. */
export async function countRows(
  tx: Db, statement: string, params: readonly unknown[],
): Promise<number> {
  const [row] = await tx.query<{ n: number }>(
    `WITH written AS (${statement}) SELECT count(*)::int AS n FROM written`, params,
  );
  return row?.n ?? 0;
}
