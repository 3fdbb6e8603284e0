import { writeFile } from 'node:fs/promises';
import { csvField } from '../db/database.ts';
import { openDatabase } from '../db/open-database.ts';
import { IMPORT_KINDS, type ImportKind } from '../domain/import/import-records.ts';
import { importFile, kindFromPath } from '../app/import/import-file.ts';
import type { ImportReport } from '../app/import/import-contract.ts';
import { loadConfig } from './load-config.ts';
import { createProgress } from './progress.ts';
import { UsageError } from './usage-error.ts';

/**
 * Imports files in dependency order (products before accounts before payments); the exit status
 * is 1 when any row was rejected.
 */
export async function runImport(
  files: string[],
  options: { kind?: string; encoding: string; errors?: string },
): Promise<number> {
  const kindOf = (file: string) => (options.kind as ImportKind | undefined) ?? kindFromPath(file);
  for (const file of files) {
    if (kindOf(file) === null)
      throw new UsageError(`cannot tell the kind of ${file} from its name; use --kind`);
  }
  const ordered = [...files].sort(
    (left, right) => IMPORT_KINDS.indexOf(kindOf(left)!) - IMPORT_KINDS.indexOf(kindOf(right)!),
  );
  const db = await openDatabase(loadConfig());
  let rejected = 0;
  try {
    for (const file of ordered) {
      const progress = createProgress(`Importing ${kindOf(file)}`, 100);
      const result = await importFile(db, file, {
        kind: kindOf(file)!,
        encoding: options.encoding,
        onProgress: ({ bytes, totalBytes }) =>
          progress.update(Math.floor(((bytes ?? 0) / Math.max(totalBytes ?? 1, 1)) * 100)),
      });
      progress.stop();
      if (!result.ok) throw new UsageError(result.message);
      const { report } = result;
      rejected += report.rowsRejected;
      process.stdout.write(
        `${file}: ${report.kind}: read ${report.rowsRead}, loaded ${report.rowsLoaded}, ` +
          `unchanged ${report.rowsUnchanged}, rejected ${report.rowsRejected}\n`,
      );
      if (report.rowsRejected > 0) {
        const path = options.errors ?? `${file}.errors.csv`;
        await writeFile(path, errorReport(report));
        process.stdout.write(`  errors: ${path}\n`);
        for (const error of report.errors.slice(0, 5)) {
          process.stdout.write(
            `  line ${error.line}: ${error.field ?? '(row)'}: ${error.reason}: ${error.message}\n`,
          );
        }
      }
    }
  } finally {
    await db.close();
  }
  return rejected > 0 ? 1 : 0;
}

export function errorReport(report: ImportReport): string {
  const lines = report.errors.map((error) =>
    [String(error.line), error.field ?? '', error.reason, error.message].map(csvField).join(','),
  );
  const dropped = report.rowsRejected - report.errors.length;
  const tail =
    dropped > 0
      ? [
          ['', '', 'more_errors', `${dropped} more rows rejected`].map(csvField).join(','),
        ]
      : [];
  return ['line,field,reason,message', ...lines, ...tail].join('\n') + '\n';
}
