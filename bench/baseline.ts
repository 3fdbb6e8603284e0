import { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { Db } from '../src/db/database.ts';

/**
 * The floor the cycle is compared with, on the same data in the same run: read every account and
 * installment row out of the database, do the least useful work per account (sum what is past due)
 * and write one row per account back. A cycle cannot do less I/O than this and still look at the
 * whole portfolio, so cycle ÷ baseline measures the cost of the cycle's logic.
 */
const PAGE_ACCOUNTS = 50_000;
const WRITE_BATCH_ROWS = 20_000;

export async function runBaseline(db: Db, asOf: string, postgresUrl: string | null): Promise<{ accounts: number; rows: number }> {
  await db.exec('DROP TABLE IF EXISTS bench_baseline; CREATE UNLOGGED TABLE bench_baseline (account_id bigint, overdue bigint)');
  const result = postgresUrl === null ? await baselinePglite(db, asOf) : await baselinePostgres(db, asOf, postgresUrl);
  await db.exec('DROP TABLE bench_baseline');
  return result;
}

async function baselinePglite(db: Db, asOf: string): Promise<{ accounts: number; rows: number }> {
  const [max] = await db.query<{ max: bigint | null }>('SELECT max(id) AS max FROM account');
  const last = max?.max ?? 0n;
  let after = 0n;
  let accounts = 0;
  let rows = 0;
  while (after < last) {
    const page = await db.query<{ id: bigint; due_date: string | null; remaining_minor: bigint | null }>(`SELECT a.id,
        i.due_date, i.remaining_minor FROM account a LEFT JOIN installment i ON i.account_id = a.id
      WHERE a.id > $1 AND a.id <= $1 + $2 ORDER BY a.id`, [after, PAGE_ACCOUNTS]);
    const sums = new Map<bigint, bigint>();
    for (const row of page) {
      rows += 1;
      const due = row.due_date !== null && row.due_date < asOf ? row.remaining_minor ?? 0n : 0n;
      sums.set(row.id, (sums.get(row.id) ?? 0n) + due);
    }
    accounts += sums.size;
    const out = [...sums].map(([id, sum]) => [String(id), String(sum)]);
    for (let index = 0; index < out.length; index += WRITE_BATCH_ROWS) {
      await db.copyRows('bench_baseline', ['account_id', 'overdue'], out.slice(index, index + WRITE_BATCH_ROWS));
    }
    after += BigInt(PAGE_ACCOUNTS);
  }
  return { accounts, rows };
}

async function baselinePostgres(db: Db, asOf: string, url: string): Promise<{ accounts: number; rows: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let accounts = 0;
  let rows = 0;
  try {
    const stream = client.query(copyTo(`COPY (SELECT a.id, i.due_date, i.remaining_minor FROM account a
      LEFT JOIN installment i ON i.account_id = a.id ORDER BY a.id) TO STDOUT`));
    let current: string | null = null;
    let sum = 0n;
    let out: string[][] = [];
    const flush = async () => {
      await db.copyRows('bench_baseline', ['account_id', 'overdue'], out);
      out = [];
    };
    for await (const line of createInterface({ input: Readable.from(stream) })) {
      rows += 1;
      const [id, due, remaining] = line.split('\t');
      if (id !== current) {
        if (current !== null) out.push([current, String(sum)]);
        if (out.length >= WRITE_BATCH_ROWS) await flush();
        current = id!;
        sum = 0n;
        accounts += 1;
      }
      if (due !== '\\N' && due! < asOf) sum += BigInt(remaining!);
    }
    if (current !== null) out.push([current, String(sum)]);
    await flush();
  } finally {
    await client.end();
  }
  return { accounts, rows };
}
