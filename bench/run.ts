import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { Db } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { openPglite } from '../src/db/pglite-database.ts';
import { openPostgres } from '../src/db/postgres-database.ts';
import { loadPortfolio } from '../src/app/generate/load-portfolio.ts';
import { writePortfolioFiles } from '../src/app/generate/write-portfolio-files.ts';
import { runCycle } from '../src/app/cycle/run-cycle.ts';
import { addDays } from '../src/stdx/civil-date.ts';
import { runBaseline } from './baseline.ts';

/**
 * `npm run bench`: in one run, side by side on the same data,
 * - the daily cycle on ~100k accounts on PGlite and ~1M accounts on PostgreSQL, beside a baseline
 *   that only streams every account and installment out and writes one row per account back;
 * - import throughput (rows/s) and peak memory on both engines;
 * - contact reservations over HTTP beside a trivial endpoint (throughput, p50/p99 latency);
 * - the policy evaluator as the gate runs it (full packs, explained and hashed Decisions), beside
 *   json-rules-engine and zen-engine on a simpler 10-rule table, when that bench is present.
 * Options: --pglite-accounts N, --postgres-accounts N, --import-borrowers N, --skip-postgres,
 * --gate-borrowers N, --gate-seconds S, --gate-connections C, --situations N (the table engines),
 * --real-path-situations N (the full packs; by default the smaller of --situations and 200,000).
 * PostgreSQL comes from BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres);
 * a scratch database is created and dropped.
 */
const ACCOUNTS_PER_BORROWER = 1.125;
const AS_OF = '2026-11-23';
const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
};
const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const rows: string[][] = [];
const seconds = (started: number) => (performance.now() - started) / 1000;
const log = (text: string) => process.stderr.write(`${text}\n`);

async function benchCycle(label: string, db: Db, accounts: number, serverUrl: string | null): Promise<void> {
  const borrowers = Math.round(accounts / ACCOUNTS_PER_BORROWER);
  let started = performance.now();
  log(`${label}: loading ${borrowers} borrowers`);
  const loaded = await loadPortfolio(db, { borrowers, seed: 1, asOf: AS_OF, historyDays: 365 });
  if (!loaded.ok) throw new Error('bench database not empty');
  const loadSeconds = seconds(started);
  log(`${label}: ${loaded.report.accounts} accounts, ${loaded.report.installments} installments in ${loadSeconds.toFixed(1)} s`);
  started = performance.now();
  const backlog = await runCycle({ db, asOf: addDays(AS_OF, -1) });
  const backlogSeconds = seconds(started);
  if (!backlog.ok) throw new Error('backlog cycle refused');
  if (serverUrl !== null) await db.exec('VACUUM ANALYZE');
  // The gate's share (plan_actions decides each action as it plans it; decide_actions picks up any
  // left undecided) is timed apart from the set-based ledger steps, so both ratios to the baseline
  // can be read.
  const GATE_STEPS = new Set(['plan_actions', 'decide_actions']);
  const gateSeconds: number[] = [];
  const day = async (asOf: string) => {
    const at = performance.now();
    let gate = 0;
    let gateStarted = 0;
    const result = await runCycle({ db, asOf, onStep: (step, phase) => {
      if (!GATE_STEPS.has(step)) return;
      if (phase === 'start') gateStarted = performance.now();
      if (phase === 'done') gate += seconds(gateStarted);
    } });
    if (!result.ok) throw new Error('cycle refused');
    gateSeconds.push(gate);
    return seconds(at);
  };
  const cycleSeconds = [await day(AS_OF), await day(addDays(AS_OF, 1))];
  const baselineSeconds: number[] = [];
  let baselineRows = 0;
  for (let run = 0; run < 2; run += 1) {
    const at = performance.now();
    baselineRows = (await runBaseline(db, AS_OF, serverUrl)).rows;
    baselineSeconds.push(seconds(at));
  }
  const best = cycleSeconds.indexOf(Math.min(...cycleSeconds));
  const cycle = cycleSeconds[best]!;
  const gate = gateSeconds[best] ?? 0;
  const baseline = Math.min(...baselineSeconds);
  rows.push([label, String(loaded.report.accounts), `${backlogSeconds.toFixed(2)} s`, `${cycle.toFixed(2)} s`,
    `${gate.toFixed(2)} s`, `${baseline.toFixed(2)} s (${baselineRows} rows)`, `${(cycle / baseline).toFixed(2)}×`,
    `${((cycle - gate) / baseline).toFixed(2)}×`]);
}

