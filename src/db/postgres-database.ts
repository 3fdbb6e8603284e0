import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { copyStatement, copyText, type AdvisoryLockResult, type Db, type Row } from './database.ts';
import { DatabaseOpenError } from './database-open-error.ts';
import { maskDatabaseUrl, passwordsOf } from './mask-database-url.ts';
import { POSTGRES_POOL_CONNECTIONS_MAX } from '../config/limits.ts';

// The same shapes as the PGlite driver: int8 → bigint, date → "YYYY-MM-DD", numeric → string.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => BigInt(value));
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value: string) => value);

/** How long the first connection may take before the server counts as unreachable. */
export const POSTGRES_CONNECT_TIMEOUT_MS = 10_000;

export async function openPostgres(url: string): Promise<{ db: Db; pool: pg.Pool }> {
  await checkReachable(url);
  const pool = new pg.Pool({ connectionString: url, max: POSTGRES_POOL_CONNECTIONS_MAX });
  // An idle connection the server closes (a restart, an administrator's termination, a database
  // dropped as the pool shuts down) is discarded by the pool and replaced on the next query. Without
  // a listener, node-postgres turns that into an uncaught exception that stops the whole process.
  pool.on('error', (error) => {
    process.stderr.write(`database: an idle connection was closed by the server (${error.message})\n`);
  });
  return { db: wrapPool(pool), pool };
}

/**
 * Fails at startup, with the server's own message, rather than at the first request. A single
 * client with a time limit: the pool's own limit would also bound the wait for a free connection
 * under load, and a host that drops packets would otherwise hang the start for minutes.
 */
async function checkReachable(url: string): Promise<void> {
  let client: pg.Client | null = null;
  try {
    client = new pg.Client({ connectionString: url, connectionTimeoutMillis: POSTGRES_CONNECT_TIMEOUT_MS });
    // A connection lost after the check (the server restarting) is not this check's concern.
    client.on('error', () => undefined);
    await client.connect();
  } catch (error) {
    await client?.end().catch(() => {
      // The connect error is the one to report; a failure to close the half-open client after it
      // would only hide it.
    });
    let reason = describeConnectError(error);
    for (const password of passwordsOf(url)) reason = reason.replaceAll(password, '***');
    throw new DatabaseOpenError(`cannot connect to PostgreSQL at ${maskDatabaseUrl(url)} (${reason}): `
      + 'check that the server is running and reachable, and that DATABASE_URL names the right host, '
      + 'port, database, user and password', { cause: error });
  }
  await client.end();
}

/** Node reports a refused connection to a name with several addresses with an empty message. */
function describeConnectError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = 'code' in error && typeof error.code === 'string' ? error.code : '';
  if (error.message !== '') return error.message;
  if (error instanceof AggregateError && error.errors[0] instanceof Error) {
    return describeConnectError(error.errors[0]);
  }
  return code === '' ? error.name : code;
}

type Queryable = pg.Pool | pg.PoolClient;

function wrapPool(pool: pg.Pool): Db {
  return {
    kind: 'postgres',
    query: (text, params) => run(pool, text, params),
    async exec(text) {
      await pool.query(text);
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrapClient(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {
          // The transaction's own error is the one to report. A ROLLBACK fails only on a lost
          // connection, which commits nothing and which the pool discards on release.
        });
        throw error;
      } finally {
        client.release();
      }
    },
    async copyRows(table, columns, rows) {
      const client = await pool.connect();
      try {
        await copy(client, table, columns, rows);
      } finally {
        client.release();
      }
    },
    tryAdvisoryLock: (key, fn) => withSessionLock(pool, key, fn),
    async close() {
      await pool.end();
    },
  };
}

function wrapClient(client: pg.PoolClient): Db {
  // A transaction's statements may be issued without waiting for the previous one (the cycle
  // pipelines its reads and writes); they still run one at a time, in the order issued. The driver
  // would queue them itself, but that is deprecated, so they are chained here.
  let tail: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const result = tail.then(work, work);
    tail = result.catch(() => {
      // The caller of `work` receives its error through `result`; the chain only orders the next
      // statement after this one, failed or not.
    });
    return result;
  };
  const db: Db = {
    kind: 'postgres',
    query: (text, params) => inTurn(() => run(client, text, params)),
    exec: (text) => inTurn(async () => {
      await client.query(text);
    }),
    transaction: (fn) => fn(db),
    copyRows: (table, columns, rows) => inTurn(() => copy(client, table, columns, rows)),
    async tryAdvisoryLock() {
      throw new Error('tryAdvisoryLock() inside a transaction');
    },
    async close() {
      throw new Error('close() inside a transaction');
    },
  };
  return db;
}

/**
 * A session advisory lock on a connection of its own, held while `fn` runs on the pool's others. The
 * server releases it when that connection ends, so a process killed mid-run holds nothing. A lock
 * connection the server closes while held is reported; `fn` goes on, and the work it guards must
 * tolerate a second runner then (the cycle does: each step commits with its unique cycle_step row).
 */
async function withSessionLock<T>(
  pool: pg.Pool, key: number, fn: () => Promise<T>,
): Promise<AdvisoryLockResult<T>> {
  const client = await pool.connect();
  let lost: Error | undefined;
  const onLost = (error: Error) => {
    lost = error;
    process.stderr.write(
      `database: the connection holding advisory lock ${key} was closed (${error.message})\n`);
  };
  client.on('error', onLost);
  try {
    const [row] = (await client.query<{ acquired: boolean }>('SELECT pg_try_advisory_lock($1) AS acquired',
      [key])).rows;
    if (row?.acquired !== true) return { acquired: false };
    try {
      return { acquired: true, value: await fn() };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [key]).catch((error: Error) => {
        // Released below with the error, which ends the connection and with it the lock.
        lost ??= error;
      });
    }
  } finally {
    client.removeListener('error', onLost);
    client.release(lost);
  }
}

async function run<T extends Row>(
  target: Queryable, text: string, params: readonly unknown[] = [],
): Promise<T[]> {
  try {
    const result = await target.query<T>(text, params as unknown[]);
    return result.rows;
  } catch (error) {
    // The SQL text goes with the error, as PGlite's errors carry it, so a logged failure says which
    // statement failed on both engines; the parameters never do (they may be personal data).
    if (error instanceof Error && !('query' in error)) Object.assign(error, { query: text });
    throw error;
  }
}

async function copy(
  client: pg.PoolClient,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly (string | null)[])[],
): Promise<void> {
  if (rows.length === 0) return;
  const stream = client.query(copyFrom(copyStatement(table, columns, 'STDIN')));
  await pipeline(Readable.from([copyText(rows)]), stream);
}
