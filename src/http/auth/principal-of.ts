import type { FastifyRequest } from 'fastify';
import type { Principal } from '../../domain/people/principal.ts';
import type { Permission } from '../../domain/people/roles.ts';
import { assert } from '../../stdx/assert.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The permission a principal needs to call the route; every route declares one
     * (authenticate-requests.ts).
     */
    permission?: Permission;
  }
  interface FastifyRequest {
    /** Who is acting, authenticated by the edge before any handler runs; null on public routes only. */
    principal: Principal | null;
    /** The browser session the principal came from; null for a token or no principal. */
    sessionId: string | null;
    /** The instant the edge authenticated the request, from the app's clock. */
    arrivedAt: Date | null;
  }
}

/** The principal of a request on a route that requires one; the edge has refused it otherwise. */
export function principalOf(request: FastifyRequest): Principal {
  assert(request.principal !== null, `no principal on ${request.method} ${request.routeOptions.url ?? ''}`);
  return request.principal;
}
