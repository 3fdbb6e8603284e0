import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Static } from 'typebox';
import type { Db } from '../../db/database.ts';
import type { FastifyRequest } from 'fastify';
import { ContactRequestSchema, type ContactRequest } from '../../app/gate/contact-request.ts';
import { resolveActor } from '../../app/identity/resolve-actor.ts';
import { auditContextOf } from '../auth/audit-context-of.ts';
import { principalOf } from '../auth/principal-of.ts';
import { grants } from '../../domain/people/roles.ts';
import { checkContact } from '../../app/gate/check-contact.ts';
import type { PolicyGate } from '../../app/gate/policy-gate.ts';
import { OUTCOMES_BY_CHANNEL, recordOutcome } from '../../app/gate/record-outcome.ts';
import { replayStoredDecision } from '../../app/gate/replay-stored-decision.ts';
import { reserveContact } from '../../app/gate/reserve-contact.ts';
import { loadStoredDecision } from '../../app/gate/stored-decision.ts';
import type { Decision } from '../../policy/index.ts';
import { OUTCOMES } from '../../policy/situation.ts';
import type { Clock } from '../../stdx/clock.ts';
import { AppError } from '../app-error.ts';
import { scopeOf } from '../scope-of.ts';
import { ErrorResponse } from './schemas.ts';

/**
 * The gate over HTTP. `contact-checks` answers "may I?" without reserving anything; a
 * `contact-reservation` is the only way to obtain the right to contact, decided and recorded in one
 * transaction under the borrower's lock; the outcome endpoint says what happened and releases the
 * slot when the attempt did not count. Every answer is a stored Decision with its reasons.
 */
const Instant = Type.String({ format: 'date-time' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

const DecisionResponse = Type.Object(
  {
    id: Type.String(),
    allowed: Type.Boolean(),
    pack: Type.String(),
    policyVersion: Type.String(),
    evaluatedAt: Type.String(),
    nextAllowedAt: Nullable(Type.String()),
    outcomes: Type.Array(
      Type.Object({
        ruleId: Type.String(),
        result: Type.String({ description: 'allow, deny, warn or not_applicable' }),
        reason: Type.String({ description: 'snake_case reason code' }),
        citation: Type.String(),
        nextAllowedAt: Type.Optional(Type.String()),
        detail: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]))),
        settings: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]), {
          description: 'on a denial or warning: the lender settings the rule ran under, where they differ '
            + 'from the pack defaults',
        })),
      }),
    ),
  },
  { description: 'The explained, stored answer of the compliance engine' },
);

/**
 * What a caller sends: the contact as the gate needs it, without `actor`: who acts is the signed-in
 * principal (resolve-actor.ts). A dialler names the agent it dials for; the number it dials from is
 * its own knowledge of the call.
 */
const { actor: _actor, ...CONTACT_FIELDS } = ContactRequestSchema.properties;
const ActingFields = {
  agent: Type.Optional(Type.String({
    minLength: 1, maxLength: 40,
    description: 'the staff user a dialler acts for (needs gate:act_for_agent); '
      + 'the caller is the principal otherwise',
  })),
  dialledFrom: Type.Optional(Type.String({
    minLength: 1, maxLength: 32, description: 'the number the call is placed from',
  })),
};
const ContactBody = Type.Object({ ...CONTACT_FIELDS, ...ActingFields }, { additionalProperties: false });

const ContactCheckBody = Type.Object(
  {
    ...CONTACT_FIELDS,
    ...ActingFields,
    at: Type.Optional(
      Type.String({ format: 'date-time', description: 'the instant to decide at; default now' }),
    ),
  },
  { additionalProperties: false },
);

const ReservationResponse = Type.Object({
  reserved: Type.Boolean(),
  attemptId: Nullable(Type.String({ description: 'the reserved contact attempt; report its outcome' })),
  dialTarget: Nullable(Type.Object({
    contactPointId: Type.String(), kind: Type.String(), value: Type.String(),
  }, { description: 'the full number or address to use, on a reservation only' })),
  decision: DecisionResponse,
});

