import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { REQUEST_BODY_BYTES_MAX } from '../config/limits.ts';
import type { Db } from '../db/database.ts';
import { defaultPolicyGate, type PolicyGate } from '../app/gate/policy-gate.ts';
import { systemClock, type Clock } from '../stdx/clock.ts';
import { handleError } from './handle-error.ts';
import { accountsRoutes } from './api/accounts-routes.ts';
import { casesRoutes } from './api/cases-routes.ts';
import { gateRoutes } from './api/gate-routes.ts';
import { paymentsRoutes } from './api/payments-routes.ts';
import { portfolioRoutes } from './api/portfolio-routes.ts';
import { consoleRoutes } from './console/console-routes.ts';

/**
 * The HTTP face of FairCollect: the JSON API under /api/v1 (validated by TypeBox schemas, which
 * also generate the OpenAPI document at /api/openapi.json) and the server-rendered pages.
 * Errors become responses in exactly one place, the error handler (handle-error.ts).
 */
export type BuildAppOptions = {
  db: Db;
  logLevel?: string;
  /** The compiled policy every check and reservation is decided under; the packs' defaults when absent. */
  gate?: PolicyGate;
  /** Where "now" comes from for reservations and outcomes; the system clock when absent. */
  clock?: Clock;
};

export type RegisteredRoute = { method: string; url: string };
const ROUTES = new WeakMap<object, RegisteredRoute[]>();

/** Every route the app registered (HEAD routes Fastify adds by itself excluded). */
export function registeredRoutes(app: FastifyInstance): RegisteredRoute[] {
  return ROUTES.get(app) ?? [];
}

const OPENAPI = {
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
      { name: 'pages', description: 'Server-rendered pages and their assets' },
      { name: 'meta', description: 'Health and API description' },
    ],
  },
};

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      options.logLevel === undefined || options.logLevel === 'silent' ? false : { level: options.logLevel },
    bodyLimit: REQUEST_BODY_BYTES_MAX,
    ajv: { customOptions: { allErrors: false, coerceTypes: 'array', removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const routes: RegisteredRoute[] = [];
  ROUTES.set(app, routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routes.push({ method, url: route.url });
    }
  });

  await app.register(swagger, OPENAPI);

  app.setErrorHandler(handleError);

  await app.register(accountsRoutes(options.db));
  await app.register(casesRoutes(options.db));
  await app.register(portfolioRoutes(options.db));
  await app.register(paymentsRoutes(options.db));
  await app.register(
    gateRoutes(options.db, options.gate ?? defaultPolicyGate(), options.clock ?? systemClock),
  );
  await app.register(consoleRoutes(options.db));

  metaRoutes(app, options.db);
  return app;
}

/** Liveness and the API description. */
function metaRoutes(app: FastifyInstance, db: Db): void {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['meta'],
        summary: 'Liveness and database check',
        response: { 200: Type.Object({ status: Type.String() }) },
      },
    },
    async () => {
      await db.query('SELECT 1');
      return { status: 'ok' };
    },
  );

  app.get(
    '/api/openapi.json',
    {
      schema: { tags: ['meta'], summary: 'This OpenAPI 3 document' },
    },
    async () => app.swagger(),
  );
}
