import type { Command } from 'commander';
import { UsageError } from '../usage-error.ts';

export function register(program: Command): void {
  program
    .command('import')
    .description(
      'Import CSV or JSONL files (products, parties, contact points, accounts, installments, payments). ' +
        'Bad rows are reported with line, field and reason; good rows land; re-importing changes nothing.',
    )
    .argument(
      '<files...>',
      'files such as accounts.csv or payments.jsonl (the kind comes from the name, or --kind)',
    )
    .option('--kind <kind>', 'products | parties | contact_points | accounts | installments | payments')
    .option('--encoding <encoding>', 'text encoding of the files, e.g. utf-8 or gbk', 'utf-8')
    .option(
      '--errors <path>',
      'where to write the error report (default: <file>.errors.csv); only with one file',
    )
    .action(async (files: string[], options: { kind?: string; encoding: string; errors?: string }) => {
      const { IMPORT_KINDS } = await import('../../domain/import/import-records.ts');
      const { existsSync } = await import('node:fs');
      if (options.kind !== undefined && !(IMPORT_KINDS as readonly string[]).includes(options.kind)) {
        throw new UsageError(`--kind must be one of ${IMPORT_KINDS.join(', ')}, got "${options.kind}"`);
      }
      if (options.errors !== undefined && files.length > 1)
        throw new UsageError('--errors takes one file at a time');
      for (const file of files) if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
      const { runImport } = await import('../run-import.ts');
      process.exitCode = await runImport(files, options);
    });
}
