import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/config.ts';
import type { Db } from '../db/database.ts';
import { openDatabase } from '../db/open-database.ts';
import { loadConfiguredPolicy, type LenderPolicy } from '../app/settings/load-lender-policy.ts';
import { buildApp } from '../http/app.ts';
import { createCycleScheduler } from '../jobs/cycle-scheduler.ts';
import type { CycleSchedule } from '../jobs/plan-cycle-run.ts';
import { assert } from '../stdx/assert.ts';
import { systemClock, type Clock } from '../stdx/clock.ts';
import { BUSINESS_TIME_ZONE } from '../app/calendar/business-date.ts';
import { describeListening, type ListeningNotice } from './describe-listening.ts';
import { UsageError } from './usage-error.ts';

/**
 * Starts the HTTP server and closes it and the database cleanly on SIGINT/SIGTERM. Every check and
 * reservation is decided under the lender's settings (FAIRCOLLECT_SETTINGS); a file that cannot be
 * read or would loosen the law stops the server before it opens the database or listens.
 */
export async function serve(
  config: Config, portOption?: string, existing?: Db, onListening?: (origin: string) => void,
): Promise<void> {
  const port = portOption === undefined ? config.port : Number(portOption);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port must be 0..65535, got "${portOption}"`);
  }
  const policy = await loadPolicyOf(config);
  const db = existing ?? await openDatabase(config);
  const logLevel = config.logLevel === 'info' ? 'warn' : config.logLevel;
  const cycleSchedule = config.cycleAt === null ? undefined
    : { at: config.cycleAt, zone: config.cycleZone, businessZone: BUSINESS_TIME_ZONE };
  const { app, notice } = await startServer({
    db, host: config.host, port, logLevel, policy, cycleSchedule, trustProxyHops: config.trustProxyHops,
  });
  process.stdout.write(`${notice.line}\n`);
  onListening?.(notice.origin);
  if (notice.warning !== null) process.stderr.write(`${notice.warning}\n`);
  const stop = async () => {
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

export type StartServerOptions = {
  db: Db;
  host: string;
  /** 0 lets the system pick a free port; the notice gives the one it picked. */
  port: number;
  logLevel?: string;
  /** The clock of reservations and outcomes; the system clock when absent. */
  clock?: Clock;
  /** The lender's settings every decision is made under; the packs' own parameters when absent. */
  policy?: LenderPolicy;
  /**
   * When the server runs the daily cycle by itself, on `clock` (jobs/cycle-scheduler.ts); it stops
   * when the server closes. Absent: the cycle is left to `faircollect cycle` or another server.
   */
  cycleSchedule?: CycleSchedule | undefined;
  /** Reverse proxies to believe for the client's address and TLS (Config.trustProxyHops); none if absent. */
  trustProxyHops?: number;
};

/** The lender's policy named by the configuration (FAIRCOLLECT_SETTINGS), or exit 2 saying why not. */
export async function loadPolicyOf(config: Config): Promise<LenderPolicy> {
  const loaded = await loadConfiguredPolicy(config);
  if (!loaded.ok) throw new UsageError(loaded.message);
  return loaded.policy;
}

/** The app listening on host and port, and the notice that describes the address it really got. */
export async function startServer(
  options: StartServerOptions,
): Promise<{ app: FastifyInstance; notice: ListeningNotice }> {
  const app = await buildApp({
    db: options.db, logLevel: options.logLevel, clock: options.clock,
    gate: options.policy?.gate, settingsSource: options.policy?.source ?? null,
    trustProxyHops: options.trustProxyHops ?? 0,
  });
  const scheduler = options.cycleSchedule === undefined ? null : createCycleScheduler({
    db: options.db, clock: options.clock ?? systemClock, schedule: options.cycleSchedule,
    ...(options.policy === undefined ? {} : { gate: options.policy.gate }),
  });
  // Closing the server stops the scheduler first, before whoever closed it closes the database.
  if (scheduler !== null) app.addHook('onClose', () => scheduler.stop());
  await app.listen({ port: options.port, host: options.host });
  scheduler?.start();
  const bound = app.server.address();
  assert(bound !== null && typeof bound === 'object', 'a listening TCP server has an address');
  return { app, notice: describeListening({ address: bound.address, port: bound.port }) };
}
