import { PGlite, types, type Transaction } from '@electric-sql/pglite';
import { copyStatement, copyText, type Db, type Row } from './database.ts';
import { DatabaseOpenError } from './database-open-error.ts';
import type { DataDirLock } from './lock-data-dir.ts';
import { prepareDataDir } from './prepare-data-dir.ts';

/** Parsers that make PGlite return what node-postgres returns (see database.ts). */
const PARSERS = {
  [types.INT8]: (value: string) => BigInt(value),
  [types.DATE]: (value: string) => value,
  [types.NUMERIC]: (value: string) => value,
};

export type PgliteOptions = { dataDir?: string; loadDataDir?: Blob };

/**
 * Opens PGlite in memory, or on the folder `dataDir`, which is created if missing and locked for
 * this process until `db.close()` or the process's exit (see lock-data-dir.ts).
 */
export async function openPglite(options: PgliteOptions = {}): Promise<{ db: Db; pglite: PGlite }> {
  const lock = options.dataDir === undefined ? null : await prepareDataDir(options.dataDir);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
      ...(options.loadDataDir === undefined ? {} : { loadDataDir: options.loadDataDir }),
      parsers: PARSERS,
    });
  } catch (error) {
    lock?.release();
    if (options.dataDir === undefined) throw error;
    throw new DatabaseOpenError(`the embedded database in ${options.dataDir} cannot be started: its files `
      + 'are damaged, from another version, or not readable and writable by this user '
      + `(${error instanceof Error ? error.message : String(error)}); restore the folder from a backup, `
      + 'or set FAIRCOLLECT_DATA_DIR to an empty or new folder', { cause: error });
  }
  return { db: wrap(pglite, false, lock), pglite };
}

type Session = PGlite | Transaction;

function wrap(session: Session, inTransaction: boolean, lock: DataDirLock | null = null): Db {
  // An embedded database belongs to one process (lock-data-dir.ts), so the advisory locks its
  // callers compete for are this process's own. PostgreSQL's advisory locks would not do: PGlite has
  // one session, and a session may take the same advisory lock again.
  const held = new Set<number>();
  const db: Db = {
    kind: 'pglite',
    async query<T extends Row>(text: string, params: readonly unknown[] = []) {
      const result = await session.query<T>(text, params.map(toParam));
      return result.rows;
    },
    async exec(text) {
      await session.exec(text);
    },
    async transaction(fn) {
      if (inTransaction) return fn(db);
      const pglite = session as PGlite;
      return pglite.transaction((tx) => fn(wrap(tx, true)));
    },
    async copyRows(table, columns, rows) {
      if (rows.length === 0) return;
      const blob = new Blob([copyText(rows)]);
      await session.query(copyStatement(table, columns, "'/dev/blob'"), [], { blob });
    },
    async tryAdvisoryLock(key, fn) {
      if (inTransaction) throw new Error('tryAdvisoryLock() inside a transaction');
      if (held.has(key)) return { acquired: false };
      held.add(key);
      try {
        return { acquired: true, value: await fn() };
      } finally {
        held.delete(key);
      }
    },
    async close() {
      if (inTransaction) return;
      try {
        await (session as PGlite).close();
      } finally {
        lock?.release();
      }
    },
  };
  return db;
}

/** PGlite serialises parameters by their inferred type; bigints go as text to keep precision. */
function toParam(value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}
