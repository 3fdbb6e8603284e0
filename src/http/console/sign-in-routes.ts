import { fileURLToPath } from 'node:url';
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Eta } from 'eta';
import { signIn } from '../../app/identity/sign-in.ts';
import { signOut } from '../../app/identity/sign-out.ts';
import { SIGN_IN_REQUESTS_PER_MINUTE_MAX } from '../../config/limits.ts';
import type { Db } from '../../db/database.ts';
import type { Role } from '../../domain/people/roles.ts';
import type { Clock } from '../../stdx/clock.ts';
import { formatLocalTime } from '../i18n/format-local-time.ts';
import { auditContextOf } from '../auth/audit-context-of.ts';
import { clearSessionCookie, setSessionCookie, SESSION_COOKIE } from '../auth/session-cookie.ts';
import { localiseRequest } from '../i18n/localise-request.ts';

/**
 * Signing in and out of the console. The form posts back here with its CSRF token (a page on
 * another site cannot sign a browser into an account it chose). A success sets a fresh session
 * cookie and goes to the page the person came for, or their role's start page; a failure shows the
 * same words whatever was wrong, and a throttled try says until when.
 */
const VIEWS = fileURLToPath(new URL('./views/', import.meta.url));
const eta = new Eta({ views: VIEWS, autoEscape: true, cache: true });
/** Where the times of a sign-in refusal are shown; the console's business zone. */
const SHOWN_ZONE = 'Asia/Shanghai';

const SignInQuery = Type.Object({
  next: Type.Optional(Type.String({ maxLength: 500 })),
  lang: Type.Optional(Type.String()),
  signedOut: Type.Optional(Type.String()),
});
const SignInBody = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 200 }),
  password: Type.String({ minLength: 1, maxLength: 1000 }),
  next: Type.Optional(Type.String({ maxLength: 500 })),
  _csrf: Type.Optional(Type.String({ maxLength: 200 })),
}, { additionalProperties: false });

export function signInRoutes(db: Db, clock: Clock): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/sign-in', {
      config: { permission: 'public' },
      schema: { tags: ['pages'], summary: 'The sign-in form', querystring: SignInQuery },
    }, async (request, reply) => renderSignIn(request, reply, {
      next: safeNext(request.query.next), username: '', error: null,
      notice: request.query.signedOut === undefined ? null : 'signedOut',
    }));

    app.post('/sign-in', {
      config: {
        permission: 'public',
        rateLimit: { max: SIGN_IN_REQUESTS_PER_MINUTE_MAX, timeWindow: 60_000 },
      },
      schema: {
        tags: ['pages'], summary: 'Signs in with a username and password (form post)', body: SignInBody,
      },
    }, async (request, reply) => {
      const { username, password } = request.body;
      const next = safeNext(request.body.next);
      const result = await signIn({
        db, username: username.trim().toLowerCase(), password, sourceIp: request.ip, now: clock.now(),
        previousSessionId: request.cookies[SESSION_COOKIE] ?? null, requestId: request.id,
      });
      if (result.ok) {
        setSessionCookie(request, reply, result.sessionId);
        return reply.redirect(next ?? '/home', 303);
      }
      if (result.reason === 'invalid_credentials') {
        reply.code(401);
        return renderSignIn(request, reply, { next, username, error: { reason: 'failed' }, notice: null });
      }
      const seconds = Math.max(1, Math.ceil((result.retryAt.getTime() - clock.now().getTime()) / 1000));
      reply.code(429).header('retry-after', String(seconds));
      return renderSignIn(request, reply, {
        next, username, error: { reason: result.reason, at: formatLocalTime(result.retryAt, SHOWN_ZONE) },
        notice: null,
      });
    });

    app.post('/sign-out', {
      config: { permission: 'signed_in' },
      schema: { tags: ['pages'], summary: 'Signs out: the session ends now' },
    }, async (request, reply) => {
      if (request.sessionId !== null) {
        await signOut({ db, sessionId: request.sessionId, now: clock.now(), audit: auditContextOf(request) });
      }
      clearSessionCookie(request, reply);
      return reply.redirect('/sign-in?signedOut=1', 303);
    });

    app.get('/home', {
      config: { permission: 'signed_in' },
      schema: { tags: ['pages'], summary: 'Redirects a signed-in person to their role\'s start page' },
    }, async (request, reply) => reply.redirect(homeOf(request.principal!.role), 303));
  };
}

type SignInError = { reason: 'failed' } | { reason: 'locked' | 'backoff'; at: string };

function renderSignIn(request: FastifyRequest, reply: FastifyReply, model: {
  next: string | null; username: string; error: SignInError | null; notice: 'signedOut' | null;
}): string {
  const text = localiseRequest(request, reply);
  const error = model.error === null ? null
    : model.error.reason === 'failed' ? text.t('signIn.failed')
      : model.error.reason === 'locked' ? text.t('signIn.locked', { time: model.error.at })
        : text.t('signIn.backoff', { time: model.error.at });
  const body = eta.render('./sign-in', {
    text, csrf: reply.generateCsrf(), next: model.next ?? '', username: model.username, error,
    notice: model.notice === null ? null : text.t('signIn.signedOut'),
  });
  reply.type('text/html; charset=utf-8');
  return eta.render('./layout', { title: text.t('signIn.title'), body, text, frame: null });
}

/** A page of this site to return to; anything else (another host, a scheme) is dropped. */
function safeNext(next: string | undefined): string | null {
  if (next === undefined || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) {
    return null;
  }
  return next;
}

/** Where each role starts: people who collect at their desk, everyone else at the portfolio. */
function homeOf(role: Role): string {
  const collecting: readonly Role[] = ['collector', 'field_collector', 'agency_collector'];
  return collecting.includes(role) ? '/desk' : '/console';
}
