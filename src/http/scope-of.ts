import type { FastifyRequest } from 'fastify';
import { businessDate } from '../app/calendar/business-date.ts';
import { loadScope, type DataScope } from '../app/scope/load-scope.ts';
import { assert } from '../stdx/assert.ts';
import { principalOf } from './auth/principal-of.ts';

/**
 * The data scope a request reads under: what the read models filter by and the reveal checks.
 * Every route passes it to the use case or read model it calls, so scoping happens in one place.
 * Placements are dated in the lender's business date, taken at the instant the request arrived.
 */
export function scopeOf(request: FastifyRequest): DataScope {
  assert(request.arrivedAt !== null, 'the edge dates every request it authenticates');
  return loadScope(principalOf(request), businessDate(request.arrivedAt));
}
