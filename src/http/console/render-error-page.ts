import { fileURLToPath } from 'node:url';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Eta } from 'eta';
import { localiseRequest } from '../i18n/localise-request.ts';
import { pageFrame } from './page-frame.ts';

/**
 * A refusal as a page, for a person who followed a link in a browser: the same status and words
 * for "not there" and "not yours", in the reader's language, with the way back to their start
 * page. API clients and anything that does not ask for HTML keep the JSON error.
 */
const VIEWS = fileURLToPath(new URL('./views/', import.meta.url));
const eta = new Eta({ views: VIEWS, autoEscape: true, cache: true });

export function wantsPage(request: FastifyRequest): boolean {
  return request.method === 'GET' && !request.url.startsWith('/api/')
    && (request.headers.accept ?? '').includes('text/html');
}

export function renderErrorPage(request: FastifyRequest, reply: FastifyReply, status: 403 | 404): string {
  const text = localiseRequest(request, reply);
  const heading = status === 403 ? text.t('error.forbidden') : text.t('error.notFound');
  const explanation = status === 403 ? text.t('error.forbiddenExplained') : text.t('error.notFoundExplained');
  const body = eta.render('./error', { text, heading, explanation });
  reply.type('text/html; charset=utf-8');
  // The frame needs a principal; a page refused before one was known shows none.
  const frame = request.principal === null ? null : pageFrame(request, reply, text);
  return eta.render('./layout', { title: heading, body, text, frame });
}
