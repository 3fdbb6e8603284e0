import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../src/db/database.ts';
import { loadPortfolio } from '../src/app/generate/load-portfolio.ts';
import { buildApp } from '../src/http/app.ts';
import { fixedClock } from '../src/stdx/clock.ts';

/**
 * Reservations over HTTP beside a trivial endpoint (/healthz: one statement reading a row of each table), same server, same
 * run: throughput and p50/p99 latency, with the load generated in a child process. The server's
 * clock is fixed at 10:00 in Shanghai so Chinese borrowers are inside their window (the US ones are
 * asleep and get refusals, which are stored decisions too); the requests walk the portfolio so
 * each borrower meets the daily cap after a few calls, as on a busy desk.
 */
export type ReservationBenchOptions = { db: Db; borrowers: number; seconds: number; connections: number };

const LOAD = fileURLToPath(new URL('./reservation-load.ts', import.meta.url));

export async function runReservationBench(options: ReservationBenchOptions): Promise<string[][]> {
  const loaded = await loadPortfolio(options.db, {
    borrowers: options.borrowers,
    seed: 5,
    asOf: '2026-03-10',
    historyDays: 120,
  });
  if (!loaded.ok) throw new Error('reservation bench database not empty');
  // Each line names the account and the borrower's first valid mobile: a call records its number,
  // and a borrower with a mobile and a landline must say which one is dialled.
  const accounts = (await options.db.query<{ line: string }>(
    `SELECT a.external_id || E'\t' || coalesce((SELECT p.external_id FROM contact_point p
       WHERE p.party_id = a.borrower_id AND p.kind = 'mobile' AND p.status = 'valid'
       ORDER BY p.id LIMIT 1), '') AS line
     FROM account a`,
  )).map((row) => row.line);
  const directory = await mkdtemp(join(tmpdir(), 'faircollect-bench-gate-'));
  const accountsFile = join(directory, 'accounts.txt');
  await writeFile(accountsFile, `${accounts.join('\n')}\n`);
  const app = await buildApp({ db: options.db, clock: fixedClock(new Date('2026-03-10T02:00:00Z')) });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const rows: string[][] = [];
  try {
    const targets: [string, string, string, string[]][] = [
      ['GET /healthz (trivial)', '/healthz', 'GET', []],
      ['POST /api/v1/contact-reservations', '/api/v1/contact-reservations', 'POST', [accountsFile]],
      ['POST /api/v1/contact-checks', '/api/v1/contact-checks', 'POST', [accountsFile]],
    ];
    for (const [label, path, method, extra] of targets) {
      const result = await runLoad([
        url,
        path,
        method,
        String(options.seconds),
        String(options.connections),
        ...extra,
      ]);
      const codes = Object.entries(result.statusCodes)
        .map(([code, { count }]) => `${code}:${count}`)
        .join(' ');
      rows.push([
        label,
        String(result.requests),
        result.perSecond.toFixed(0),
        `${result.p50} ms`,
        `${result.p99} ms`,
        codes,
        String(result.errors),
      ]);
    }
  } finally {
    await app.close();
    await rm(directory, { recursive: true, force: true });
  }
  return rows;
}

type LoadResult = {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  statusCodes: Record<string, { count: number }>;
};

function runLoad(args: string[]): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [LOAD, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`load generator exited with ${code}`));
      else resolve(JSON.parse(output.trim().split('\n').at(-1)!) as LoadResult);
    });
  });
}