async function benchImport(borrowers: number, skipPostgres: boolean): Promise<string[][]> {
  const directory = await mkdtemp(join(tmpdir(), 'faircollect-bench-files-'));
  await writePortfolioFiles(directory, { borrowers, seed: 3, asOf: AS_OF, historyDays: 365 });
  const order = ['products', 'parties', 'contact_points', 'accounts', 'installments', 'payments'];
  const files = order.map((kind) => join(directory, `${kind}.csv`));
  const child = fileURLToPath(new URL('./import-child.ts', import.meta.url));
  const results: string[][] = [];
  const targets: [string, Record<string, string>][] = [['PGlite', { FAIRCOLLECT_DATA_DIR: join(directory, 'pglite'), DATABASE_URL: '' }]];
  if (!skipPostgres) targets.push(['PostgreSQL', { DATABASE_URL: await scratchDatabase('faircollect_bench_import') }]);
  for (const [label, env] of targets) {
    log(`import: ${label}`);
    const run = spawnSync(process.execPath, [child, ...files], { env: { ...process.env, ...env }, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(run.stderr);
    const report = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { rows: number; seconds: number; maxRssMb: number };
    results.push([label, String(report.rows), `${report.seconds.toFixed(1)} s`, `${Math.round(report.rows / report.seconds)}`,
      `${Math.round(report.maxRssMb)} MB`]);
  }
  await rm(directory, { recursive: true, force: true });
  if (!skipPostgres) await dropDatabase('faircollect_bench_import');
  return results;
}

async function scratchDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: SERVER });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  return url.toString();
}

async function dropDatabase(name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: SERVER });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}

function table(title: string, header: string[], body: string[][]): void {
  const widths = header.map((cell, index) => Math.max(cell.length, ...body.map((row) => (row[index] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((cell, index) => cell.padEnd(widths[index]!)).join(' | ')} |`;
  process.stdout.write(`\n${title}\n${line(header)}\n|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|\n`);
  for (const row of body) process.stdout.write(`${line(row)}\n`);
}

const skipPostgres = process.argv.includes('--skip-postgres');
const pgliteDirectory = await mkdtemp(join(tmpdir(), 'faircollect-bench-'));
const { db: pgliteDb } = await openPglite({ dataDir: pgliteDirectory });
await migrate(pgliteDb);
await benchCycle('PGlite', pgliteDb, argument('pglite-accounts', 100_000), null);
await pgliteDb.close();
await rm(pgliteDirectory, { recursive: true, force: true });
if (!skipPostgres) {
  const url = await scratchDatabase('faircollect_bench');
  const { db } = await openPostgres(url);
  await migrate(db);
  await benchCycle('PostgreSQL', db, argument('postgres-accounts', 1_000_000), url);
  await db.close();
  await dropDatabase('faircollect_bench');
}
const imports = await benchImport(argument('import-borrowers', 50_000), skipPostgres);
table('Daily cycle vs baseline (same data, same run; best of 2)', ['engine', 'accounts', 'first cycle (backlog)',
  'daily cycle', 'of which planning and deciding actions', 'baseline: stream all rows out, one row per account in',
  'cycle ÷ baseline', 'ledger steps ÷ baseline'], rows);
table('Import (all six files of a generated portfolio, child process)', ['engine', 'rows', 'time', 'rows/s', 'peak RSS'], imports);
{
  const { runReservationBench } = await import('./reservation-bench.ts');
  const gateOptions = { borrowers: argument('gate-borrowers', 5_000), seconds: argument('gate-seconds', 10),
    connections: argument('gate-connections', 10) };
  let gateRows: string[][];
  if (skipPostgres) {
    const directory = await mkdtemp(join(tmpdir(), 'faircollect-bench-gate-db-'));
    const { db } = await openPglite({ dataDir: directory });
    await migrate(db);
    gateRows = await runReservationBench({ db, ...gateOptions });
    await db.close();
    await rm(directory, { recursive: true, force: true });
  } else {
    const { db } = await openPostgres(await scratchDatabase('faircollect_bench_gate'));
    await migrate(db);
    gateRows = await runReservationBench({ db, ...gateOptions });
    await db.close();
    await dropDatabase('faircollect_bench_gate');
  }
  table(`Gate over HTTP (${skipPostgres ? 'PGlite' : 'PostgreSQL'}, ${gateOptions.connections} connections, `
    + `${gateOptions.seconds} s each, same server)`,
  ['endpoint', 'requests', 'req/s', 'p50', 'p99', 'status codes', 'errors'], gateRows);
}
const benchFiles = await readdir(new URL('.', import.meta.url));
if (benchFiles.includes('evaluator-bench.ts')) {
  const { runEvaluatorBench, formatEvaluatorRows, REAL_PATH_SITUATIONS_DEFAULT } = await import(
    new URL('./evaluator-bench.ts', import.meta.url).href) as typeof import('./evaluator-bench.ts');
  const situations = argument('situations', 1_000_000);
  const evaluator = await runEvaluatorBench({ situations,
    realPathSituations: argument('real-path-situations', Math.min(situations, REAL_PATH_SITUATIONS_DEFAULT)) });
  const { header, body } = formatEvaluatorRows(evaluator);
  table('Policy evaluator: the gate\'s full packs (real path) beside the peers on a simpler 10-rule table',
    header, body);
}
{
  // The content guard beside the substring scan it replaced (read from git history), same texts, same run.
  const { runContentBench } = await import('./content-bench.ts');
  const content = await runContentBench();
  table('Content check (labelled corpus, every text new to the caches)',
    ['guard', 'texts', 'texts/s', 'µs per text', 'CPU µs per text'],
    content.map((row) => [row.guard, String(row.texts), String(row.textsPerSecond), row.microsPerText.toFixed(1),
      row.cpuMicrosPerText.toFixed(1)]));
}
