import { PGlite, types, type Transaction } from '@electric-sql/pglite';
import { copyStatement, copyText, type Db, type Row } from './database.ts';

/** Parsers that make PGlite return what node-postgres returns (see database.ts). */
const PARSERS = {
  [types.INT8]: (value: string) => BigInt(value),
  [types.DATE]: (value: string) => value,
  [types.NUMERIC]: (value: string) => value,
};

export type PgliteOptions = { dataDir?: string; loadDataDir?: Blob };

export async function openPglite(options: PgliteOptions = {}): Promise<{ db: Db; pglite: PGlite }> {
  const pglite = await PGlite.create({
    ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
    ...(options.loadDataDir === undefined ? {} : { loadDataDir: options.loadDataDir }),
    parsers: PARSERS,
  });
  return { db: wrap(pglite, false), pglite };
}

type Session = PGlite | Transaction;

function wrap(session: Session, inTransaction: boolean): Db {
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
    async close() {
      if (!inTransaction) await (session as PGlite).close();
    },
  };
  return db;
}

/** PGlite serialises parameters by their inferred type; bigints go as text to keep precision. */
function toParam(value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}