const REJECTION_STATUS: Record<string, number> = {
  unknown_account: 404,
  unknown_target_party: 422,
  unknown_contact_point: 422,
  channel_required: 422,
  no_policy_pack: 422,
  unknown_agency: 422,
  not_a_contact: 422,
  unknown_attempt: 404,
  unknown_decision: 404,
  outcome_not_for_channel: 422,
  outcome_already_recorded: 409,
  callback_time_required: 422,
  callback_time_not_in_future: 422,
  unknown_policy_version: 409,
  policy_version_mismatch: 409,
  unknown_pack: 409,
  invalid_settings: 409,
  contact_point_required: 422,
  no_contact_point: 422,
  acting_for_agent_not_allowed: 403,
  unknown_agent: 422,
  ended_at_out_of_range: 400,
  duration_out_of_range: 400,
};
const MESSAGES: Record<string, string> = {
  unknown_account: 'no account with this external id',
  unknown_target_party: "no such person on the borrower's file",
  unknown_contact_point: 'the contact point does not belong to the person contacted',
  channel_required: 'a contact needs a channel',
  no_policy_pack: 'no policy pack covers the jurisdiction of this account',
  unknown_agency: 'no agency with this id',
  not_a_contact: 'only contacts are reserved; ask contact-checks for reports, placements and lawsuits',
  unknown_attempt: 'no contact attempt with this id',
  unknown_decision: 'no decision with this id',
  outcome_already_recorded: 'a different outcome was already recorded for this attempt',
  callback_time_required: 'callback_requested needs callbackAt, the time the person asked for',
  callback_time_not_in_future: 'callbackAt must be later than now',
  policy_version_mismatch: 'the rules changed since this decision; it cannot be replayed under them',
  unknown_pack: 'this decision was made under a policy pack this installation does not have',
  contact_point_required:
    'a call or message needs contactPointId: the person contacted has more than one number or address',
  no_contact_point: 'the person contacted has no number or address on file for this channel',
  acting_for_agent_not_allowed: 'only a dialler may act for a named agent; others act as themselves',
  unknown_agent: 'no active staff user with this username',
  ended_at_out_of_range: 'endedAt must lie between the reservation and a few minutes after now',
  duration_out_of_range: 'durationSeconds is longer than the time since the reservation allows',
  invalid_instant: 'not a real instant: RFC 3339 with a zone, a day that exists, a year in range',
};

/** A Decision as the response schema types it (mutable arrays). */
const shown = (decision: Decision) => ({
  ...decision,
  outcomes: decision.outcomes.map((outcome) => ({
    ...outcome,
    ...(outcome.detail === undefined ? {} : { detail: { ...outcome.detail } }),
  })),
});

function reject(reason: string, field: string | null = null, extra = ''): never {
  throw new AppError(
    REJECTION_STATUS[reason] ?? 400,
    reason,
    `${MESSAGES[reason] ?? reason.replaceAll('_', ' ')}${extra}`,
    field,
  );
}

type App = Parameters<FastifyPluginAsyncTypebox>[0];

export function gateRoutes(db: Db, gate: PolicyGate, clock: Clock): FastifyPluginAsyncTypebox {
  return async (app) => {
    checkRoute(app, db, gate, clock);
    reservationRoute(app, db, gate, clock);
    outcomeRoute(app, db, clock);
    decisionRoute(app, db);
    replayRoute(app, db);
  };
}

type ContactBody = Static<typeof ContactBody>;

/** The contact the gate decides: the body's fields, acted by the principal. */
async function contactOf(db: Db, request: FastifyRequest, body: ContactBody): Promise<ContactRequest> {
  const { agent, dialledFrom, ...contact } = body;
  const resolved = await resolveActor({ db, principal: principalOf(request), agent, dialledFrom });
  if (!resolved.ok) reject(resolved.reason, 'agent');
  return { ...contact, actor: resolved.actor };
}

function checkRoute(app: App, db: Db, gate: PolicyGate, clock: Clock): void {
  app.post(
    '/api/v1/contact-checks',
    {
      config: { permission: 'gate:check' },
      schema: {
        tags: ['gate'],
        summary: 'May this action happen? The stored, explained Decision',
        description:
          "Decides a contact, visit, bureau report, placement or lawsuit on the borrower's whole " +
          "file at `at` (default now), in the borrower's local time. Nothing is reserved: to act, reserve.",
        body: ContactCheckBody,
        response: { 200: DecisionResponse, 400: ErrorResponse, 404: ErrorResponse, 422: ErrorResponse },
      },
    },
    async (request) => {
      const { at, ...body } = request.body;
      const contact = await contactOf(db, request, body);
      const now = at === undefined ? clock.now() : new Date(at);
      const result = await checkContact(db, gate, contact, now, scopeOf(request));
      if (!result.ok) reject(result.rejection.reason, result.rejection.field);
      return shown(result.decision);
    },
  );
}

