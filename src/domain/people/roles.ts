/**
 * Who may do what. A staff user has one role; an API token has one role too, among them two that
 * only systems hold (`system`: a feed such as the core-banking ledger; `dialler`: an external
 * dialler or AI voice platform that reserves calls and reports outcomes for named agents). Every
 * route declares one permission, and a principal may call it only when its role grants it: the
 * table below is the whole of the access policy, and the role × route test holds every route to it.
 */
export const STAFF_ROLES = [
  'admin', 'manager', 'supervisor', 'collector', 'field_collector', 'agency_collector', 'compliance_officer',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

const SYSTEM_ROLES = ['system', 'dialler'] as const;

export const TOKEN_ROLES = [...STAFF_ROLES, ...SYSTEM_ROLES] as const;
export type Role = (typeof TOKEN_ROLES)[number];

/**
 * The permissions routes declare. `public` needs no principal (health, sign-in, static assets, the
 * OpenAPI document); every other one needs a principal whose role grants it.
 */
export const PERMISSIONS = [
  'public',
  /** Any signed-in principal: the start page, sign-out, one's own account. */
  'signed_in',
  /** Portfolio read models: accounts, cases, planned actions, snapshots, products. */
  'portfolio:read',
  /** Post a payment (the lender's feed). */
  'payments:write',
  /** Ask the gate "may I?" without reserving. */
  'gate:check',
  /** Reserve a contact and report its outcome. */
  'gate:reserve',
  /** Reserve or report for a named agent other than oneself (a dialler acting for collectors). */
  'gate:act_for_agent',
  /** Read stored Decisions and replay them. */
  'decisions:read',
  /** Record what a person said about being contacted: times, places, an attorney, a workplace. */
  'facts:record',
  /** The collector's desk: the queue, next case, a case's file, outcomes and promises. */
  'desk:work',
  /** Assign and reassign cases within a team. */
  'cases:assign',
  /** A team's board: queues, each collector's day. */
  'team:read',
  /** The portfolio pages and the lender's settings as the console shows them. */
  'console:read',
  /** The audit trail. */
  'audit:read',
  /** See a full phone number or national ID outside the act of dialling (each reveal is audited). */
  'pii:reveal',
  /** Create, disable and reset staff users; create and revoke API tokens. */
  'people:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const COLLECTING: readonly Permission[] = [
  'signed_in', 'gate:check', 'gate:reserve', 'decisions:read', 'facts:record', 'desk:work',
];

/**
 * The grants. Collectors see the data of the cases they work (their scope narrows it further);
 * only a compliance officer and an admin may see full personal numbers on demand; only a
 * supervisor or a manager assigns; a system token of the ledger feed posts payments and reads
 * the portfolio, and a dialler reserves and reports for the agents it dials for.
 */
const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  admin: [...PERMISSIONS],
  manager: ['signed_in', 'portfolio:read', 'console:read', 'decisions:read', 'team:read', 'cases:assign',
    'gate:check', 'audit:read'],
  supervisor: [...COLLECTING, 'portfolio:read', 'console:read', 'team:read', 'cases:assign'],
  collector: COLLECTING,
  field_collector: COLLECTING,
  agency_collector: COLLECTING,
  compliance_officer: ['signed_in', 'portfolio:read', 'console:read', 'decisions:read', 'gate:check',
    'audit:read', 'pii:reveal'],
  system: ['portfolio:read', 'payments:write', 'gate:check', 'decisions:read'],
  dialler: ['gate:check', 'gate:reserve', 'gate:act_for_agent', 'decisions:read'],
};

export function grants(role: Role, permission: Permission): boolean {
  return permission === 'public' || ROLE_PERMISSIONS[role].includes(permission);
}
