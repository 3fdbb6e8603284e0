import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Eta } from 'eta';
import { businessDate } from '../../app/calendar/business-date.ts';
import { takeNextCase } from '../../app/desk/take-next-case.ts';
import type { PolicyGate } from '../../app/gate/policy-gate.ts';
import { CASE_NOTE_CHARS_MAX, RECORDING_REF_CHARS_MAX } from '../../config/limits.ts';
import type { Db } from '../../db/database.ts';
import type { Clock } from '../../stdx/clock.ts';
import { DESK_OUTCOMES } from '../../app/desk/record-call-outcome.ts';
import { localiseRequest, type PageText } from '../i18n/localise-request.ts';
import { pageFrame } from './page-frame.ts';
import { principalOf } from '../auth/principal-of.ts';
import { queueModel } from './desk-queue-model.ts';
import { caseModel } from './desk-case-model.ts';
import { noteAction, outcomeAction, reserveAction, type CaseState } from './desk-actions.ts';
import { deskFactsRoutes } from './desk-facts-routes.ts';

/**
 * The collector's desk (issue 14, "the desk page"): the queue with "next case", and a case's file
 * with the debt, the timeline and the gate live per number and channel; reserving a call, then
 * recording what came of it. Pages are plain HTML forms and links that work without JavaScript;
 * htmx (served from our own origin) only turns them into in-place swaps, and a small inline script
 * counts down to when a denied contact opens and gives the main actions their keys.
 *
 * A case outside the principal's scope is 404, as if it did not exist (saying it exists would tell
 * the reader that a person is in debt). Every form posts a CSRF token; bad input is 400 naming the
 * field. The full number appears only on the page a successful reservation answers with.
 */
const VIEWS = fileURLToPath(new URL('./views/', import.meta.url));
const eta = new Eta({ views: VIEWS, autoEscape: true, cache: true });
const HTMX_PATH = createRequire(import.meta.url).resolve('htmx.org/dist/htmx.min.js');
const CaseId = Type.String({ pattern: '^[1-9][0-9]{0,17}$', description: 'A case id' });
/** `caseId.decisionId` pairs of the cases "next case" skipped, comma-separated. */
const SKIPPED_PAIR = '[1-9][0-9]{0,17}\\.[0-9a-f]{64}';
const Skipped = Type.String({ pattern: `^${SKIPPED_PAIR}(,${SKIPPED_PAIR}){0,19}$` });
const PAGE_QUERY = Type.Object({
  lang: Type.Optional(Type.String({ description: 'The page\'s language, zh-CN or en' })),
  skipped: Type.Optional(Skipped),
  notice: Type.Optional(Type.Union([Type.Literal('not_in_team'), Type.Literal('none_allowed'),
    Type.Literal('recorded'), Type.Literal('note_added'), Type.Literal('fact_recorded')])),
}, { additionalProperties: false });
const CSRF = Type.Optional(Type.String({ maxLength: 200 }));
export const RESERVE_BODY = Type.Object({
  contactPointId: Type.String({ minLength: 1, maxLength: 120 }), _csrf: CSRF,
}, { additionalProperties: false });
export const OUTCOME_BODY = Type.Object({
  attemptId: Type.String({ pattern: '^[1-9][0-9]{0,17}$' }),
  outcome: Type.Unsafe<(typeof DESK_OUTCOMES)[number]>({ type: 'string', enum: [...DESK_OUTCOMES] }),
  callbackAt: Type.Optional(Type.String({
    maxLength: 40, description: 'local date and time, YYYY-MM-DDTHH:MM',
  })),
  amount: Type.Optional(Type.String({ maxLength: 40, description: 'the promised amount, e.g. 1234.56' })),
  dueOn: Type.Optional(Type.String({ maxLength: 20, description: 'the promised date, YYYY-MM-DD' })),
  recordingRef: Type.Optional(Type.String({ maxLength: RECORDING_REF_CHARS_MAX })),
  note: Type.Optional(Type.String({ maxLength: CASE_NOTE_CHARS_MAX })),
  _csrf: CSRF,
}, { additionalProperties: false });
export const NOTE_BODY = Type.Object({
  note: Type.String({ minLength: 1, maxLength: CASE_NOTE_CHARS_MAX }), _csrf: CSRF,
}, { additionalProperties: false });
const HTML = { 200: Type.String({ description: 'HTML page' }) };

export type DeskContext = { db: Db; gate: PolicyGate; clock: Clock };

