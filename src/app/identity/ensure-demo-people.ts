import type { AuditContext } from '../audit/audit-context.ts';
import type { Db } from '../../db/database.ts';
import type { StaffRole } from '../../domain/people/roles.ts';
import { secretHash } from '../../stdx/secret-token.ts';
import { addUser } from './add-user.ts';
import { ensureTeam } from './ensure-team.ts';

/**
 * The demo's people: one user per role, a China team led by its supervisor with a collector and a
 * field collector in it, and an agency with its collector. They share one password, printed at
 * start-up; a real installation adds its people with `faircollect user add`.
 */
export const DEMO_PASSWORD = 'faircollect-demo';
const DEMO_TEAM = { id: 'cn-east', name: '华东催收一组 East China team 1' };
const DEMO_AGENCY = { id: 'demo-agency', name: '示例委外机构 Demo Collection Agency' };

export const DEMO_USERS: readonly { username: string; displayName: string; role: StaffRole }[] = [
  { username: 'admin', displayName: '系统管理员 Admin', role: 'admin' },
  { username: 'manager', displayName: '王经理 Manager Wang', role: 'manager' },
  { username: 'supervisor', displayName: '李主管 Supervisor Li', role: 'supervisor' },
  { username: 'collector', displayName: '张催收 Collector Zhang', role: 'collector' },
  { username: 'field', displayName: '赵外访 Field Collector Zhao', role: 'field_collector' },
  { username: 'agency', displayName: '陈委外 Agency Collector Chen', role: 'agency_collector' },
  { username: 'compliance', displayName: '刘合规 Compliance Officer Liu', role: 'compliance_officer' },
];

/** The demo's own setup, as the audit trail records it. */
const DEMO_AUDIT: AuditContext = { actorKind: 'system', actor: 'demo', sourceIp: null, requestId: null };
/**
 * The demo's API tokens, fixed so that the README's curl examples work against any demo: a ledger
 * feed (portfolio reads and payments) and a dialler (checks, reservations and outcomes for named
 * agents). Known to everyone, like the demo password: never on a real installation, where tokens
 * come from `faircollect token create` and are shown once.
 */
export const DEMO_TOKENS = [
  { name: 'demo-feed', role: 'system', token: 'fct_demo-feed-token-for-the-demo-only-000000000' },
  { name: 'demo-dialler', role: 'dialler', token: 'fct_demo-dialler-token-for-the-demo-only-00000' },
] as const;

const IN_TEAM: readonly StaffRole[] = ['supervisor', 'collector', 'field_collector'];

/** Creates the demo people when the database has no staff user yet; returns whether it did. */
export async function ensureDemoPeople(db: Db, now: Date): Promise<boolean> {
  const [anyone] = await db.query('SELECT 1 FROM staff_user LIMIT 1');
  if (anyone !== undefined) return false;
  await ensureTeam({ db, teamId: DEMO_TEAM.id, name: DEMO_TEAM.name });
  await db.query('INSERT INTO agency (id, name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING',
    [DEMO_AGENCY.id, DEMO_AGENCY.name]);
  for (const user of DEMO_USERS) {
    const added = await addUser({
      db, username: user.username, displayName: user.displayName, role: user.role, password: DEMO_PASSWORD,
      teamId: IN_TEAM.includes(user.role) ? DEMO_TEAM.id : null,
      agencyId: user.role === 'agency_collector' ? DEMO_AGENCY.id : null, audit: DEMO_AUDIT, now,
    });
    if (!added.ok) throw new Error(`demo user ${user.username}: ${added.reason}`);
    if (user.role === 'supervisor') {
      await db.query('UPDATE team SET supervisor_id = $2 WHERE id = $1', [DEMO_TEAM.id, added.userId]);
    }
  }
  for (const token of DEMO_TOKENS) {
    await db.query(`INSERT INTO api_token (name, token_hash, prefix, role, created_by, created_at)
      VALUES ($1, $2, $3, $4, 'demo', $5)`,
    [token.name, secretHash(token.token), token.token.slice(0, 8), token.role, now]);
  }
  return true;
}
