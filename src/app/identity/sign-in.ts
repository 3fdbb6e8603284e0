import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { AuditContext } from '../audit/audit-context.ts';
import {
  PASSWORD_SCRYPT_COST, SECRET_TOKEN_BYTES, SESSION_ABSOLUTE_HOURS, SIGN_IN_BACKOFF_AFTER_FAILURES,
  SIGN_IN_FAILURE_WINDOW_MINUTES, SIGN_IN_LOCK_IP_FAILURES, SIGN_IN_LOCK_USER_FAILURES,
} from '../../config/limits.ts';
import type { Db } from '../../db/database.ts';
import { isStaffUsername } from '../../domain/people/is-staff-username.ts';
import { checkSignInThrottle } from '../../domain/people/sign-in-throttle.ts';
import { hashPassword, verifyPassword } from '../../stdx/password.ts';
import { secretHash, secretToken } from '../../stdx/secret-token.ts';

type SignInOptions = {
  db: Db;
  username: string;
  password: string;
  sourceIp: string;
  now: Date;
  /** The session the browser held before, ended now so a planted id never becomes signed in. */
  previousSessionId: string | null;
  /** The request, for the audit trail: every checked try is recorded there. */
  requestId: string | null;
};

type SignInResult =
  | { ok: true; sessionId: string; userId: string; username: string; expiresAt: Date }
  | { ok: false; reason: 'invalid_credentials' }
  | { ok: false; reason: 'locked' | 'backoff'; retryAt: Date };

const WINDOW_MS = SIGN_IN_FAILURE_WINDOW_MINUTES * 60_000;
const LIMITS = {
  windowMs: WINDOW_MS, backoffAfterFailures: SIGN_IN_BACKOFF_AFTER_FAILURES,
  lockUserFailures: SIGN_IN_LOCK_USER_FAILURES, lockIpFailures: SIGN_IN_LOCK_IP_FAILURES,
};
/** Compared against when the name is unknown, so an unknown name costs the same time as a wrong password. */
const UNKNOWN_USER_HASH = hashPassword('unknown user: no password matches', PASSWORD_SCRYPT_COST);

/**
 * Password sign-in. Throttled per user and per address before the password is checked; every
 * checked try is recorded. A success opens a new session with a fresh id (any session the browser
 * brought is ended), returned once: only its hash is stored. An unknown name, a disabled user and a
 * wrong password are one answer, so the form tells nobody which names exist.
 */
export async function signIn(options: SignInOptions): Promise<SignInResult> {
  // A name that no user can have is refused before anything is counted or recorded under it.
  if (!isStaffUsername(options.username)) return { ok: false, reason: 'invalid_credentials' };
  const { db, now } = options;
  const failures = await loadFailures(db, options.username, options.sourceIp, now);
  const throttle = checkSignInThrottle(failures, now.getTime(), LIMITS);
  if (!throttle.ok) return { ok: false, reason: throttle.reason, retryAt: new Date(throttle.retryAtMs) };

  const [user] = await db.query<{ id: string; username: string; password_hash: string; disabled: boolean }>(
    `SELECT id::text, username, password_hash, disabled_at IS NOT NULL AS disabled
     FROM staff_user WHERE username = $1`,
    [options.username],
  );
  const matches = await verifyPassword(options.password, user?.password_hash ?? await UNKNOWN_USER_HASH);
  const succeeded = user !== undefined && matches && !user.disabled;
  return db.transaction(async (tx) => {
    await tx.query(
      'INSERT INTO sign_in_attempt (at, username, source_ip, succeeded) VALUES ($1, $2, $3, $4)',
      [now, options.username, options.sourceIp, succeeded],
    );
    if (options.previousSessionId !== null) {
      await tx.query('UPDATE staff_session SET revoked_at = $2 WHERE id_hash = $1 AND revoked_at IS NULL',
        [secretHash(options.previousSessionId), now]);
    }
    const audit: AuditContext = {
      actorKind: 'user', actor: `user:${options.username}`, sourceIp: options.sourceIp,
      requestId: options.requestId,
    };
    if (!succeeded) {
      await appendAuditEvent(tx, {
        context: audit, action: 'user.sign_in_failed', subjectKind: 'staff_user', subjectId: options.username,
        borrowerId: null, at: now, detail: {},
      });
      return { ok: false as const, reason: 'invalid_credentials' as const };
    }
    const sessionId = secretToken(SECRET_TOKEN_BYTES);
    const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_HOURS * 3_600_000);
    await tx.query(
      `INSERT INTO staff_session (id_hash, user_id, created_at, last_seen_at, expires_at, source_ip)
       VALUES ($1, $2, $3, $3, $4, $5)`,
      [secretHash(sessionId), user.id, now, expiresAt, options.sourceIp],
    );
    await appendAuditEvent(tx, {
      context: audit, action: 'user.signed_in', subjectKind: 'staff_user', subjectId: user.username,
      borrowerId: null, at: now, detail: { expiresAt: expiresAt.toISOString() },
    });
    return { ok: true as const, sessionId, userId: user.id, username: user.username, expiresAt };
  });
}

async function loadFailures(db: Db, username: string, sourceIp: string, now: Date) {
  const since = new Date(now.getTime() - WINDOW_MS);
  const user = await db.query<{ at: Date }>(
    `SELECT at FROM sign_in_attempt
     WHERE username = $1 AND at > $2 AND NOT succeeded
       AND at > coalesce((SELECT max(at) FROM sign_in_attempt WHERE username = $1 AND succeeded), '-infinity')
     ORDER BY at`,
    [username, since],
  );
  const ip = await db.query<{ at: Date }>(
    `SELECT at FROM sign_in_attempt WHERE source_ip = $1 AND at > $2 AND NOT succeeded ORDER BY at`,
    [sourceIp, since],
  );
  return {
    userFailuresMs: user.map((row) => row.at.getTime()), ipFailuresMs: ip.map((row) => row.at.getTime()),
  };
}
