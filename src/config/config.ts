import { resolve } from 'node:path';
import { Temporal } from 'temporal-polyfill';

/**
 * The environment, parsed once into a frozen, typed object. Call sites receive a Config; nothing
 * else reads process.env.
 */
export type Config = Readonly<{
  /** PostgreSQL server URL; when absent the embedded PGlite database is used. */
  databaseUrl: string | null;
  /** Directory of the embedded database. */
  dataDir: string;
  port: number;
  host: string;
  /** Seed of the demo portfolio. */
  demoSeed: number;
  logLevel: string;
  /**
   * The lender's settings file (YAML or JSON) from FAIRCOLLECT_SETTINGS, or null: the packs' own
   * parameters then apply. Every command that decides reads it, so they all decide alike.
   */
  settingsPath: string | null;
  /**
   * The local time the serving process runs the daily cycle each day (FAIRCOLLECT_CYCLE_AT), or null
   * when it runs it never ("off": the cycle is run by hand or by another scheduler).
   */
  cycleAt: CycleTime | null;
  /** The IANA zone whose clock `cycleAt` is read on (FAIRCOLLECT_CYCLE_ZONE). */
  cycleZone: string;
  /**
   * How many reverse proxies in front of the server to believe (TRUST_PROXY_HOPS, 0 by default):
   * their X-Forwarded-For gives the client's address (the audit trail, sign-in lockout) and their
   * X-Forwarded-Proto says whether the browser came over TLS (the session cookie is then Secure).
   */
  trustProxyHops: number;
}>;

/** A wall-clock time of day, 00:00 to 23:59. */
export type CycleTime = Readonly<{ hour: number; minute: number }>;

export type ConfigResult = { ok: true; config: Config } | { ok: false; reason: string };

export function readConfig(env: NodeJS.ProcessEnv = process.env): ConfigResult {
  const port = Number(env.PORT ?? '3000');
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    return { ok: false, reason: `PORT must be an integer from 0 to 65535, got "${env.PORT}"` };
  }
  const demoSeed = Number(env.FAIRCOLLECT_DEMO_SEED ?? '20261123');
  if (!Number.isInteger(demoSeed)) {
    return {
      ok: false, reason: `FAIRCOLLECT_DEMO_SEED must be an integer, got "${env.FAIRCOLLECT_DEMO_SEED}"`,
    };
  }
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    return { ok: false, reason: 'DATABASE_URL must start with postgres:// or postgresql://' };
  }
  const cycleAt = parseCycleAt(env.FAIRCOLLECT_CYCLE_AT || '02:30');
  if (cycleAt === undefined) {
    return { ok: false, reason: 'FAIRCOLLECT_CYCLE_AT must be a time of day HH:MM (00:00 to 23:59) or '
      + `"off", got "${env.FAIRCOLLECT_CYCLE_AT}"` };
  }
  const cycleZone = env.FAIRCOLLECT_CYCLE_ZONE || 'Asia/Shanghai';
  if (!isTimeZone(cycleZone)) {
    return { ok: false, reason: 'FAIRCOLLECT_CYCLE_ZONE must be an IANA time zone such as Asia/Shanghai or '
      + `America/New_York, got "${cycleZone}"` };
  }
  const trustProxyHops = Number(env.TRUST_PROXY_HOPS || '0');
  if (!Number.isInteger(trustProxyHops) || trustProxyHops < 0 || trustProxyHops > 10) {
    return {
      ok: false,
      reason: `TRUST_PROXY_HOPS must be a whole number from 0 to 10, got "${env.TRUST_PROXY_HOPS}"`,
    };
  }
  return {
    ok: true,
    config: Object.freeze({
      databaseUrl,
      // Empty counts as unset, as for DATABASE_URL: resolve('') is the working directory itself.
      dataDir: resolve(env.FAIRCOLLECT_DATA_DIR || 'data'),
      port,
      host: env.HOST ?? '127.0.0.1',
      demoSeed,
      logLevel: env.LOG_LEVEL ?? 'info',
      settingsPath: env.FAIRCOLLECT_SETTINGS ? resolve(env.FAIRCOLLECT_SETTINGS) : null,
      cycleAt,
      cycleZone,
      trustProxyHops,
    }),
  };
}

/** "HH:MM" as a time, "off" as null, anything else as undefined. */
function parseCycleAt(text: string): CycleTime | null | undefined {
  if (text.trim().toLowerCase() === 'off') return null;
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  if (match === null) return undefined;
  return Object.freeze({ hour: Number(match[1]), minute: Number(match[2]) });
}

/** A zone name the time-zone database knows; a bare offset ("+08:00") has no daylight saving to follow. */
function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z]/.test(zone)) return false;
  try {
    Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(zone);
    return true;
  } catch {
    return false;
  }
}
