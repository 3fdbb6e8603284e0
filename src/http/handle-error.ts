import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './app-error.ts';

/**
 * The app's error handler: errors become responses here and nowhere else. An AppError carries its
 * own status and reason code; a schema validation failure names the first offending field; other
 * client errors keep Fastify's code; anything else is logged and answered with a bare 500.
 */
export function handleError(
  error: FastifyError | AppError | Error, request: FastifyRequest, reply: FastifyReply,
): FastifyReply {
  if (error instanceof AppError) {
    return reply.code(error.statusCode).send({
      error: { reason: error.reason, field: error.field, message: error.message },
    });
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.validation !== undefined) {
    const first = fastifyError.validation[0];
    const field = first === undefined ? null
      : (first.instancePath.replace(/^\//, '').replaceAll('/', '.')
        || String(first.params?.missingProperty ?? '') || null);
    return reply.code(400).send({
      error: { reason: 'invalid_request', field, message: fastifyError.message },
    });
  }
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode < 500) {
    return reply.code(fastifyError.statusCode).send({
      error: { reason: fastifyError.code ?? 'bad_request', field: null, message: fastifyError.message },
    });
  }
  request.log.error(error);
  return reply.code(500).send({
    error: { reason: 'internal_error', field: null, message: 'internal error' },
  });
}
