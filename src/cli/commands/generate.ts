import type { Command } from 'commander';
import { UsageError } from '../usage-error.ts';

export function register(program: Command): void {
  program
    .command('generate')
    .description('Generate a deterministic synthetic portfolio into the database, or as import files with --out.')
    .requiredOption('--borrowers <n>', 'number of borrowers')
    .requiredOption('--seed <s>', 'integer seed: the same seed gives the same portfolio')
    .option('--as-of <date>', 'the portfolio\'s "today", YYYY-MM-DD (default: today in Asia/Shanghai)')
    .option('--history-days <n>', 'how far back accounts were opened', '365')
    .option('--out <dir>', 'write CSV files in the import format instead of loading the database')
    .action(async (options: { borrowers: string; seed: string; asOf?: string; historyDays: string; out?: string }) => {
      const { GENERATE_BORROWERS_MAX } = await import('../../config/limits.ts');
      const { civilDateInZone, parseCivilDate } = await import('../../stdx/civil-date.ts');
      const { systemClock } = await import('../../stdx/clock.ts');
      const borrowers = Number(options.borrowers);
      if (!Number.isInteger(borrowers) || borrowers < 1 || borrowers > GENERATE_BORROWERS_MAX) {
        throw new UsageError(`--borrowers must be an integer from 1 to ${GENERATE_BORROWERS_MAX}, got "${options.borrowers}"`);
      }
      const seed = Number(options.seed);
      if (!/^-?\d+$/.test(options.seed) || !Number.isSafeInteger(seed)) {
        throw new UsageError(`--seed must be an integer, got "${options.seed}"`);
      }
      const historyDays = Number(options.historyDays);
      if (!Number.isInteger(historyDays) || historyDays < 30 || historyDays > 3650) {
        throw new UsageError(`--history-days must be an integer from 30 to 3650, got "${options.historyDays}"`);
      }
      const asOf = options.asOf === undefined ? civilDateInZone(systemClock.now(), 'Asia/Shanghai') : parseCivilDate(options.asOf);
      if (asOf === null) throw new UsageError(`--as-of must be a real date YYYY-MM-DD, got "${options.asOf}"`);
      const { runGenerate } = await import('../run-generate.ts');
      await runGenerate({ borrowers, seed: seed | 0, asOf, historyDays }, options.out);
    });
}
