import type { Db } from '../db/database.ts';
import { loadConfig } from './load-config.ts';
import { openDatabase } from '../db/open-database.ts';
import { catchUpCycles } from '../app/cycle/catch-up-cycles.ts';
import { assignAllTeams } from '../app/desk/assign-all-teams.ts';
import { claimCycle } from '../app/cycle/claim-cycle.ts';
import type { PolicyGate } from '../app/gate/policy-gate.ts';
import { loadPortfolio } from '../app/generate/load-portfolio.ts';
import { addDays, type CivilDate } from '../stdx/civil-date.ts';
import { systemClock } from '../stdx/clock.ts';
import { ensureDemoPeople } from '../app/identity/ensure-demo-people.ts';
import { businessDate } from '../app/calendar/business-date.ts';
import { describeDemoSignIn } from './describe-demo-sign-in.ts';
import { createProgress } from './progress.ts';
import { loadPolicyOf, serve } from './serve-http.ts';

/**
 * `npm start`: the product on the embedded database with a demo portfolio. The first run generates
 * the portfolio "as of" today, the business date (businessDate: today in Asia/Shanghai), and runs
 * the cycle for each of the last `days` days so there is history to look at; later runs reuse the
 * data and only run the days that are missing.
 */
const DEMO_HISTORY_OPEN_DAYS = 365;

export async function runDemo(options: { borrowers: number; days: number; serve: boolean }): Promise<void> {
  const config = loadConfig();
  // Settings that cannot be read or would loosen the law stop the demo before it builds anything;
  // the demo's cycles decide under them, as its server does.
  const policy = await loadPolicyOf(config);
  const started = performance.now();
  const where =
    config.databaseUrl === null ? `embedded database in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  process.stdout.write(`FairCollect demo on the ${where}\n`);
  const db = await openDatabase(config);
  const today = businessDate(systemClock.now());
  const { ran } = await prepareDemo({
    db, borrowers: options.borrowers, days: options.days, seed: config.demoSeed, today, gate: policy.gate,
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(`Ran ${ran} cycle day(s) through ${today}; ready in ${seconds} s\n`);
  if (options.serve) {
    await serve(config, undefined, db, (origin) => process.stdout.write(describeDemoSignIn(origin)));
  } else {
    await db.close();
  }
}

export type PrepareDemoOptions = {
  db: Db;
  borrowers: number;
  days: number;
  seed: number;
  /** The business date the portfolio is generated as of and the cycles run through. */
  today: CivilDate;
  /** The lender's compiled policy the cycles decide under; the packs' defaults when absent. */
  gate?: PolicyGate;
};

/**
 * The demo's data on an open database: the portfolio when the database has no account yet, then
 * the cycle for each of the `days` days through `today` that has not run. Returns the cycle days run.
 */
export async function prepareDemo(options: PrepareDemoOptions): Promise<{ ran: number }> {
  const { db, borrowers, seed, today } = options;
  const [existing] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM account');
  if ((existing?.n ?? 0) === 0) {
    process.stdout.write(`Generating ${borrowers} borrowers (seed ${seed}) as of ${today}\n`);
    const progress = createProgress('Generating portfolio', borrowers);
    // Payments carry their value dates; each lands in the cycle of its date, so the history
    // the cycles build shows borrowers falling behind and curing day by day.
    const loaded = await loadPortfolio(
      db,
      { borrowers, seed, asOf: today, historyDays: DEMO_HISTORY_OPEN_DAYS },
      (done) => progress.update(done),
    );
    progress.stop();
    if (!loaded.ok) throw new Error(`the demo portfolio is already loaded (${loaded.rejection.externalId})`);
    const { report } = loaded;
    process.stdout.write(
      `Loaded ${report.borrowers} borrowers, ${report.accounts} accounts, ` +
        `${report.installments} installments, ${report.payments} payments\n`,
    );
  }
  await ensureDemoPeople(db, new Date(`${today}T00:00:00Z`));
  const cycleProgress = createProgress('Daily cycle', options.days);
  const caught = await claimCycle(db, () => catchUpCycles({
    db,
    from: addDays(today, -(options.days - 1)),
    through: today,
    ...(options.gate === undefined ? {} : { gate: options.gate }),
    onDay: (_asOf, index, total) => cycleProgress.update(index, total),
  }));
  cycleProgress.stop();
  if (!caught.acquired) {
    // Another server on the same PostgreSQL database is running the cycle; this one's scheduler
    // picks up whatever is still missing once that run ends.
    process.stdout.write('Another process is running the daily cycle; not catching up here\n');
    return { ran: 0 };
  }
  // The cycles planned today's calls; the teams' collectors receive the cases to make them.
  const assigned = await assignAllTeams(db, new Date(`${today}T00:00:00Z`));
  if (assigned > 0) process.stdout.write(`Assigned ${assigned} case(s) to the teams' collectors\n`);
  return { ran: caught.value.ran };
}
