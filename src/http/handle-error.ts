import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './app-error.ts';
import { renderErrorPage, wantsPage } from './console/render-error-page.ts';
import { sanitiseError } from '../stdx/sanitise-error.ts';

/**
 * The app's error handler: errors become responses here and nowhere else, all in one shape,
 * `{ error: { reason, field, message } }`. An AppError carries its own status and reason code; a
 * schema validation failure names the offending field (for an unknown property, the property
 * itself); Fastify's own client errors (a malformed URL, a parameter too long, a body that is not
 * JSON or too large) get a snake_case reason; anything else is logged without the caller's values
 * and answered with a bare 500. Fastify routes its framework errors here too (app.ts).
 */
export function handleError(
  error: FastifyError | AppError | Error, request: FastifyRequest, reply: FastifyReply,
): FastifyReply {
  if (error instanceof AppError) {
    if ((error.statusCode === 403 || error.statusCode === 404) && wantsPage(request)) {
      return reply.code(error.statusCode).send(renderErrorPage(request, reply, error.statusCode));
    }
    return reply.code(error.statusCode).send(errorBody(error.reason, error.field, error.message));
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.validation !== undefined) {
    const { field, message } = describeValidation(fastifyError);
    return reply.code(400).send(errorBody('invalid_request', field, message));
  }
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode < 500) {
    const reason = FRAMEWORK_REASONS[fastifyError.code] ?? 'bad_request';
    return reply.code(fastifyError.statusCode).send(errorBody(reason, null, fastifyError.message));
  }
  request.log.error({ err: sanitiseError(error) }, 'request failed');
  return reply.code(500).send(errorBody('internal_error', null, 'internal error'));
}

export function errorBody(reason: string, field: string | null, message: string) {
  return { error: { reason, field, message } };
}

type ValidationFailure = {
  instancePath: string; keyword: string; params?: Record<string, unknown>; message?: string;
};

/** The field path of the first schema failure ("actor.agencyId") and a message that names it. */
function describeValidation(error: FastifyError): { field: string | null; message: string } {
  const first = error.validation?.[0] as ValidationFailure | undefined;
  if (first === undefined) return { field: null, message: error.message };
  const path = first.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const child = first.params?.additionalProperty ?? first.params?.missingProperty;
  const field = typeof child === 'string' ? (path === '' ? child : `${path}.${child}`) : path || null;
  const part = error.validationContext ?? 'request';
  if (first.keyword === 'additionalProperties') {
    return { field, message: `${part} has an unknown property "${field}"` };
  }
  return { field, message: error.message };
}

/** Fastify's client-error codes as the snake_case reasons of the API. */
const FRAMEWORK_REASONS: Readonly<Record<string, string>> = {
  FST_ERR_BAD_URL: 'invalid_url',
  FST_ERR_MAX_PARAM_LENGTH: 'uri_too_long',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_BODY_TOO_LARGE: 'body_too_large',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_content_length',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
};
