import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { principalName } from '../../domain/people/principal.ts';
import { principalOf } from '../auth/principal-of.ts';
import { auditContextOf } from '../auth/audit-context-of.ts';
import { appendAuditEvent } from '../../app/audit/append-audit-event.ts';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.ts';
import { ATTORNEY_EVENTS, recordAttorneyEvent } from '../../app/facts/record-attorney-event.ts';
import { recordAttorney } from '../../app/facts/record-attorney.ts';
import { recordContactTime } from '../../app/facts/record-contact-time.ts';
import { recordEmployerProhibition } from '../../app/facts/record-employer-prohibition.ts';
import { recordInconvenience } from '../../app/facts/record-inconvenience.ts';
import { setContactPointFlags } from '../../app/facts/set-contact-point-flags.ts';
import { withdrawInconvenience } from '../../app/facts/withdraw-inconvenience.ts';
import { CHANNELS, INCONVENIENT_PLACES } from '../../policy/situation.ts';
import type { Clock } from '../../stdx/clock.ts';
import { AppError } from '../app-error.ts';
import { ErrorResponse } from './schemas.ts';

/**
 * What a person said about where and when they may be reached, and who speaks for them, recorded by
 * the desk or an integration: an attorney and what became of the representation, an employer's
 * prohibition of calls at work, stated inconvenient times and places, a daily contact time ("only
 * evenings"), and the workplace and employer-provided flags of a number or address. The gate reads
 * every one of them on the next decision. Each route needs the `facts:record` permission.
 */
const Instant = Type.String({ format: 'date-time' });
const LocalTime = Type.String({
  pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'HH:MM, the person\'s local time',
});
const ExternalId = Type.String({ minLength: 1, maxLength: 120 });
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const DbId = Type.Object({ id: Type.String({ pattern: '^\\d{1,18}$' }) });
const Created = Type.Object({ id: Type.String() });
const Done = Type.Object({ recorded: Type.Boolean() });
const ROUTE_CONFIG = { permission: 'facts:record' } as const;
const ERRORS = { 400: ErrorResponse, 404: ErrorResponse, 422: ErrorResponse };

const STATUS: Readonly<Record<string, number>> = {
  unknown_borrower: 404, unknown_party: 404, unknown_representation: 404, unknown_statement: 404,
  unknown_contact_point: 404, unknown_account: 422, instant_in_future: 422, empty_time_range: 400,
};
const MESSAGES: Readonly<Record<string, string>> = {
  unknown_borrower: 'no borrower with this external id',
  unknown_party: 'no person with this external id',
  unknown_representation: 'no attorney representation with this id',
  unknown_statement: 'no stated inconvenience with this id',
  unknown_contact_point: 'no such contact point of this person',
  unknown_account: 'no account of this borrower with this external id',
  instant_in_future: 'a fact cannot be known after now',
  empty_time_range: 'until must differ from from (and, for a daily contact time, be later)',
};

function reject(rejection: { reason: string; field: string }): never {
  throw new AppError(STATUS[rejection.reason] ?? 400, rejection.reason, MESSAGES[rejection.reason]
    ?? rejection.reason.replaceAll('_', ' '), rejection.field);
}

/** Who records a fact: the signed-in principal, as the audit trail names them. */
function recorderOf(request: FastifyRequest): string {
  return principalName(principalOf(request));
}

type App = Parameters<FastifyPluginAsyncTypebox>[0];

export function borrowerFactsRoutes(db: Db, clock: Clock): FastifyPluginAsyncTypebox {
  return async (app) => {
    // What was recorded goes to the audit trail once it is stored, before the answer leaves: the
    // route, its record and who recorded it.
    app.addHook('onSend', async (request, reply, payload) => {
      if (reply.statusCode >= 300) return payload;
      const params = request.params as Record<string, string>;
      const subjectId = Object.values(params)[0] ?? '';
      await appendAuditEvent(db, {
        context: auditContextOf(request), action: 'fact.recorded', subjectKind: 'borrower_fact', subjectId,
        borrowerId: null, at: clock.now(), detail: { route: request.routeOptions.url ?? '' },
      });
      return payload;
    });
    attorneyRoutes(app, db, clock);
    prohibitionRoute(app, db, clock);
    inconvenienceRoutes(app, db, clock);
    contactTimeRoute(app, db, clock);
    contactPointFlagsRoute(app, db);
  };
}

