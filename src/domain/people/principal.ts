import type { Role } from './roles.ts';

/**
 * Who is acting, as the edge authenticated it: a signed-in staff user, a system's API token, or
 * (later, through the borrower portal) a borrower. Every use case that changes or reveals something
 * receives one; nothing takes "who am I" from a request body.
 */
export type Principal = StaffPrincipal | TokenPrincipal;

type Scope = {
  role: Role;
  /** The team whose cases a collector or supervisor works; null for roles above teams. */
  teamId: string | null;
  /** The agency an agency collector works for; their scope is its current placements. */
  agencyId: string | null;
};

export type StaffPrincipal = Scope & {
  kind: 'user';
  userId: string;
  username: string;
  displayName: string;
};

type TokenPrincipal = Scope & {
  kind: 'token';
  tokenId: string;
  name: string;
};

/** The one line that names a principal in records (`recorded_by`, the audit trail, an attempt's actor). */
export function principalName(principal: Principal): string {
  return principal.kind === 'user' ? `user:${principal.username}` : `token:${principal.name}`;
}
