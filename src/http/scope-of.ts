import type { FastifyRequest } from 'fastify';
import { ALL_RECORDS_MASKED, type DataScope } from '../app/scope/load-scope.ts';

/**
 * The data scope a request reads under: what the read models filter by and the reveal checks.
 * Every route passes it to the use case or read model it calls, so scoping happens in one place.
 */
export function scopeOf(request: FastifyRequest): DataScope {
  // becomes the signed-in principal's scope (loadScope(principal, today))
  void request;
  return ALL_RECORDS_MASKED;
}