export function deskRoutes(context: DeskContext): FastifyPluginAsyncTypebox {
  const { db, gate, clock } = context;
  return async (app) => {
    let htmx: Buffer | null = null;
    app.get('/assets/htmx.min.js', {
      config: { permission: 'public' }, schema: { tags: ['pages'], summary: 'htmx, served locally' },
    }, async (_request, reply) => {
      htmx ??= await readFile(HTMX_PATH);
      reply.type('application/javascript').header('cache-control', 'public, max-age=86400');
      return reply.send(htmx);
    });

    app.get('/desk', {
      config: { permission: 'desk:work' },
      schema: { tags: ['pages'], summary: 'The collector\'s desk: the queue and "next case"',
        querystring: PAGE_QUERY, response: HTML },
    }, async (request, reply) => {
      return renderPage(request, reply, './desk-queue', 'desk.title',
        (text) => queueModel({ db, request, text, now: clock.now(), query: request.query }));
    });

    app.post('/desk/next', {
      config: { permission: 'desk:work' },
      schema: { tags: ['pages'], summary: 'Next case: the top case of the queue the gate allows now',
        body: Type.Object({ _csrf: CSRF }, { additionalProperties: false }) },
    }, async (request, reply) => reply.redirect(await nextCaseAddress(context, request), 303));

    app.get('/desk/cases/:id', {
      config: { permission: 'desk:work' },
      schema: { tags: ['pages'], summary: 'A case file: the debt, the timeline, the gate live',
        params: Type.Object({ id: CaseId }), querystring: PAGE_QUERY, response: HTML },
    }, async (request, reply) => renderCase(context, request, reply, request.params.id, { kind: 'idle' }));

    app.post('/desk/cases/:id/reserve', {
      config: { permission: 'desk:work' },
      schema: { tags: ['pages'], summary: 'Reserve a call to one of the borrower\'s numbers now',
        params: Type.Object({ id: CaseId }), body: RESERVE_BODY },
    }, async (request, reply) => {
      const state = await reserveAction(context, request, request.params.id, request.body);
      return renderCase(context, request, reply, request.params.id, state);
    });

    app.post('/desk/cases/:id/outcome', {
      config: { permission: 'desk:work' },
      schema: { tags: ['pages'], summary: 'Record what came of a reserved call',
        params: Type.Object({ id: CaseId }), body: OUTCOME_BODY },
    }, async (request, reply) => {
      const state = await outcomeAction(context, request, request.params.id, request.body);
      if (state.kind === 'done') {
        return reply.redirect(`/desk/cases/${request.params.id}?notice=recorded`, 303);
      }
      return renderCase(context, request, reply, request.params.id, state);
    });

    app.post('/desk/cases/:id/notes', {
      config: { permission: 'desk:work' },
      schema: { tags: ['pages'], summary: 'Add a note to a case',
        params: Type.Object({ id: CaseId }), body: NOTE_BODY },
    }, async (request, reply) => {
      await noteAction(context, request, request.params.id, request.body.note);
      return reply.redirect(`/desk/cases/${request.params.id}?notice=note_added`, 303);
    });

    deskFactsRoutes(app, context, renderCase);
  };
}

/**
 * Where "next case" sends the collector: to the case, or back to the queue when none may be called
 * now; with the cases skipped on the way, named by (case, decision) for the page to explain.
 */
async function nextCaseAddress(context: DeskContext, request: FastifyRequest): Promise<string> {
  const now = context.clock.now();
  const result = await takeNextCase({
    db: context.db, gate: context.gate, principal: principalOf(request), asOf: businessDate(now), now,
  });
  if (!result.ok) return `/desk?notice=${result.reason === 'not_in_team' ? 'not_in_team' : 'none_allowed'}`;
  const pairs = result.skipped.filter((skipped) => skipped.decisionId !== null)
    .map((skipped) => `${skipped.caseId}.${skipped.decisionId}`).join(',');
  if (result.next === null) return `/desk?notice=none_allowed${pairs === '' ? '' : `&skipped=${pairs}`}`;
  return `/desk/cases/${result.next.entry.caseId}${pairs === '' ? '' : `?skipped=${pairs}`}`;
}

async function renderCase(
  context: DeskContext, request: FastifyRequest, reply: FastifyReply, caseId: string, state: CaseState,
): Promise<string> {
  // A form posted here carries no query; the page it answers with shows no earlier notice.
  const query = request.method === 'GET' ? request.query as { skipped?: string; notice?: string } : {};
  if (state.kind === 'refused') reply.code(state.status);
  // A form's answer is the case page: htmx shows the case's own address, not the form's.
  if (request.method === 'POST') reply.header('hx-push-url', `/desk/cases/${caseId}`);
  return renderPage(request, reply, './desk-case', 'desk.caseTitle',
    (text) => caseModel({ ...context, request, text, caseId, state, query }));
}

async function renderPage(
  request: FastifyRequest, reply: FastifyReply, view: string, title: 'desk.title' | 'desk.caseTitle',
  build: (text: PageText) => Promise<object>,
): Promise<string> {
  const text = localiseRequest(request, reply);
  const model = await build(text);
  const csrf = reply.generateCsrf();
  const body = eta.render(view, { ...model, text, csrf });
  reply.type('text/html; charset=utf-8');
  const heading = title === 'desk.title' ? text.t('desk.title') : text.t('desk.caseTitle');
  return eta.render('./layout', {
    title: heading, body, text, frame: pageFrame(request, reply, text), htmx: true,
  });
}
