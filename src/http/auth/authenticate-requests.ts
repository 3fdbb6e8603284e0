import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import csrf from '@fastify/csrf-protection';
import { authenticateSession, authenticateToken } from '../../app/identity/authenticate.ts';
import type { Db } from '../../db/database.ts';
import { grants, PERMISSIONS, type Permission } from '../../domain/people/roles.ts';
import type { Clock } from '../../stdx/clock.ts';
import { AppError } from '../app-error.ts';
import { SESSION_COOKIE } from './session-cookie.ts';
import './principal-of.ts';

/**
 * The edge: one hook authenticates every request and builds its Principal, and refuses it unless
 * the principal's role grants the permission the route declares. Default deny: registering a route
 * that declares no permission throws, so the app does not start with one. A bearer token is a
 * system's; a session cookie is a signed-in person's. A request that changes state on the strength
 * of a cookie must also carry the CSRF token of a form the server rendered (the browser sends the
 * cookie by itself; it cannot send the token by itself). Without credentials a page redirects to
 * sign-in and the API answers 401; with the wrong role, 403.
 */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const BEARER = /^Bearer ([\w-]{10,200})$/;

export async function authenticateRequests(app: FastifyInstance, db: Db, clock: Clock): Promise<void> {
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie', cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true },
  });
  app.decorateRequest('principal', null);
  app.decorateRequest('sessionId', null);
  // Set per request: a decorated object would be shared between requests.
  app.decorateRequest('arrivedAt', null);
  app.addHook('onRoute', (route) => {
    const permission = (route.config as { permission?: unknown } | undefined)?.permission;
    if (typeof permission !== 'string' || !(PERMISSIONS as readonly string[]).includes(permission)) {
      throw new Error(
        `route ${String(route.method)} ${route.url} declares no permission (config.permission)`,
      );
    }
  });
  app.addHook('onRequest', async (request, reply) => {
    const permission = request.routeOptions.config.permission;
    // An unknown URL has no route options; the not-found handler answers it.
    if (permission === undefined) return undefined;
    const now = clock.now();
    request.arrivedAt = now;
    await identify(request, db, now);
    if (permission === 'public') return undefined;
    return refuseUnlessGranted(request, reply, permission) ? reply : undefined;
  });
  app.addHook('preHandler', async (request, reply) => {
    if (SAFE_METHODS.has(request.method) || request.headers.authorization !== undefined) return undefined;
    const byCookie = request.sessionId !== null || request.routeOptions.config.permission === 'public';
    if (!byCookie) return undefined;
    let passed = false;
    // Synchronous: it reads the secret cookie and the token, then calls next or answers 403 itself.
    app.csrfProtection(request, reply, () => { passed = true; });
    return passed ? undefined : reply;
  });
}

async function identify(request: FastifyRequest, db: Db, now: Date): Promise<void> {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const token = BEARER.exec(authorization)?.[1];
    request.principal = token === undefined ? null : await authenticateToken(db, token, now);
    if (request.principal === null) {
      throw new AppError(401, 'invalid_token', 'the bearer token is unknown, revoked or expired');
    }
    return;
  }
  const sessionId = request.cookies[SESSION_COOKIE];
  if (sessionId === undefined || sessionId.length > 100) return;
  const principal = await authenticateSession(db, sessionId, now);
  if (principal === null) return;
  request.principal = principal;
  request.sessionId = sessionId;
}

/** True when it answered the request itself (a redirect to sign-in). */
function refuseUnlessGranted(request: FastifyRequest, reply: FastifyReply, permission: Permission): boolean {
  const principal = request.principal;
  if (principal === null) {
    if (request.method === 'GET' && !request.url.startsWith('/api/')) {
      // A page: the person signs in and comes back to it.
      reply.redirect(`/sign-in?next=${encodeURIComponent(request.url)}`, 303);
      return true;
    }
    reply.header('www-authenticate', 'Bearer realm="faircollect"');
    throw new AppError(
      401, 'authentication_required', 'sign in, or send an API token as Authorization: Bearer',
    );
  }
  if (!grants(principal.role, permission)) {
    throw new AppError(403, 'permission_denied', `the role ${principal.role} does not grant ${permission}`);
  }
  return false;
}
