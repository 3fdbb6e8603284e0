import type { FastifyInstance } from 'fastify';
import { addUser } from '../../src/app/identity/add-user.ts';
import { ensureTeam } from '../../src/app/identity/ensure-team.ts';
import { createToken } from '../../src/app/identity/create-token.ts';
import type { AuditContext } from '../../src/app/audit/audit-context.ts';
import type { Db } from '../../src/db/database.ts';
import { TOKEN_ROLES, type Role, type StaffRole } from '../../src/domain/people/roles.ts';

/**
 * Credentials for tests that call the app as someone: an API token per role (every role, staff and
 * system alike), made through the product's own use cases, in a team and an agency of their own.
 */
export const TEST_TEAM = 'test-team';
export const TEST_AGENCY = 'test-agency';
export const TEST_PASSWORD = 'test-password-1';
/** The tests' own setup, as the audit trail records it. */
export const TEST_AUDIT: AuditContext = { actorKind: 'system', actor: 'test', sourceIp: null, requestId: null };

export type StaffAccess = {
  /** The Authorization header of the role's token. */
  headers(role: Role): { authorization: string };
};

let created = 0;

/** The tests' team and agency, made once per database. */
async function ensureTestTeamAndAgency(db: Db): Promise<void> {
  await ensureTeam({ db, teamId: TEST_TEAM, name: 'Test team' });
  await db.query(`INSERT INTO agency (id, name) VALUES ($1, 'Test agency') ON CONFLICT (id) DO NOTHING`, [TEST_AGENCY]);
}

export async function createStaffAccess(db: Db, now = new Date('2026-01-01T00:00:00Z')): Promise<StaffAccess> {
  await ensureTestTeamAndAgency(db);
  const tokens = new Map<Role, string>();
  for (const role of TOKEN_ROLES) {
    created += 1;
    const made = await createToken({
      db, name: `test-${role.replaceAll('_', '-')}-${created}`, role,
      teamId: ['supervisor', 'collector', 'field_collector'].includes(role) ? TEST_TEAM : null,
      agencyId: role === 'agency_collector' ? TEST_AGENCY : null, expiresAt: null, createdBy: 'test', now,
      audit: TEST_AUDIT,
    });
    if (!made.ok) throw new Error(`test token for ${role}: ${made.reason}`);
    tokens.set(role, made.token);
  }
  return { headers: (role) => ({ authorization: `Bearer ${tokens.get(role)!}` }) };
}

/** A staff user with the test password, for tests that sign in through the form. */
export async function addTestUser(db: Db, username: string, role: StaffRole): Promise<string> {
  await ensureTestTeamAndAgency(db);
  const added = await addUser({
    db, username, displayName: username, role, password: TEST_PASSWORD,
    teamId: ['supervisor', 'collector', 'field_collector'].includes(role) ? TEST_TEAM : null,
    agencyId: role === 'agency_collector' ? TEST_AGENCY : null, audit: TEST_AUDIT, now: new Date('2026-01-01T00:00:00Z'),
  });
  if (!added.ok) throw new Error(`test user ${username}: ${added.reason}`);
  return added.userId;
}

/** Signs in through the form as a browser would; returns the session cookie and a CSRF token for the session's forms. */
export async function signInThroughForm(
  app: FastifyInstance, username: string, password = TEST_PASSWORD,
): Promise<{ cookie: string; csrf: string }> {
  const form = await app.inject({ method: 'GET', url: '/sign-in' });
  const csrfCookie = form.cookies.find((cookie) => cookie.name === '_csrf')!;
  const token = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
  const signedIn = await app.inject({
    method: 'POST', url: '/sign-in', cookies: { _csrf: csrfCookie.value },
    payload: { username, password, _csrf: token },
  });
  if (signedIn.statusCode !== 303) throw new Error(`sign-in of ${username} answered ${signedIn.statusCode}`);
  const session = signedIn.cookies.find((cookie) => cookie.name === 'fc_session')!;
  return { cookie: `fc_session=${session.value}; _csrf=${csrfCookie.value}`, csrf: token };
}
