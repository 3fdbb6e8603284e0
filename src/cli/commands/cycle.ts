import type { Command } from 'commander';
import type { PolicyGate } from '../../app/gate/policy-gate.ts';
import type { Db } from '../../db/database.ts';
import type { CivilDate } from '../../stdx/civil-date.ts';
import { UsageError } from '../usage-error.ts';

export function register(program: Command): void {
  program
    .command('cycle')
    .description('Run the daily cycle for a date: post payments, age the portfolio, move cases, '
      + 'plan actions, snapshot.')
    .requiredOption('--as-of <date>', 'the cycle date, YYYY-MM-DD (a business date: the demo runs '
      + 'through today in Asia/Shanghai)')
    .option('--through <date>', 'run every date from --as-of through this date, one cycle per day')
    .option('--json', 'print the report as JSON lines')
    .action(async (options: { asOf: string; through?: string; json?: boolean }) => {
      const { parseCivilDate, daysBetween } = await import('../../stdx/civil-date.ts');
      const { CYCLE_CATCH_UP_DAYS_MAX } = await import('../../config/limits.ts');
      const asOf = parseCivilDate(options.asOf);
      if (asOf === null) {
        throw new UsageError(`--as-of must be a real date YYYY-MM-DD, got "${options.asOf}"`);
      }
      const through = options.through === undefined ? asOf : parseCivilDate(options.through);
      if (through === null) {
        throw new UsageError(`--through must be a real date YYYY-MM-DD, got "${options.through}"`);
      }
      const span = daysBetween(asOf, through);
      if (span < 0 || span > CYCLE_CATCH_UP_DAYS_MAX) {
        throw new UsageError(
          `--through must be on or after --as-of and at most ${CYCLE_CATCH_UP_DAYS_MAX} days later`,
        );
      }
      const { loadConfig } = await import('../load-config.ts');
      const { loadConfiguredPolicy } = await import('../../app/settings/load-lender-policy.ts');
      const { openDatabase } = await import('../../db/open-database.ts');
      const config = loadConfig();
      // The lender's settings (FAIRCOLLECT_SETTINGS) decide the planned actions as they decide the
      // server's checks; a file that would loosen the law stops the cycle before it opens the database.
      const loaded = await loadConfiguredPolicy(config);
      if (!loaded.ok) throw new UsageError(loaded.message);
      const { gate } = loaded.policy;
      const { claimCycle } = await import('../../app/cycle/claim-cycle.ts');
      const db = await openDatabase(config);
      try {
        const json = options.json === true;
        const claimed = await claimCycle(db, () => runDates({ db, asOf, span, gate, json }));
        if (!claimed.acquired) {
          throw new UsageError('another process (a server\'s scheduler, or another `faircollect cycle`) is '
            + 'running the daily cycle on this database; run this again when it has finished');
        }
      } finally {
        await db.close();
      }
    });
}

/** One cycle per date from `asOf` through `span` days later, each reported on standard output. */
async function runDates(options: {
  db: Db; asOf: CivilDate; span: number; gate: PolicyGate; json: boolean;
}): Promise<void> {
  const { addDays } = await import('../../stdx/civil-date.ts');
  const { runCycle } = await import('../../app/cycle/run-cycle.ts');
  const { db, asOf, span, gate, json } = options;
  for (let day = 0; day <= span; day += 1) {
    const date = addDays(asOf, day);
    const result = await runCycle({
      db, asOf: date, gate,
      onStep: (step, phase) => {
        if (json) process.stdout.write(`${JSON.stringify({ asOf: date, step, phase })}\n`);
      },
    });
    if (!result.ok) {
      throw new UsageError(`cannot run ${date}: the cycle already completed `
        + `${result.rejection.lastCompleted} (${result.rejection.reason})`);
    }
    const report = result.report;
    if (json) {
      process.stdout.write(`${JSON.stringify(report)}\n`);
    } else {
      process.stdout.write(`${date}: ${report.status}; ${report.steps.filter((s) => s.status === 'ran')
        .map((s) => `${s.step} ${Object.entries(s.detail).map(([k, v]) => `${k}=${v}`).join(',')}`)
        .join('; ') || 'nothing to do'}\n`);
    }
  }
}
