import type { Command } from 'commander';
import { UsageError } from '../usage-error.ts';

/**
 * `faircollect strategy validate FILE`: checks a lender's strategy document (YAML or JSON) and
 * prints its version; `strategy activate FILE` stores it as a new version, keeping every earlier
 * one, and makes it the one the next cycle plans under; `strategy list` prints the stored versions.
 * Exit 2 on a file that cannot be read or is not a valid strategy, with one line per problem.
 */
export function register(program: Command): void {
  const strategy = program.command('strategy')
    .description('Validate, activate and list collection strategies.');
  strategy
    .command('validate <file>')
    .description('Check a strategy document (YAML or JSON) and print its version; exit 2 when invalid.')
    .action(async (file: string) => {
      const { validateStrategy, strategyVersion } =
        await import('../../policy/strategy/strategy-document.ts');
      const checked = validateStrategy(await readDocument(file));
      if (!checked.ok) throw invalid(file, checked.problems);
      const { stages, treatments } = checked.strategy;
      process.stdout.write(`${file}: valid strategy ${strategyVersion(checked.strategy)} `
        + `(${stages.length} stages, ${treatments.length} treatments)\n`);
    });
  strategy
    .command('activate <file>')
    .description('Store a strategy document as a new version (earlier versions are kept) and make it '
      + 'the one the next cycle plans under.')
    .action(async (file: string) => {
      const document = await readDocument(file);
      const { loadConfig } = await import('../load-config.ts');
      const { openDatabase } = await import('../../db/open-database.ts');
      const { loadStrategy } = await import('../../app/strategy/load-strategy.ts');
      const { validateStrategy } = await import('../../policy/strategy/strategy-document.ts');
      // Checked before the database opens, so a bad file is refused without touching it.
      const checked = validateStrategy(document);
      if (!checked.ok) throw invalid(file, checked.problems);
      const db = await openDatabase(loadConfig());
      try {
        const { cliAuditContext } = await import('../cli-audit-context.ts');
        const { systemClock } = await import('../../stdx/clock.ts');
        const audit = { context: cliAuditContext(), now: systemClock.now() };
        const loaded = await loadStrategy(db, document, audit);
        if (!loaded.ok) throw invalid(file, loaded.problems);
        const was = loaded.previous === loaded.version ? 'it was already active'
          : `replacing ${loaded.previous}, which is kept`;
        process.stdout.write(`activated ${loaded.version}${loaded.stored ? '' : ' (loaded before)'}; `
          + `${was}; the next cycle plans under it\n`);
      } finally {
        await db.close();
      }
    });
  strategy
    .command('list')
    .description('List every stored strategy version, newest first; the active one is marked.')
    .action(async () => {
      const { loadConfig } = await import('../load-config.ts');
      const { openDatabase } = await import('../../db/open-database.ts');
      const { listStrategyVersions } = await import('../../app/strategy/list-strategy-versions.ts');
      const db = await openDatabase(loadConfig());
      try {
        for (const row of await listStrategyVersions(db)) {
          process.stdout.write(`${row.active ? '*' : ' '} ${row.version}  ${row.loadedAt}\n`);
        }
      } finally {
        await db.close();
      }
    });
}

function invalid(file: string, problems: readonly { path: string; message: string }[]): UsageError {
  const lines = problems.map((problem) => `  ${problem.path}: ${problem.message}`);
  return new UsageError(`${file}: invalid strategy:\n${lines.join('\n')}`);
}

async function readDocument(file: string): Promise<unknown> {
  const { readFile } = await import('node:fs/promises');
  const { parse } = await import('yaml');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new UsageError(`${file}: ${missing ? 'no such file' : (error as Error).message}`);
  }
  try {
    return parse(text);
  } catch (error) {
    throw new UsageError(`${file}: not JSON or YAML: ${(error as Error).message}`);
  }
}
