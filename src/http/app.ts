import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import swagger, { type SwaggerOptions } from '@fastify/swagger';
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { REQUEST_BODY_BYTES_MAX, URL_PARAM_CHARS_MAX } from '../config/limits.ts';
import type { Db } from '../db/database.ts';
import { defaultPolicyGate, type PolicyGate } from '../app/gate/policy-gate.ts';
import { describeInvalidCharacter } from '../domain/input/find-invalid-character.ts';
import { systemClock, type Clock } from '../stdx/clock.ts';
import { answerClientError } from './answer-client-error.ts';
import { checkDatabase } from '../app/health/check-database.ts';
import { createValidatorCompiler } from './create-validator-compiler.ts';
import { findInvalidField } from './find-invalid-field.ts';
import { errorBody, handleError } from './handle-error.ts';
import { AppError } from './app-error.ts';
import { sanitiseError } from '../stdx/sanitise-error.ts';
import { ErrorResponse } from './api/schemas.ts';
import { accountsRoutes } from './api/accounts-routes.ts';
import { borrowerFactsRoutes } from './api/borrower-facts-routes.ts';
import { casesRoutes } from './api/cases-routes.ts';
import { contactPointsRoutes } from './api/contact-points-routes.ts';
import { gateRoutes } from './api/gate-routes.ts';
import { paymentsRoutes } from './api/payments-routes.ts';
import { portfolioRoutes } from './api/portfolio-routes.ts';
import { auditRoutes } from './console/audit-routes.ts';
import { consoleRoutes } from './console/console-routes.ts';
import { renderErrorPage, wantsPage } from './console/render-error-page.ts';
import { deskRoutes } from './console/desk-routes.ts';
import { signInRoutes } from './console/sign-in-routes.ts';
import { teamRoutes } from './console/team-routes.ts';
import { authenticateRequests } from './auth/authenticate-requests.ts';

/**
 * The HTTP face of FairCollect: the JSON API under /api/v1 (validated by TypeBox schemas, which
 * also generate the OpenAPI document at /api/openapi.json) and the server-rendered pages.
 * Errors become responses in exactly one place, the error handler (handle-error.ts), in one shape,
 * Fastify's own (unknown route, malformed URL, oversized headers) included. Every route's input
 * passes the same two checks before its handler runs: no stored text may hold NUL or a lone
 * surrogate (a hook over every route, so a new route cannot forget it), and dates and instants
 * must exist (the formats of create-validator-compiler.ts).
 */
export type BuildAppOptions = {
  db: Db;
  logLevel?: string;
  /** The compiled policy every check and reservation is decided under; the packs' defaults when absent. */
  gate?: PolicyGate;
  /** How the lender's settings file was named, shown on the console; null when the packs' own apply. */
  settingsSource?: string | null;
  /** Where "now" comes from for reservations, outcomes and payments; the system clock when absent. */
  clock?: Clock;
  /** Where log lines go; standard output when absent. */
  logStream?: { write(line: string): void };
  /**
   * Reverse proxies in front to believe (X-Forwarded-For, X-Forwarded-Proto); none when absent, so
   * a client cannot name its own address or claim TLS.
   */
  trustProxyHops?: number;
};

/** A route as registered, with its request schemas (params, querystring, body) when it has them. */
export type RegisteredRoute = {
  method: string; url: string; schema: RouteSchema; permission: string | undefined;
};
export type RouteSchema = { params?: unknown; querystring?: unknown; body?: unknown };
const ROUTES = new WeakMap<object, RegisteredRoute[]>();

/** Every route the app registered (HEAD routes Fastify adds by itself excluded). */
export function registeredRoutes(app: FastifyInstance): RegisteredRoute[] {
  return ROUTES.get(app) ?? [];
}

