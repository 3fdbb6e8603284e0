import { fileURLToPath } from 'node:url';
import { Type, type FastifyPluginAsyncTypebox, type Static } from '@fastify/type-provider-typebox';
import { Eta } from 'eta';
import type { FastifyRequest } from 'fastify';
import { AUDIT_TEXT_CHARS_MAX } from '../../config/limits.ts';
import type { Db } from '../../db/database.ts';
import { AUDIT_ACTIONS, type AuditAction } from '../../app/audit/audit-action.ts';
import type { ActorKind } from '../../app/audit/audit-context.ts';
import {
  listAuditEvents, type AuditEventFilter, type ListedAuditEvent,
} from '../../app/audit/list-audit-events.ts';
import { canonicalJson } from '../../stdx/hash.ts';
import { AppError } from '../app-error.ts';
import { pageFrame } from './page-frame.ts';
import { localiseRequest, type PageText } from '../i18n/localise-request.ts';

/**
 * The audit trail for compliance officers (GET /console/audit): every event, newest first, a page
 * at a time, filtered by actor, action, record, borrower and a half-open time range through a
 * plain GET form, so a filtered view is a link that can be kept and sent. The events are shown as
 * stored (codes, ids and the detail's JSON); their detail holds no personal data in the clear, so
 * the page reveals none. Reading the trail needs the `audit:read` permission.
 */
const VIEWS = fileURLToPath(new URL('./views/', import.meta.url));
const eta = new Eta({ views: VIEWS, autoEscape: true, cache: true });
const TIME_EXAMPLE = '2026-03-01T00:00:00+08:00';
const Text = Type.String({ minLength: 1, maxLength: AUDIT_TEXT_CHARS_MAX });
const Id = Type.String({ pattern: '^[1-9][0-9]{0,17}$', description: 'A positive whole number' });
const AUDIT_QUERY = Type.Object({
  lang: Type.Optional(Type.String({ description: 'The page\'s language, zh-CN or en' })),
  actor: Type.Optional(Text),
  action: Type.Optional(Type.Unsafe<AuditAction>({ type: 'string', enum: [...AUDIT_ACTIONS] })),
  subjectKind: Type.Optional(Type.String({ pattern: '^[a-z][a-z_]{0,63}$' })),
  subjectId: Type.Optional(Text),
  borrowerId: Type.Optional(Id),
  from: Type.Optional(Type.String({ format: 'date-time', description: 'Events at or after this instant' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'Events before this instant' })),
  before: Type.Optional({ ...Id, description: 'Cursor: the events older than this event id' }),
}, { additionalProperties: false });
type AuditQuery = Static<typeof AUDIT_QUERY>;
/** The filters a page carries into its links, in the form's order. */
const FILTER_NAMES = ['actor', 'action', 'subjectKind', 'subjectId', 'borrowerId', 'from', 'to'] as const;

export function auditRoutes(db: Db): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/console/audit', {
      config: { permission: 'audit:read' },
      preValidation: dropEmptyValues,
      schema: {
        tags: ['pages'], summary: 'Audit trail: every recorded event, filtered, newest first',
        querystring: AUDIT_QUERY, response: { 200: Type.String({ description: 'HTML page' }) },
      },
    }, async (request, reply) => {
      const text = localiseRequest(request, reply);
      const page = await listAuditEvents(db, filterOf(request.query));
      const body = eta.render('./audit', {
        text, actions: AUDIT_ACTIONS, timeExample: TIME_EXAMPLE,
        filter: Object.fromEntries(FILTER_NAMES.map((name) => [name, request.query[name] ?? ''])),
        events: page.events.map((event) => eventRow(event, text)),
        newestHref: request.query.before === undefined ? null : pageHref(request.query, null),
        olderHref: page.nextBeforeId === null ? null : pageHref(request.query, page.nextBeforeId),
      });
      reply.type('text/html; charset=utf-8');
      const frame = pageFrame(request, reply, text);
      return eta.render('./layout', { title: text.t('audit.title'), body, text, frame });
    });
  };
}

/**
 * A GET form sends every field, the empty ones as `name=`; an empty field means "any", so it is
 * dropped before the schema checks what remains.
 */
async function dropEmptyValues(request: FastifyRequest): Promise<void> {
  const query = request.query as Record<string, unknown>;
  request.query = Object.fromEntries(Object.entries(query).filter(([, value]) => value !== ''));
}

function filterOf(query: AuditQuery): AuditEventFilter {
  if (query.from !== undefined && query.to !== undefined && Date.parse(query.to) <= Date.parse(query.from)) {
    throw new AppError(400, 'invalid_time_range', 'to must be later than from', 'to');
  }
  return {
    ...(query.actor === undefined ? {} : { actor: query.actor }),
    ...(query.action === undefined ? {} : { action: query.action }),
    ...(query.subjectKind === undefined ? {} : { subjectKind: query.subjectKind }),
    ...(query.subjectId === undefined ? {} : { subjectId: query.subjectId }),
    ...(query.borrowerId === undefined ? {} : { borrowerId: BigInt(query.borrowerId) }),
    ...(query.from === undefined ? {} : { from: new Date(query.from) }),
    ...(query.to === undefined ? {} : { to: new Date(query.to) }),
    ...(query.before === undefined ? {} : { beforeId: BigInt(query.before) }),
  };
}

/** The same filters, from the newest event (`before` null) or before the given one. */
function pageHref(query: AuditQuery, before: bigint | null): string {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = query[name];
    if (value !== undefined) params.set(name, value);
  }
  if (before !== null) params.set('before', before.toString());
  const search = params.toString();
  return search === '' ? '/console/audit' : `/console/audit?${search}`;
}

function eventRow(event: ListedAuditEvent, text: PageText) {
  const kinds: Readonly<Record<ActorKind, string>> = {
    user: text.t('audit.actorKind.user'), token: text.t('audit.actorKind.token'),
    borrower: text.t('audit.actorKind.borrower'), system: text.t('audit.actorKind.system'),
  };
  return {
    id: event.id.toString(), seq: event.seq.toString(), at: event.at.toISOString(),
    actorKind: kinds[event.actorKind as ActorKind] ?? event.actorKind, actor: event.actor,
    source: [event.sourceIp ?? '—', event.requestId ?? '—'].join(' · '), action: event.action,
    subjectKind: event.subjectKind, subjectId: event.subjectId,
    borrowerId: event.borrowerId?.toString() ?? '—',
    detail: canonicalJson(event.detail),
  };
}
