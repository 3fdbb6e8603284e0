import type { Config } from '../config/config.ts';
import type { Db } from '../db/database.ts';
import { openDatabase } from '../db/open-database.ts';
import { buildApp } from '../http/app.ts';
import { UsageError } from './usage-error.ts';

/** Starts the HTTP server and closes it and the database cleanly on SIGINT/SIGTERM. */
export async function serve(config: Config, portOption?: string, existing?: Db): Promise<void> {
  const port = portOption === undefined ? config.port : Number(portOption);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port must be 0..65535, got "${portOption}"`);
  }
  const db = existing ?? await openDatabase(config);
  const app = await buildApp({ db, logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel });
  const address = await app.listen({ port, host: config.host });
  process.stdout.write(`FairCollect is serving ${address.replace('127.0.0.1', 'localhost')}/console `
    + `(API ${address}/api/v1, OpenAPI ${address}/api/openapi.json)\n`);
  const stop = async () => {
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}