function attorneyRoutes(app: App, db: Db, clock: Clock): void {
  app.post('/api/v1/borrowers/:borrowerId/attorneys', {
    config: ROUTE_CONFIG,
    schema: {
      tags: ['facts'], summary: 'Record an attorney representing the borrower',
      description: 'From learnedAt (default now), no communication about the debt (accountId; every debt '
        + 'when absent) goes to the borrower or to third parties (US-17) until the attorney fails to respond '
        + 'or consents to direct contact.',
      params: Type.Object({ borrowerId: ExternalId }),
      body: Type.Object({
        accountId: Type.Optional(ExternalId), name: Text(200), firm: Type.Optional(Text(200)),
        phone: Type.Optional(Text(32)), email: Type.Optional(Text(254)), address: Type.Optional(Text(500)),
        learnedAt: Type.Optional(Instant),
      }, { additionalProperties: false }),
      response: { 201: Created, ...ERRORS },
    },
  }, async (request, reply) => {
    const result = await recordAttorney(db, { ...request.body, borrowerId: request.params.borrowerId },
      recorderOf(request), clock.now());
    if (!result.ok) reject(result);
    reply.code(201);
    return { id: String(result.id) };
  });
  app.post('/api/v1/attorney-representations/:id/events', {
    config: ROUTE_CONFIG,
    schema: {
      tags: ['facts'], summary: 'The attorney failed to respond, consented to direct contact, or stopped',
      params: DbId,
      body: Type.Object({ event: Type.Enum(ATTORNEY_EVENTS), at: Type.Optional(Instant) },
        { additionalProperties: false }),
      response: { 200: Done, ...ERRORS },
    },
  }, async (request) => {
    const { event, at } = request.body;
    const result = await recordAttorneyEvent(db, BigInt(request.params.id), event, at, clock.now());
    if (!result.ok) reject(result);
    return { recorded: true };
  });
}

function prohibitionRoute(app: App, db: Db, clock: Clock): void {
  app.post('/api/v1/parties/:partyId/employer-prohibition', {
    config: ROUTE_CONFIG,
    schema: {
      tags: ['facts'], summary: 'The person\'s employer prohibits (or no longer prohibits) calls at work',
      description: 'While it prohibits them, contact on the person\'s workplace numbers and addresses is '
        + 'refused (US-02).',
      params: Type.Object({ partyId: ExternalId }),
      body: Type.Object({ prohibits: Type.Boolean(), knownSince: Type.Optional(Instant) },
        { additionalProperties: false }),
      response: { 200: Done, ...ERRORS },
    },
  }, async (request) => {
    const result = await recordEmployerProhibition(db, request.params.partyId, request.body.prohibits,
      request.body.knownSince, clock.now());
    if (!result.ok) reject(result);
    return { recorded: true };
  });
}

