import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { AuditContext } from '../audit/audit-context.ts';
import { SECRET_TOKEN_BYTES } from '../../config/limits.ts';
import type { Db } from '../../db/database.ts';
import { TOKEN_ROLES } from '../../domain/people/roles.ts';
import { secretHash, secretToken } from '../../stdx/secret-token.ts';

type CreateTokenOptions = {
  db: Db;
  name: string;
  role: string;
  teamId: string | null;
  agencyId: string | null;
  expiresAt: Date | null;
  createdBy: string;
  now: Date;
  audit: AuditContext;
};

type CreateTokenRejection =
  | 'invalid_name' | 'unknown_role' | 'agency_required' | 'agency_not_allowed' | 'expiry_not_in_future'
  | 'name_taken' | 'unknown_team' | 'unknown_agency';

/** The prefix every token starts with, so a leaked one is recognisable in a scan. */
const TOKEN_PREFIX = 'fct_';
const NAME = /^[a-z0-9][a-z0-9._-]{1,39}$/;

/**
 * Creates an API token for a system. The token is returned once, here; the database keeps its hash
 * and its first characters (to tell tokens apart in a list).
 */
export async function createToken(
  options: CreateTokenOptions,
): Promise<{ ok: true; token: string; tokenId: string } | { ok: false; reason: CreateTokenRejection }> {
  const refused = checkToken(options);
  if (refused !== null) return { ok: false, reason: refused };
  const token = secretToken(SECRET_TOKEN_BYTES, TOKEN_PREFIX);
  return options.db.transaction(async (tx) => {
    const [taken] = await tx.query(
      'SELECT 1 FROM api_token WHERE name = $1 AND revoked_at IS NULL', [options.name],
    );
    if (taken !== undefined) return { ok: false as const, reason: 'name_taken' as const };
    if (options.teamId !== null
      && (await tx.query('SELECT 1 FROM team WHERE id = $1', [options.teamId])).length === 0) {
      return { ok: false as const, reason: 'unknown_team' as const };
    }
    if (options.agencyId !== null
      && (await tx.query('SELECT 1 FROM agency WHERE id = $1', [options.agencyId])).length === 0) {
      return { ok: false as const, reason: 'unknown_agency' as const };
    }
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO api_token (name, token_hash, prefix, role, team_id, agency_id, created_by, created_at,
         expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id::text`,
      [options.name, secretHash(token), token.slice(0, TOKEN_PREFIX.length + 4), options.role, options.teamId,
        options.agencyId, options.createdBy, options.now, options.expiresAt],
    );
    await appendAuditEvent(tx, {
      context: options.audit, action: 'token.created', subjectKind: 'api_token', subjectId: options.name,
      borrowerId: null, at: options.now,
      detail: { role: options.role, expiresAt: options.expiresAt?.toISOString() ?? null },
    });
    return { ok: true as const, token, tokenId: row!.id };
  });
}

function checkToken(options: CreateTokenOptions): CreateTokenRejection | null {
  if (!NAME.test(options.name)) return 'invalid_name';
  if (!(TOKEN_ROLES as readonly string[]).includes(options.role)) return 'unknown_role';
  if (options.role === 'agency_collector' && options.agencyId === null) return 'agency_required';
  if (options.role !== 'agency_collector' && options.agencyId !== null) return 'agency_not_allowed';
  if (options.expiresAt !== null && options.expiresAt.getTime() <= options.now.getTime()) {
    return 'expiry_not_in_future';
  }
  return null;
}
