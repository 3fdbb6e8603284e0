import type { FastifyRequest } from 'fastify';
import type { AuditContext } from '../../app/audit/audit-context.ts';
import { principalName } from '../../domain/people/principal.ts';
import { principalOf } from './principal-of.ts';

/** Who acted, from where, under which request id: the audit trail's view of a request. */
export function auditContextOf(request: FastifyRequest): AuditContext {
  const principal = principalOf(request);
  return {
    actorKind: principal.kind === 'user' ? 'user' : 'token', actor: principalName(principal),
    sourceIp: request.ip, requestId: request.id,
  };
}
