import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { AuditContext } from '../audit/audit-context.ts';
import { PASSWORD_CHARS_MAX, PASSWORD_CHARS_MIN, PASSWORD_SCRYPT_COST } from '../../config/limits.ts';
import type { Db } from '../../db/database.ts';
import { isStaffUsername } from '../../domain/people/is-staff-username.ts';
import { STAFF_ROLES, type StaffRole } from '../../domain/people/roles.ts';
import { hashPassword } from '../../stdx/password.ts';

type AddUserOptions = {
  db: Db;
  username: string;
  displayName: string;
  role: string;
  teamId: string | null;
  agencyId: string | null;
  password: string;
  capacity?: number;
  /** Who adds the user, for the audit trail. */
  audit: AuditContext;
  now: Date;
};

/** Refusals in the order they are checked. */
type AddUserRejection =
  | 'invalid_username' | 'invalid_display_name' | 'unknown_role' | 'agency_required' | 'agency_not_allowed'
  | 'password_too_short' | 'password_too_long' | 'username_taken' | 'unknown_team' | 'unknown_agency';


/** Adds a staff user with one role; an agency collector names their agency, nobody else does. */
export async function addUser(
  options: AddUserOptions,
): Promise<{ ok: true; userId: string } | { ok: false; reason: AddUserRejection }> {
  const refused = checkNewUser(options);
  if (refused !== null) return { ok: false, reason: refused };
  const passwordHash = await hashPassword(options.password, PASSWORD_SCRYPT_COST);
  return options.db.transaction(async (tx) => {
    const [taken] = await tx.query('SELECT 1 FROM staff_user WHERE username = $1', [options.username]);
    if (taken !== undefined) return { ok: false as const, reason: 'username_taken' as const };
    if (options.teamId !== null) {
      const [team] = await tx.query('SELECT 1 FROM team WHERE id = $1', [options.teamId]);
      if (team === undefined) return { ok: false as const, reason: 'unknown_team' as const };
    }
    if (options.agencyId !== null) {
      const [agency] = await tx.query('SELECT 1 FROM agency WHERE id = $1', [options.agencyId]);
      if (agency === undefined) return { ok: false as const, reason: 'unknown_agency' as const };
    }
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO staff_user (username, display_name, role, team_id, agency_id, password_hash, capacity)
       VALUES ($1, $2, $3, $4, $5, $6, coalesce($7, 60)) RETURNING id::text`,
      [options.username, options.displayName, options.role, options.teamId, options.agencyId, passwordHash,
        options.capacity ?? null],
    );
    await appendAuditEvent(tx, {
      context: options.audit, action: 'user.created', subjectKind: 'staff_user', subjectId: options.username,
      borrowerId: null, at: options.now,
      detail: { role: options.role, teamId: options.teamId, agencyId: options.agencyId },
    });
    return { ok: true as const, userId: row!.id };
  });
}

function checkNewUser(options: AddUserOptions): AddUserRejection | null {
  if (!isStaffUsername(options.username)) return 'invalid_username';
  const name = options.displayName.trim();
  if (name.length === 0 || name.length > 80) return 'invalid_display_name';
  if (!(STAFF_ROLES as readonly string[]).includes(options.role)) return 'unknown_role';
  const role = options.role as StaffRole;
  if (role === 'agency_collector' && options.agencyId === null) return 'agency_required';
  if (role !== 'agency_collector' && options.agencyId !== null) return 'agency_not_allowed';
  return checkPassword(options.password);
}

export function checkPassword(password: string): 'password_too_short' | 'password_too_long' | null {
  const length = [...password].length;
  if (length < PASSWORD_CHARS_MIN) return 'password_too_short';
  if (length > PASSWORD_CHARS_MAX) return 'password_too_long';
  return null;
}
