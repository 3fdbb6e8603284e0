import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { PAGE_ROWS_DEFAULT, PAGE_ROWS_MAX } from '../../config/limits.ts';
import type { Db } from '../../db/database.ts';
import { getCase, listCases } from '../../app/portfolio/list-cases.ts';
import { listPlannedActions } from '../../app/portfolio/list-planned-actions.ts';
import { AppError } from '../app-error.ts';
import { scopeOf } from '../scope-of.ts';
import { CivilDateString, ErrorResponse, MinorAmount, PageQuery } from './schemas.ts';

const CaseSummary = Type.Object({
  id: Type.String(), borrowerExternalId: Type.String(), borrowerName: Type.String(), status: Type.String(),
  stage: Type.String(), stageSince: CivilDateString, openedOn: CivilDateString,
  closedOn: Type.Union([CivilDateString, Type.Null()]), closeReason: Type.Union([Type.String(), Type.Null()]),
  maxDpd: Type.Integer(), overdueMinor: MinorAmount, currency: Type.String(), strategyVersion: Type.String(),
  timeZone: Type.String(),
});

const PlannedAction = Type.Object({
  id: Type.String(), asOf: CivilDateString, caseId: Type.String(), stage: Type.String(),
  action: Type.String(), channel: Type.String(), template: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  // Null only on rows written before these were recorded (migration 0014) or, for the policy
  // version, on an action whose account has no policy pack.
  strategyVersion: Type.Union([Type.String(), Type.Null()]),
  policyVersion: Type.Union([Type.String(), Type.Null()]),
});

export function casesRoutes(db: Db): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/api/v1/cases', {
      config: { permission: 'portfolio:read' },
      schema: {
        tags: ['collection'], summary: 'List collection cases',
        querystring: Type.Object({
          ...PageQuery, status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('closed')])),
          stage: Type.Optional(Type.String({ maxLength: 40 })),
        }),
        response: {
          200: Type.Object({
            cases: Type.Array(CaseSummary), nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
        },
      },
    }, async (request) => {
      const limit = request.query.limit ?? PAGE_ROWS_DEFAULT;
      const cases = await listCases(db, { ...request.query, limit, scope: scopeOf(request) });
      return { cases, nextCursor: cases.length === limit ? cases[cases.length - 1]!.id : null };
    });

    app.get('/api/v1/cases/:id', {
      config: { permission: 'portfolio:read' },
      schema: {
        tags: ['collection'],
        summary: 'One case with the actions its strategy planned (not yet gated or sent)',
        params: Type.Object({ id: Type.String({ pattern: '^\\d{1,18}$' }) }),
        response: {
          200: Type.Object({ case: CaseSummary, plannedActions: Type.Array(PlannedAction) }),
          404: ErrorResponse,
        },
      },
    }, async (request) => {
      const found = await getCase(db, request.params.id, scopeOf(request));
      // Unknown and outside the scope are one answer (ARCHITECTURE.md, "Data scopes").
      if (!found.ok) throw new AppError(404, found.reason, `no case ${request.params.id}`, found.field);
      return { case: found.case, plannedActions: found.plannedActions };
    });

    app.get('/api/v1/planned-actions', {
      config: { permission: 'portfolio:read' },
      schema: {
        tags: ['collection'], summary: 'Actions the strategy planned on a cycle date',
        querystring: Type.Object({ asOf: CivilDateString, ...PageQuery }),
        response: {
          200: Type.Object({
            plannedActions: Type.Array(PlannedAction), nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
        },
      },
    }, async (request) => {
      const limit = Math.min(request.query.limit ?? PAGE_ROWS_DEFAULT, PAGE_ROWS_MAX);
      const scope = scopeOf(request);
      const plannedActions = await listPlannedActions(db, { ...request.query, limit, scope });
      return {
        plannedActions,
        nextCursor: plannedActions.length === limit ? plannedActions[plannedActions.length - 1]!.id : null,
      };
    });
  };
}