function reservationRoute(app: App, db: Db, gate: PolicyGate, clock: Clock): void {
  app.post(
    '/api/v1/contact-reservations',
    {
      config: { permission: 'gate:reserve' },
      schema: {
        tags: ['gate'],
        summary: 'Reserve the right to make one contact now',
        description:
          "Decided and recorded atomically under the borrower's lock, so concurrent reservations " +
          'from the desk and every agency never exceed a cap. 201 with attemptId when reserved; 409 with ' +
          'the Decision when the gate refuses. Report the outcome to release or keep the slot.',
        body: ContactBody,
        response: {
          201: ReservationResponse,
          409: ReservationResponse,
          400: ErrorResponse,
          404: ErrorResponse,
          422: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      const contact = await contactOf(db, request, request.body);
      const result = await reserveContact(
        db, gate, contact, clock.now(), scopeOf(request), auditContextOf(request),
      );
      if (!result.ok) reject(result.rejection.reason, result.rejection.field);
      reply.code(result.reserved ? 201 : 409);
      return {
        reserved: result.reserved,
        attemptId: result.reserved ? String(result.attemptId) : null,
        dialTarget: result.reserved ? result.dialTarget : null,
        decision: shown(result.decision),
      };
    },
  );
}

function outcomeRoute(app: App, db: Db, clock: Clock): void {
  app.post(
    '/api/v1/contact-attempts/:id/outcome',
    {
      config: { permission: 'gate:reserve' },
      schema: {
        tags: ['gate'],
        summary: 'Record what happened to a reserved contact',
        description:
          'A conversation keeps counting as a connected call; an unanswered call counts as an ' +
          'unanswered attempt on that number; cancelled counts as nothing. A contact person who refuses ' +
          'becomes do-not-contact; callback_requested with callbackAt blocks calls until then. Repeating ' +
          'the same outcome is harmless; a different one is 409.',
        params: Type.Object({ id: Type.String({ pattern: '^\\d{1,18}$' }) }),
        body: Type.Object(
          {
            outcome: Type.Enum(OUTCOMES.filter((outcome) => outcome !== 'reserved')),
            endedAt: Type.Optional(Instant),
            durationSeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 86_400 })),
            callbackAt: Type.Optional(Instant),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            attemptId: Type.String(),
            status: Type.String({ description: 'recorded or unchanged' }),
            outcome: Type.String(),
            countsAs: Type.String({
              description: 'connected_call, unanswered_attempt, message, visit or nothing',
            }),
            released: Type.Boolean({
              description: 'the slot no longer counts against the connected-call cap',
            }),
          }),
          400: ErrorResponse,
          404: ErrorResponse,
          409: ErrorResponse,
          422: ErrorResponse,
        },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const own = await resolveActor({ db, principal, agent: undefined, dialledFrom: undefined });
      const actorId = grants(principal.role, 'gate:act_for_agent') || !own.ok ? null : own.actor.id;
      const result = await recordOutcome(db, BigInt(request.params.id), request.body, clock.now(),
        { audit: auditContextOf(request), actorId });
      if (!result.ok) {
        const extra =
          result.reason === 'outcome_not_for_channel'
            ? `: a ${result.channel} attempt ends in one of ${OUTCOMES_BY_CHANNEL[result.channel].join(', ')}`
            : '';
        reject(result.reason, outcomeField(result), extra);
      }
      return {
        attemptId: String(result.attemptId),
        status: result.status,
        outcome: result.outcome,
        countsAs: result.countsAs,
        released: result.released,
      };
    },
  );
}

/** The field an outcome rejection is about: its own when it names one. */
type OutcomeRejection = Extract<Awaited<ReturnType<typeof recordOutcome>>, { ok: false }>;

function outcomeField(result: OutcomeRejection): string | null {
  if ('field' in result) return result.field;
  if (result.reason.startsWith('callback')) return 'callbackAt';
  return result.reason === 'outcome_not_for_channel' ? 'outcome' : null;
}

function decisionRoute(app: App, db: Db): void {
  app.get(
    '/api/v1/decisions/:id',
    {
      config: { permission: 'decisions:read' },
      schema: {
        tags: ['gate'],
        summary: 'A stored Decision with the situation it was made on',
        params: Type.Object({ id: Type.String({ pattern: '^[0-9a-f]{64}$' }) }),
        response: {
          200: Type.Object({
            decision: DecisionResponse,
            situation: Type.Object({}, { additionalProperties: true }),
            action: Type.String(),
            recordedAt: Type.String(),
          }),
          400: ErrorResponse,
          404: ErrorResponse,
        },
      },
    },
    async (request) => {
      const stored = await loadStoredDecision(db, request.params.id, scopeOf(request));
      if (stored === null) reject('unknown_decision', 'id');
      return {
        decision: shown(stored.decision),
        situation: stored.situation,
        action: stored.action,
        recordedAt: stored.recordedAt.toISOString(),
      };
    },
  );
}

function replayRoute(app: App, db: Db): void {
  app.post(
    '/api/v1/decisions/:id/replay',
    {
      config: { permission: 'decisions:read' },
      schema: {
        tags: ['gate'],
        summary: 'Evaluate a stored Decision again under its recorded policy version',
        params: Type.Object({ id: Type.String({ pattern: '^[0-9a-f]{64}$' }) }),
        response: {
          200: Type.Object({
            identical: Type.Boolean(),
            decision: DecisionResponse,
            stored: DecisionResponse,
          }),
          400: ErrorResponse,
          404: ErrorResponse,
          409: ErrorResponse,
        },
      },
    },
    async (request) => {
      const result = await replayStoredDecision(db, request.params.id, scopeOf(request));
      if (!result.ok) reject(result.reason, 'id');
      return { identical: result.identical, decision: shown(result.decision), stored: shown(result.stored) };
    },
  );
}
