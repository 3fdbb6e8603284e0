import type { Db } from '../../db/database.ts';
import type { Principal } from '../../domain/people/principal.ts';
import { grants } from '../../domain/people/roles.ts';
import type { ContactRequest } from '../gate/contact-request.ts';

type Actor = ContactRequest['actor'];

type ResolveActorOptions = {
  db: Db;
  principal: Principal;
  /** The staff user a dialler places this call for; only a role granting gate:act_for_agent may name one. */
  agent: string | undefined;
  /** The number the call is placed from, as the dialling system knows it. */
  dialledFrom: string | undefined;
};

type ResolveActorRejection = 'acting_for_agent_not_allowed' | 'unknown_agent';

/**
 * Who makes a contact, from the signed-in principal and never from what a request claims: a staff
 * user acts as themself (an agency collector as their agency); a system token as itself; a dialler
 * for a named, active staff user, who then counts as the caller with their agency.
 */
export async function resolveActor(
  options: ResolveActorOptions,
): Promise<{ ok: true; actor: Actor } | { ok: false; reason: ResolveActorRejection }> {
  const { principal, dialledFrom } = options;
  const from = dialledFrom === undefined ? {} : { dialledFrom };
  if (options.agent !== undefined) {
    if (!grants(principal.role, 'gate:act_for_agent')) {
      return { ok: false, reason: 'acting_for_agent_not_allowed' };
    }
    const [agent] = await options.db.query<{ username: string; agency_id: string | null }>(
      'SELECT username, agency_id FROM staff_user WHERE username = $1 AND disabled_at IS NULL',
      [options.agent],
    );
    if (agent === undefined) return { ok: false, reason: 'unknown_agent' };
    return { ok: true, actor: staffActor(agent.username, agent.agency_id, from) };
  }
  if (principal.kind === 'user') {
    return { ok: true, actor: staffActor(principal.username, principal.agencyId, from) };
  }
  return {
    ok: true,
    actor: {
      kind: 'system', id: `token:${principal.name}`,
      ...(principal.agencyId === null ? {} : { agencyId: principal.agencyId }), ...from,
    },
  };
}

/** A staff user acts under the name the audit trail and the team board know them by, `user:<username>`. */
function staffActor(username: string, agencyId: string | null, from: { dialledFrom?: string }): Actor {
  const id = `user:${username}`;
  return agencyId === null ? { kind: 'agent', id, ...from } : { kind: 'agency', id, agencyId, ...from };
}
