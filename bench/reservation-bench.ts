import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../src/db/database.ts';
import { loadPortfolio } from '../src/app/generate/load-portfolio.ts';
import { buildApp } from '../src/http/app.ts';
import { addUser } from '../src/app/identity/add-user.ts';
import { createToken } from '../src/app/identity/create-token.ts';
import { fixedClock } from '../src/stdx/clock.ts';

/**
 * Reservations over HTTP beside a trivial endpoint (/healthz: one statement reading a row of each
 * table), same server, same run: throughput and p50/p99 latency, with the load generated in a child
 * process. Authentication is on: a dialler's bearer token places each call for a named agent, and
 * every reservation is appended to the audit trail; the trivial endpoint is measured without and
 * with a token, so the table shows what authenticating a request costs. The server's
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
  const now = new Date('2026-03-10T02:00:00Z');
  const token = await benchDialler(options.db, now);
  const app = await buildApp({ db: options.db, clock: fixedClock(now) });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const rows: string[][] = [];
  try {
    // The trivial endpoint twice, without and with a bearer token (a public route still
    // authenticates a token it is sent): the difference is what authentication costs a request.
    const targets: [string, string, string, string[]][] = [
      ['GET /healthz (trivial, no token)', '/healthz', 'GET', ['-']],
      ['GET /healthz (trivial, with a token)', '/healthz', 'GET', [token]],
      ['POST /api/v1/contact-reservations (token)', '/api/v1/contact-reservations', 'POST', [token, accountsFile]],
      ['POST /api/v1/contact-checks (token)', '/api/v1/contact-checks', 'POST', [token, accountsFile]],
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

/** A dialler's token and the ten agents it places calls for, made the way an operator makes them. */
async function benchDialler(db: Db, now: Date): Promise<string> {
  const audit = { actorKind: 'system', actor: 'bench', sourceIp: null, requestId: null } as const;
  for (let agent = 0; agent < 10; agent += 1) {
    const added = await addUser({
      db, username: `bench-${agent}`, displayName: `Bench agent ${agent}`, role: 'collector', teamId: null,
      agencyId: null, password: 'bench-password-1', audit, now,
    });
    if (!added.ok) throw new Error(`bench agent: ${added.reason}`);
  }
  const created = await createToken({
    db, name: 'bench-dialler', role: 'dialler', teamId: null, agencyId: null, expiresAt: null, createdBy: 'bench',
    now, audit,
  });
  if (!created.ok) throw new Error(`bench token: ${created.reason}`);
  return created.token;
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
