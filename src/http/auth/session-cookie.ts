import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_ABSOLUTE_HOURS } from '../../config/limits.ts';

/**
 * The staff session's cookie: HttpOnly (no script reads it), SameSite=Lax (not sent on another
 * site's form posts), Secure when the request came over TLS, for the whole site. Its lifetime is
 * the session's absolute one; the database ends it sooner when idle or revoked.
 */
export const SESSION_COOKIE = 'fc_session';

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, sessionId: string): void {
  reply.setCookie(SESSION_COOKIE, sessionId, {
    path: '/', httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https',
    maxAge: SESSION_ABSOLUTE_HOURS * 3600,
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, {
    path: '/', httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https',
  });
}
