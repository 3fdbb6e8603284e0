import type { GenerateOptions } from '../domain/generate/generate-portfolio.ts';
import { loadPortfolio } from '../app/generate/load-portfolio.ts';
import { writePortfolioFiles } from '../app/generate/write-portfolio-files.ts';
import { openDatabase } from '../db/open-database.ts';
import { loadConfig } from './load-config.ts';
import { createProgress } from './progress.ts';
import { UsageError } from './usage-error.ts';

export async function runGenerate(options: GenerateOptions, out?: string): Promise<void> {
  process.stdout.write(`Generating ${options.borrowers} borrowers, seed ${options.seed}, as of ${options.asOf}\n`);
  const progress = createProgress('Generating', options.borrowers);
  if (out !== undefined) {
    const counts = await writePortfolioFiles(out, options, (done) => progress.update(done));
    progress.stop();
    for (const [kind, rows] of Object.entries(counts)) process.stdout.write(`${out}/${kind}.csv: ${rows} rows\n`);
    return;
  }
  const db = await openDatabase(loadConfig());
  try {
    const result = await loadPortfolio(db, options, (done) => progress.update(done));
    progress.stop();
    if (!result.ok) {
      throw new UsageError(`this portfolio (seed ${options.seed}) is already loaded: ${result.rejection.externalId} exists`);
    }
    for (const [kind, rows] of Object.entries(result.report)) process.stdout.write(`${kind}: ${rows}\n`);
  } finally {
    await db.close();
  }
}
