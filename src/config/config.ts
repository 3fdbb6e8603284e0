import { resolve } from 'node:path';

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
}>;

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
    }),
  };
}
