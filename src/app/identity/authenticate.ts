import { SESSION_IDLE_MINUTES, SESSION_TOUCH_SECONDS } from '../../config/limits.ts';
import type { Db } from '../../db/database.ts';
import type { Principal } from '../../domain/people/principal.ts';
import type { Role } from '../../domain/people/roles.ts';
import { secretHash } from '../../stdx/secret-token.ts';

/**
 * Who holds this session id or API token, now. A session lives until it is revoked, its user is
 * disabled, its absolute end, or SESSION_IDLE_MINUTES without a request; a token until it is
 * revoked or expires. Each use moves last-seen forward, written at most every
 * SESSION_TOUCH_SECONDS so that reading pages does not write a row per request.
 */
export async function authenticateSession(db: Db, sessionId: string, now: Date): Promise<Principal | null> {
  const [row] = await db.query<{
    id_hash: string; last_seen_at: Date; user_id: string; username: string; display_name: string; role: Role;
    team_id: string | null; agency_id: string | null;
  }>(
    `SELECT s.id_hash, s.last_seen_at, u.id::text AS user_id, u.username, u.display_name, u.role, u.team_id,
       u.agency_id
     FROM staff_session s JOIN staff_user u ON u.id = s.user_id
     WHERE s.id_hash = $1 AND s.revoked_at IS NULL AND u.disabled_at IS NULL
       AND s.expires_at > $2 AND s.last_seen_at > $2::timestamptz - make_interval(mins => $3)`,
    [secretHash(sessionId), now, SESSION_IDLE_MINUTES],
  );
  if (row === undefined) return null;
  if (now.getTime() - row.last_seen_at.getTime() >= SESSION_TOUCH_SECONDS * 1000) {
    await db.query('UPDATE staff_session SET last_seen_at = $2 WHERE id_hash = $1', [row.id_hash, now]);
  }
  return {
    kind: 'user', userId: row.user_id, username: row.username, displayName: row.display_name, role: row.role,
    teamId: row.team_id, agencyId: row.agency_id,
  };
}

export async function authenticateToken(db: Db, token: string, now: Date): Promise<Principal | null> {
  const [row] = await db.query<{
    id: string; name: string; role: Role; team_id: string | null; agency_id: string | null;
    last_used_at: Date | null;
  }>(
    `SELECT id::text, name, role, team_id, agency_id, last_used_at FROM api_token
     WHERE token_hash = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $2)`,
    [secretHash(token), now],
  );
  if (row === undefined) return null;
  if (row.last_used_at === null
    || now.getTime() - row.last_used_at.getTime() >= SESSION_TOUCH_SECONDS * 1000) {
    await db.query('UPDATE api_token SET last_used_at = $2 WHERE id = $1', [row.id, now]);
  }
  return {
    kind: 'token', tokenId: row.id, name: row.name, role: row.role, teamId: row.team_id,
    agencyId: row.agency_id,
  };
}
