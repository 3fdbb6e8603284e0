import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { appendAuditEvent } from '../../app/audit/append-audit-event.ts';
import { revealContactPoint } from '../../app/scope/reveal-contact-point.ts';
import type { Db } from '../../db/database.ts';
import type { Clock } from '../../stdx/clock.ts';
import { AppError } from '../app-error.ts';
import { auditContextOf } from '../auth/audit-context-of.ts';
import { principalOf } from '../auth/principal-of.ts';
import { scopeOf } from '../scope-of.ts';
import { ErrorResponse } from './schemas.ts';

/**
 * A full number on demand. Pages and the API show numbers masked; a role that may see them in full
 * (`pii:reveal`) asks for one at a time here, and each reveal is in the audit trail, written in the
 * same step as the answer: a reveal the trail cannot take does not happen. A POST, as it records.
 */
export function contactPointsRoutes(db: Db, clock: Clock): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post('/api/v1/contact-points/:id/reveal', {
      config: { permission: 'pii:reveal' },
      schema: {
        tags: ['portfolio'],
        summary: 'Reveal one full phone number or address (audited)',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 128 }) }),
        response: {
          200: Type.Object({ contactPointId: Type.String(), kind: Type.String(), value: Type.String() }),
          403: ErrorResponse, 404: ErrorResponse,
        },
      },
    }, async (request) => {
      const context = auditContextOf(request);
      const result = await revealContactPoint({
        db, principal: principalOf(request), scope: scopeOf(request), contactPointId: request.params.id,
        now: clock.now(),
        audit: async (event) => {
          await appendAuditEvent(db, {
            context, action: 'pii.revealed', subjectKind: event.subjectKind, subjectId: event.subjectId,
            borrowerId: BigInt(event.borrowerId), at: event.at, detail: event.detail,
          });
        },
      });
      if (!result.ok) {
        if (result.reason === 'reveal_not_permitted') {
          throw new AppError(403, result.reason, 'your role does not show full numbers');
        }
        throw new AppError(404, result.reason, 'no contact point with this id', 'id');
      }
      return { contactPointId: result.contactPointId, kind: result.kind, value: result.value };
    });
  };
}