function inconvenienceRoutes(app: App, db: Db, clock: Clock): void {
  app.post('/api/v1/parties/:partyId/inconvenient-times', {
    config: ROUTE_CONFIG,
    schema: {
      tags: ['facts'], summary: 'A time of day the person said is inconvenient',
      description: 'In the person\'s local time; it wraps midnight when until is earlier than from.',
      params: Type.Object({ partyId: ExternalId }),
      body: Type.Object({ from: LocalTime, until: LocalTime, statedAt: Type.Optional(Instant) },
        { additionalProperties: false }),
      response: { 201: Created, ...ERRORS },
    },
  }, async (request, reply) => {
    const result = await recordInconvenience(db, request.params.partyId, { kind: 'time', ...request.body },
      recorderOf(request), clock.now());
    if (!result.ok) reject(result);
    reply.code(201);
    return { id: String(result.id) };
  });
  app.post('/api/v1/parties/:partyId/inconvenient-places', {
    config: ROUTE_CONFIG,
    schema: {
      tags: ['facts'],
      summary: 'A place the person said is inconvenient: their workplace, or one number or address',
      params: Type.Object({ partyId: ExternalId }),
      body: Type.Object({
        place: Type.Enum(INCONVENIENT_PLACES), contactPointId: Type.Optional(ExternalId),
        statedAt: Type.Optional(Instant),
      }, { additionalProperties: false }),
      response: { 201: Created, ...ERRORS },
    },
  }, async (request, reply) => {
    const { place, contactPointId, statedAt } = request.body;
    if ((place === 'contact_point') !== (contactPointId !== undefined)) {
      throw new AppError(400, 'contact_point_id_for_place',
        'contactPointId is required with place "contact_point", and only with it', 'contactPointId');
    }
    const input = place === 'workplace' ? { kind: place, statedAt }
      : { kind: place, contactPointId: contactPointId!, statedAt };
    const result = await recordInconvenience(db, request.params.partyId, withoutUndefined(input),
      recorderOf(request), clock.now());
    if (!result.ok) reject(result);
    reply.code(201);
    return { id: String(result.id) };
  });
  app.post('/api/v1/stated-inconveniences/:id/withdrawal', {
    config: ROUTE_CONFIG,
    schema: {
      tags: ['facts'], summary: 'The person takes back a stated inconvenient time or place',
      params: DbId, response: { 200: Done, ...ERRORS },
    },
  }, async (request) => {
    const result = await withdrawInconvenience(db, BigInt(request.params.id), clock.now());
    if (!result.ok) reject(result);
    return { recorded: true };
  });
}

function contactTimeRoute(app: App, db: Db, clock: Clock): void {
  app.post('/api/v1/parties/:partyId/contact-times', {
    config: ROUTE_CONFIG,
    schema: {
      tags: ['facts'], summary: 'A daily time the person gave for contact ("between 6 and 9 pm")',
      description: 'With onlyThen ("only evenings") every other time is inconvenient (US-01, CN-CIVIL-01); '
        + 'without it the time is a permission the quiet-hours rules honour.',
      params: Type.Object({ partyId: ExternalId }),
      body: Type.Object({
        from: LocalTime, until: LocalTime, onlyThen: Type.Boolean(),
        channel: Type.Optional(Type.Enum(CHANNELS)),
      }, { additionalProperties: false }),
      response: { 201: Created, ...ERRORS },
    },
  }, async (request, reply) => {
    const result = await recordContactTime(db, request.params.partyId, withoutUndefined(request.body),
      recorderOf(request), clock.now());
    if (!result.ok) reject(result);
    reply.code(201);
    return { id: String(result.id) };
  });
}

function contactPointFlagsRoute(app: App, db: Db): void {
  app.post('/api/v1/contact-points/:contactPointId/flags', {
    config: ROUTE_CONFIG,
    schema: {
      tags: ['facts'], summary: 'Mark a number, address or email as at work, or as provided by the employer',
      params: Type.Object({ contactPointId: ExternalId }),
      body: Type.Object({
        workplace: Type.Optional(Type.Boolean()), employerProvided: Type.Optional(Type.Boolean()),
      }, { additionalProperties: false, minProperties: 1 }),
      response: {
        200: Type.Object({ workplace: Type.Boolean(), employerProvided: Type.Boolean() }), ...ERRORS,
      },
    },
  }, async (request) => {
    const flags = withoutUndefined(request.body);
    const result = await setContactPointFlags(db, request.params.contactPointId, flags);
    if (!result.ok) reject(result);
    return { workplace: result.workplace, employerProvided: result.employerProvided };
  });
}

/** The object without its undefined fields, as the use cases' optional fields expect. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
