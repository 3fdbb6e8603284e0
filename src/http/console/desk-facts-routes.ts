import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { factAction, FACT_KINDS } from './desk-facts-actions.ts';
import type { CaseState } from './desk-actions.ts';
import type { DeskContext } from './desk-routes.ts';

/**
 * The case page's "what the person told us" forms (issue 18, entry points for the new facts): an
 * attorney and what became of the representation, an employer's prohibition of calls at work, an
 * inconvenient time or place and its withdrawal, and "only call me between". One address per form,
 * `facts:record` like the facts API. Every field is read by the action, not the schema, so that bad
 * input answers with the case page naming the field rather than a bare error.
 */
const Field = Type.Optional(Type.String({ maxLength: 300 }));
const FACT_BODY = Type.Object({
  _csrf: Type.Optional(Type.String({ maxLength: 200 })),
  name: Field, firm: Field, phone: Field, email: Field, accountId: Field, learnedOn: Field,
  representationId: Field, event: Field, partyId: Field, prohibits: Field, from: Field, until: Field,
  place: Field, contactPointId: Field, statementId: Field,
}, { additionalProperties: false });

type App = Parameters<FastifyPluginAsyncTypebox>[0];
type RenderCase = (context: DeskContext, request: FastifyRequest, reply: FastifyReply, caseId: string,
  state: CaseState) => Promise<string>;

export function deskFactsRoutes(app: App, context: DeskContext, renderCase: RenderCase): void {
  app.post('/desk/cases/:id/facts/:kind', {
    config: { permission: 'facts:record' },
    schema: {
      tags: ['pages'], summary: 'Record what the person told us: an attorney, no calls at work, a time',
      params: Type.Object({
        id: Type.String({ pattern: '^[1-9][0-9]{0,17}$', description: 'A case id' }),
        kind: Type.Unsafe<(typeof FACT_KINDS)[number]>({ type: 'string', enum: [...FACT_KINDS] }),
      }),
      body: FACT_BODY,
    },
  }, async (request, reply) => {
    const { id, kind } = request.params;
    const state = await factAction(context, request, id, kind, request.body);
    if (state.kind === 'done') {
      return reply.redirect(`/desk/cases/${id}?notice=fact_recorded#desk-facts`, 303);
    }
    return renderCase(context, request, reply, id, state);
  });
}
