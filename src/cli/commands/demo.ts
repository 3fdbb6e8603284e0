import type { Command } from 'commander';
import { UsageError } from '../usage-error.ts';

export function register(program: Command): void {
  program
    .command('demo')
    .description('Create (first run) or reuse the demo portfolio, run the missing cycle days, and serve it. '
      + '"Today" is the business date, today in Asia/Shanghai; the seed comes from FAIRCOLLECT_DEMO_SEED.')
    .option('--borrowers <n>', 'borrowers in a new demo portfolio', String(5000))
    .option('--days <n>', 'days of cycle history to build', String(90))
    .option('--no-serve', 'prepare the data and exit')
    .action(async (options: { borrowers: string; days: string; serve: boolean }) => {
      const { DEMO_HISTORY_DAYS, GENERATE_BORROWERS_MAX } = await import('../../config/limits.ts');
      const borrowers = Number(options.borrowers);
      const days = Number(options.days);
      if (!Number.isInteger(borrowers) || borrowers < 1 || borrowers > GENERATE_BORROWERS_MAX) {
        throw new UsageError(
          `--borrowers must be an integer from 1 to ${GENERATE_BORROWERS_MAX}, got "${options.borrowers}"`,
        );
      }
      if (!Number.isInteger(days) || days < 1 || days > 10 * DEMO_HISTORY_DAYS) {
        throw new UsageError(
          `--days must be an integer from 1 to ${10 * DEMO_HISTORY_DAYS}, got "${options.days}"`,
        );
      }
      const { runDemo } = await import('../run-demo.ts');
      await runDemo({ borrowers, days, serve: options.serve });
    });
}
