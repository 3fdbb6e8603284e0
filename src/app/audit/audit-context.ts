/**
 * Who is acting and from where, as every audit event records it. Callers build one per request
 * from their principal (a signed-in user, a system's API token, later a borrower in the portal)
 * and the request (its source address and Fastify's request id); the daily cycle and the command
 * line act as `system`, with no address or request. The actor is an identifier (a user's login
 * name, a token's id, a job's name), never a person's name, phone number or a secret.
 */
export type AuditContext = {
  readonly actorKind: ActorKind;
  readonly actor: string;
  /** The client's IP address as the server saw it; null when nothing came over the network. */
  readonly sourceIp: string | null;
  /** The request id of the HTTP request that caused the event, as in the server's log lines. */
  readonly requestId: string | null;
};

/** The closed list the database checks too (migration 0018). */
export const ACTOR_KINDS = ['user', 'token', 'borrower', 'system'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];
