import type { Db } from '../../db/database.ts';

const TEAM_ID = /^[a-z0-9][a-z0-9_-]{0,39}$/;

/** Creates a team with that id (named after it) unless it exists. */
export async function ensureTeam(
  options: { db: Db; teamId: string; name?: string },
): Promise<{ ok: true; created: boolean } | { ok: false; reason: 'invalid_team_id' }> {
  if (!TEAM_ID.test(options.teamId)) return { ok: false, reason: 'invalid_team_id' };
  const rows = await options.db.query(
    'INSERT INTO team (id, name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING RETURNING 1',
    [options.teamId, options.name ?? options.teamId],
  );
  return { ok: true, created: rows.length > 0 };
}
