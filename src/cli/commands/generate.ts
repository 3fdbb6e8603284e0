import type { Command } from 'commander';
import type { GenerateOptions } from '../../domain/generate/generate-portfolio.ts';
import { UsageError } from '../usage-error.ts';

/**
 * `faircollect generate --borrowers N --seed S [--as-of DATE] [--history-days D] [--out DIR]`:
 * a deterministic synthetic portfolio (the same arguments give byte-identical output), loaded
 * into the database through the importer, or written as the import format's CSV files with --out.
 * The as-of date defaults to the product's business date (today in Asia/Shanghai, as in the demo)
 * and is always printed, so a run can be repeated exactly.
 */
export type RawGenerateOptions = {
  borrowers: string; seed: string; asOf?: string; historyDays?: string; out?: string;
};

export function register(program: Command): void {
  program
    .command('generate')
    .description('Generate a deterministic synthetic portfolio into the database, '
      + 'or as import files with --out.')
    .requiredOption('--borrowers <n>', 'number of borrowers')
    .requiredOption('--seed <s>', 'integer seed: the same seed and arguments give the same portfolio')
    .option('--as-of <date>', 'the portfolio\'s "today", YYYY-MM-DD (default: the business date, '
      + 'today in Asia/Shanghai, as in the demo)')
    .option('--history-days <d>', 'how far back accounts open and payments go (default 365)')
    .option('--out <dir>', 'write CSV files in the import format (docs/import.md) '
      + 'instead of loading the database')
    .action(async (raw: RawGenerateOptions) => {
      const { systemClock } = await import('../../stdx/clock.ts');
      const options = await parseGenerateOptions(raw, systemClock.now());
      process.stdout.write(`Generating ${options.borrowers} borrowers, seed ${options.seed}, `
        + `as of ${options.asOf}, history ${options.historyDays} days\n`);
      if (raw.out === undefined) await generateIntoDatabase(options);
      else await generateFiles(raw.out, options);
    });
}

/** The command's options checked; `now` gives the default as-of date. */
export async function parseGenerateOptions(raw: RawGenerateOptions, now: Date): Promise<GenerateOptions> {
  const { GENERATE_BORROWERS_MAX, GENERATE_HISTORY_DAYS_MAX } = await import('../../config/limits.ts');
  const { GENERATE_HISTORY_DAYS_DEFAULT } = await import('../../domain/generate/generate-portfolio.ts');
  const { parseCivilDate } = await import('../../stdx/civil-date.ts');
  const { businessDate } = await import('../../app/calendar/business-date.ts');
  const borrowers = wholeNumber('--borrowers', raw.borrowers, 1, GENERATE_BORROWERS_MAX);
  const seed = wholeNumber('--seed', raw.seed, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  const historyDays = raw.historyDays === undefined ? GENERATE_HISTORY_DAYS_DEFAULT
    : wholeNumber('--history-days', raw.historyDays, 1, GENERATE_HISTORY_DAYS_MAX);
  const asOf = raw.asOf === undefined ? businessDate(now) : parseCivilDate(raw.asOf);
  if (asOf === null) throw new UsageError(`--as-of must be a real date YYYY-MM-DD, got "${raw.asOf}"`);
  return { borrowers, seed, asOf, historyDays };
}

function wholeNumber(name: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`${name} must be an integer from ${min} to ${max}, got "${text}"`);
  }
  return value;
}

async function generateFiles(directory: string, options: GenerateOptions): Promise<void> {
  const { writePortfolioFiles } = await import('../../app/generate/write-portfolio-files.ts');
  const { createProgress } = await import('../progress.ts');
  const { join } = await import('node:path');
  const started = performance.now();
  const progress = createProgress('Generating files', options.borrowers);
  const counts = await writePortfolioFiles(directory, options, (done) => progress.update(done));
  progress.stop();
  for (const [kind, rows] of Object.entries(counts)) {
    const path = join(directory, `${kind}.csv`);
    process.stdout.write(`${`${kind}:`.padEnd(16)}${String(rows).padStart(12)} rows  ${path}\n`);
  }
  process.stdout.write(`Done in ${seconds(started)} s\n`);
}

async function generateIntoDatabase(options: GenerateOptions): Promise<void> {
  const { loadPortfolio } = await import('../../app/generate/load-portfolio.ts');
  const { openDatabase } = await import('../../db/open-database.ts');
  const { loadConfig } = await import('../load-config.ts');
  const { createProgress } = await import('../progress.ts');
  const started = performance.now();
  const db = await openDatabase(loadConfig());
  try {
    const progress = createProgress('Generating and loading', options.borrowers);
    const result = await loadPortfolio(db, options, (done) => progress.update(done));
    progress.stop();
    if (!result.ok) {
      throw new UsageError(`a generated portfolio is already loaded (${result.rejection.externalId} exists); `
        + 'use an empty database (FAIRCOLLECT_DATA_DIR or DATABASE_URL)');
    }
    process.stdout.write(`${'kind'.padEnd(16)}${'generated'.padStart(12)}${'loaded'.padStart(12)}`
      + `${'unchanged'.padStart(12)}${'rejected'.padStart(12)}\n`);
    for (const report of Object.values(result.report.imports)) {
      process.stdout.write(`${report.kind.padEnd(16)}${String(report.rowsRead).padStart(12)}`
        + `${String(report.rowsLoaded).padStart(12)}${String(report.rowsUnchanged).padStart(12)}`
        + `${String(report.rowsRejected).padStart(12)}\n`);
      for (const error of report.errors.slice(0, 5)) {
        const where = `${report.kind} record ${error.line}: ${error.field ?? '-'}`;
        process.stderr.write(`  ${where} ${error.reason}: ${error.message}\n`);
      }
    }
    // Rejected rows mean the generator and the importer disagree: a defect, reported as a failure.
    if (result.report.rowsRejected > 0) process.exitCode = 1;
    process.stdout.write(`${options.borrowers} borrowers in ${seconds(started)} s\n`);
  } finally {
    await db.close();
  }
}

function seconds(started: number): string {
  return ((performance.now() - started) / 1000).toFixed(1);
}