const OPENAPI: SwaggerOptions = {
  openapi: {
    openapi: '3.0.3',
    info: {
      title: 'FairCollect API',
      version: '0.1.0',
      description:
        'Portfolio, delinquency and collection data of FairCollect. ' +
        'Amounts are strings of integer minor units (fen, cents) beside an ISO 4217 currency. ' +
        'Errors carry a snake_case reason code.',
      license: { name: 'Apache-2.0' },
    },
    tags: [
      { name: 'portfolio', description: 'Accounts, delinquency, snapshots, products' },
      { name: 'collection', description: 'Cases and the actions the strategy plans' },
      { name: 'payments', description: 'Idempotent payment intake' },
      {
        name: 'gate',
        description: 'The compliance gate: checks, reservations, outcomes, stored decisions',
      },
      {
        name: 'facts',
        description: 'What people said about when and where they may be reached, and who speaks for them',
      },
      { name: 'pages', description: 'Server-rendered pages and their assets' },
      { name: 'meta', description: 'Health and API description' },
    ],
    components: {
      securitySchemes: {
        bearerToken: {
          type: 'http' as const, scheme: 'bearer',
          description: 'An API token of a system (`faircollect token create`), shown once when created',
        },
        sessionCookie: {
          type: 'apiKey' as const, in: 'cookie' as const, name: 'fc_session',
          description: 'A signed-in person\'s session (POST /sign-in); a request that changes state also '
            + 'sends the CSRF token of the page it came from (form field _csrf or header x-csrf-token)',
        },
      },
    },
    security: [{ bearerToken: [] }, { sessionCookie: [] }],
  },
  // Each route's own requirement: public routes need none; the rest name the permission they need.
  transform: ({ schema, url, route }) => {
    const permission = route.config?.permission;
    const own = schema as Record<string, unknown>;
    if (permission === 'public') return { schema: { ...own, security: [] }, url };
    const description = own['description'] === undefined ? '' : `${String(own['description'])} `;
    const requires = `Requires the permission \`${permission ?? 'none'}\`.`;
    return { schema: { ...own, description: `${description}${requires}` }, url };
  },
};

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const clock = options.clock ?? systemClock;
  const stream = options.logStream === undefined ? {} : { stream: options.logStream };
  const app = Fastify({
    logger: options.logLevel === undefined || options.logLevel === 'silent' ? false
      : { level: options.logLevel, ...stream },
    bodyLimit: REQUEST_BODY_BYTES_MAX,
    // The nearest `hops` proxies are believed, the rest of X-Forwarded-For is the client's to say.
    trustProxy: (_address: string, hop: number) => hop < (options.trustProxyHops ?? 0),
    routerOptions: { maxParamLength: URL_PARAM_CHARS_MAX },
    frameworkErrors: handleError,
    clientErrorHandler: answerClientError,
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(createValidatorCompiler());

  const routes: RegisteredRoute[] = [];
  ROUTES.set(app, routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      const permission = (route.config as { permission?: string } | undefined)?.permission;
      routes.push({ method, url: route.url, schema: (route.schema ?? {}) as RouteSchema, permission });
    }
  });

  await app.register(swagger, OPENAPI);
  // Parses the Cookie header of every request: the session, the CSRF secret, the console's language.
  await app.register(cookie);
  await app.register(formbody);
  // Only routes that name a limit are limited (sign-in); the rest are bounded by authentication.
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => new AppError(429, 'too_many_requests',
      `too many requests; retry after ${Math.ceil(context.ttl / 1000)} s`),
  });
  await authenticateRequests(app, options.db, clock);

  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) => (wantsPage(request)
    ? reply.code(404).send(renderErrorPage(request, reply, 404))
    : reply.code(404).send(
      errorBody('unknown_route', null, `no route ${request.method} ${request.url.split('?')[0]}`),
    )));
  app.addHook('preValidation', async (request) => refuseInvalidCharacters(request));

  await app.register(accountsRoutes(options.db));
  await app.register(casesRoutes(options.db));
  await app.register(portfolioRoutes(options.db));
  await app.register(paymentsRoutes(options.db, clock));
  await app.register(contactPointsRoutes(options.db, clock));
  const gate = options.gate ?? defaultPolicyGate();
  await app.register(gateRoutes(options.db, gate, clock));
  await app.register(borrowerFactsRoutes(options.db, clock));
  await app.register(consoleRoutes(options.db, { gate, settingsSource: options.settingsSource ?? null }));
  await app.register(signInRoutes(options.db, clock));
  await app.register(auditRoutes(options.db));
  await app.register(teamRoutes(options.db, clock));
  await app.register(deskRoutes({ db: options.db, gate, clock }));

  metaRoutes(app, options.db);
  return app;
}

/**
 * Refuses a request whose path parameters, query string or body hold a NUL or a lone UTF-16
 * surrogate, naming the field. PostgreSQL cannot store the first and a driver would silently
 * replace the second, so without this such a value failed deep in a query with a 500.
 */
function refuseInvalidCharacters(request: FastifyRequest): void {
  for (const part of [request.params, request.query, request.body]) {
    const found = findInvalidField(part);
    if (found === null) continue;
    const field = found.field === '' ? null : found.field;
    throw new AppError(400, 'invalid_character',
      `${field ?? 'the request'} holds ${describeInvalidCharacter(found.text, found.index)}`, field);
  }
}

/** Health and the API description. */
function metaRoutes(app: FastifyInstance, db: Db): void {
  app.get(
    '/healthz',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['meta'],
        summary: 'Health: the database answers and every table can be read',
        response: { 200: Type.Object({ status: Type.String() }), 503: ErrorResponse },
      },
    },
    async (request, reply) => {
      const check = await checkDatabase(db).catch((error: unknown) => {
        request.log.error({ err: sanitiseError(error) }, 'health check failed');
        return null;
      });
      if (check?.ok === true) return { status: 'ok' };
      return reply.code(503).send(errorBody('database_unavailable', null, check === null
        ? 'the database cannot be read; see the server log'
        : 'the database has no tables; run the migrations'));
    },
  );

  app.get(
    '/api/openapi.json',
    {
      config: { permission: 'public' },
      schema: { tags: ['meta'], summary: 'This OpenAPI 3 document' },
    },
    async () => app.swagger(),
  );
}
