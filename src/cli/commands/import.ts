import type { Command } from 'commander';
import type { ImportReport } from '../../app/import/import-contract.ts';
import type { PlannedFile } from '../../app/import/plan-import.ts';
import type { Db } from '../../db/database.ts';
import type { ImportKind } from '../../domain/import/import-records.ts';
import { UsageError } from '../usage-error.ts';
import { IMPORT_ERRORS_SHOWN_MAX } from '../../config/limits.ts';

/**
 * `faircollect import FILE...`: loads lenders' CSV or JSONL files (docs/import.md) in dependency
 * order. Prints one summary line per file, writes each file's rejected rows to an error report,
 * and exits 0 when every row loaded, 1 when some rows were rejected (the good ones landed), and 2
 * for bad arguments. A progress bar is drawn only when stderr is a terminal. Today's business date
 * bounds the value dates of payments.
 */
type ImportOptions = { kind?: string; encoding: string; errors?: string };


export function register(program: Command): void {
  program
    .command('import')
    .description('Import CSV or JSONL files of products, parties, contact points, accounts, installments '
      + 'and payments. Bad rows are reported with line, field and reason; good rows land; importing the '
      + 'same file again changes nothing.')
    .argument('<files...>',
      'files such as accounts.csv or payments.jsonl (the kind comes from the name, or --kind)')
    .option('--kind <kind>', 'products | parties | contact_points | accounts | installments | payments')
    .option('--encoding <encoding>', 'text encoding of the files, e.g. utf-8 or gbk', 'utf-8')
    .option('--errors <path>', 'where to write the error report (default: FILE.errors.csv); one file only')
    .action(async (files: string[], options: ImportOptions) => {
      const plan = await checkArguments(files, options);
      const { openDatabase } = await import('../../db/open-database.ts');
      const { loadConfig } = await import('../load-config.ts');
      const db = await openDatabase(loadConfig());
      let rejected = 0;
      try {
        for (const file of plan) rejected += await importOne(db, file, options);
      } finally {
        await db.close();
      }
      process.exitCode = rejected > 0 ? 1 : 0;
    });
}

async function checkArguments(files: readonly string[], options: ImportOptions): Promise<PlannedFile[]> {
  const { IMPORT_KINDS } = await import('../../domain/import/import-records.ts');
  const { planImport } = await import('../../app/import/plan-import.ts');
  const { checkEncoding } = await import('../../app/import/read-lines.ts');
  const { stat } = await import('node:fs/promises');
  if (options.kind !== undefined && !(IMPORT_KINDS as readonly string[]).includes(options.kind)) {
    throw new UsageError(`--kind must be one of ${IMPORT_KINDS.join(', ')}, got "${options.kind}"`);
  }
  if (options.errors !== undefined && files.length > 1) {
    throw new UsageError('--errors takes one file at a time');
  }
  const encoding = checkEncoding(options.encoding);
  if (!encoding.ok) throw new UsageError(`--encoding: ${encoding.message}`);
  for (const file of files) {
    const info = await stat(file).catch(() => null);
    if (info === null || !info.isFile()) throw new UsageError(`no such file: ${file}`);
  }
  const plan = planImport(files, options.kind as ImportKind | undefined);
  if (!plan.ok) throw new UsageError(plan.message);
  return plan.files;
}

/** Imports one file, prints its summary and first errors, and returns how many rows it rejected. */
async function importOne(db: Db, file: PlannedFile, options: ImportOptions): Promise<number> {
  const { importFile } = await import('../../app/import/import-file.ts');
  const { businessDate } = await import('../../app/calendar/business-date.ts');
  const { systemClock } = await import('../../stdx/clock.ts');
  const { rm } = await import('node:fs/promises');
  const errorsPath = options.errors ?? `${file.path}.errors.csv`;
  // A report left by an earlier run of the same file would otherwise look like this run's.
  if (options.errors === undefined) await rm(errorsPath, { force: true });
  const progress = await progressBar(file.kind);
  const result = await importFile(db, file.path, {
    kind: file.kind, encoding: options.encoding, errorsPath,
    // Payments may be value-dated a few days after today, the product's business date.
    today: businessDate(systemClock.now()),
    onProgress: ({ bytes, totalBytes }) => progress?.update(bytes ?? 0, totalBytes),
  }).finally(() => progress?.stop());
  if (!result.ok) throw new UsageError(result.message);
  process.stdout.write(summary(file.path, result.report));
  if (result.errorsPath !== null) process.stdout.write(`  errors: ${result.errorsPath}\n`);
  for (const error of result.report.errors.slice(0, IMPORT_ERRORS_SHOWN_MAX)) {
    process.stdout.write(`  line ${error.line}: ${error.field ?? '(row)'}: `
      + `${error.reason}: ${error.message}\n`);
  }
  return result.report.rowsRejected;
}

export function summary(path: string, report: ImportReport): string {
  return `${path}: ${report.kind}: read ${report.rowsRead}, loaded ${report.rowsLoaded}, `
    + `unchanged ${report.rowsUnchanged}, rejected ${report.rowsRejected}\n`;
}

async function progressBar(kind: ImportKind) {
  if (!process.stderr.isTTY) return null;
  const { createProgress } = await import('../progress.ts');
  return createProgress(`Importing ${kind}`, 1);
}
