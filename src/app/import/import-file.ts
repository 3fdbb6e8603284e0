import { stat } from 'node:fs/promises';
import type { Db } from '../../db/database.ts';
import type { RawRow } from '../../domain/import/field-rules.ts';
import { findInvalidCell } from '../../domain/import/find-invalid-cell.ts';
import type { ImportKind } from '../../domain/import/import-records.ts';
import {
  ROW_VALIDATORS, validateInstallment, validatePayment, type Validation,
} from '../../domain/import/validate-record.ts';
import type { CivilDate } from '../../stdx/civil-date.ts';
import { ErrorReport } from './error-report.ts';
import { emptyReport, ImportBatcher, type Prepared } from './import-batcher.ts';
import type { ImportProgress, ImportReport, ImportRowError, ImportToday } from './import-contract.ts';
import { accountProblem, findAccounts, NEEDS_ACCOUNTS, type AccountRef, type Item } from './load-records.ts';
import { formatFromPath, kindFromPath } from './plan-import.ts';

import { checkEncoding } from './read-lines.ts';
import { readRows } from './read-rows.ts';

/**
 * Imports one file of one kind: stream rows → validate each → upsert in batches of
 * IMPORT_BATCH_ROWS_MAX, one transaction per batch. Bad rows are reported with line, field and
 * reason and skipped; good rows land; a row already there with the same content is unchanged.
 * Memory holds one batch and at most IMPORT_ERRORS_KEPT_MAX errors; with `errorsPath`, every
 * error is written to that CSV file as the import goes (the file is created only if a row fails).
 */
export type ImportFileOptions = {
  /** The kind of the rows; by default taken from the file name (products.csv, parties.jsonl …). */
  kind?: ImportKind;
  /** A TextDecoder label such as utf-8 (the default), gbk or gb18030. */
  encoding?: string;
  errorsPath?: string;
  onProgress?: ImportProgress;
} & ImportToday;

export type ImportFileRejection = 'unknown_kind' | 'unknown_format' | 'unknown_encoding' | 'unreadable_file';

export type ImportFileResult =
  | { ok: true; report: ImportReport; errorsPath: string | null }
  | { ok: false; reason: ImportFileRejection; message: string };

export async function importFile(
  db: Db, path: string, options: ImportFileOptions = {},
): Promise<ImportFileResult> {
  const kind = options.kind ?? kindFromPath(path);
  if (kind === null) {
    return { ok: false, reason: 'unknown_kind', message: `cannot tell the kind of ${path}; use --kind` };
  }
  const format = formatFromPath(path);
  if (format === null) {
    return { ok: false, reason: 'unknown_format', message: `${path} must end in .csv, .jsonl or .ndjson` };
  }
  const encoding = checkEncoding(options.encoding ?? 'utf-8');
  if (!encoding.ok) return { ok: false, reason: 'unknown_encoding', message: encoding.message };
  const size = await fileSize(path);
  if (size === null) {
    return { ok: false, reason: 'unreadable_file', message: `${path} is not a readable file` };
  }
  const report = emptyReport(kind);
  const errors = new ErrorReport(report, options.errorsPath ?? null);
  const today = options.today ?? null;
  const batcher = new ImportBatcher<RawRow>(db, kind, report, errors,
    (tx, batchKind, rows) => prepareRows(tx, batchKind, rows, today));
  let bytes = 0;
  try {
    const rows = readRows(path, format, encoding.encoding, kind, (count) => { bytes += count; });
    for await (const items of rows) {
      for (const item of items) {
        if ('header' in item) await batcher.reject(item.line, item.header);
        else if ('problem' in item) await batcher.reject(item.line, [item.problem]);
        else await batcher.add(item.line, item.row, naturalKey(kind, item.row));
        if (!('header' in item)) report.rowsRead += 1;
      }
      options.onProgress?.({ rows: report.rowsRead, bytes, totalBytes: size });
    }
    await batcher.finish();
  } finally {
    await batcher.idle();
    await errors.close();
  }
  return { ok: true, report, errorsPath: errors.writtenPath };
}

async function fileSize(path: string): Promise<number | null> {
  try {
    const info = await stat(path);
    return info.isFile() ? info.size : null;
  } catch {
    return null;
  }
}

const cell = (row: RawRow, field: string) => row[field]?.trim() ?? '';

/** The key a row upserts on; two rows with one key never share a batch. */
function naturalKey(kind: ImportKind, row: RawRow): string {
  if (kind === 'installments') return `${cell(row, 'account_external_id')}#${cell(row, 'seq')}`;
  if (kind === 'payments') return cell(row, 'idempotency_key');
  if (kind === 'products') return cell(row, 'id');
  return cell(row, 'external_id');
}

/**
 * Validates the text rows of a batch; installments and payments first look up their accounts. A row
 * holding a character no stored text may hold is rejected before anything else reads it, the lookup
 * of accounts included, since one such value would fail the whole batch's statement.
 */
async function prepareRows(
  tx: Db, kind: ImportKind, rows: readonly Item<RawRow>[], today: CivilDate | null,
): Promise<Prepared> {
  const errors: ImportRowError[] = [];
  const readable: Item<RawRow>[] = [];
  for (const item of rows) {
    const problem = findInvalidCell(item.record);
    if (problem === null) readable.push(item);
    else errors.push({ line: item.line, ...problem });
  }
  const accounts = NEEDS_ACCOUNTS.has(kind)
    ? await findAccounts(tx, readable.map(({ record }) => cell(record, 'account_external_id')))
    : new Map<string, AccountRef>();
  const prepared: Prepared = { items: [], accounts, errors };
  for (const { line, record: row } of readable) {
    const checked = validateRow(kind, row, accounts, today);
    if (checked.ok) prepared.items.push({ line, record: checked.record });
    else for (const problem of checked.problems) prepared.errors.push({ line, ...problem });
  }
  return prepared;
}

function validateRow(
  kind: ImportKind, row: RawRow, accounts: ReadonlyMap<string, AccountRef>, today: CivilDate | null,
): Validation<unknown> {
  if (kind === 'installments') {
    const external = cell(row, 'account_external_id');
    const account = accounts.get(external);
    if (account !== undefined) return validateInstallment(row, account.currency);
    if (external === '') {
      const message = 'account_external_id is required.';
      return { ok: false, problems: [{ field: 'account_external_id', reason: 'missing_field', message }] };
    }
    return { ok: false, problems: [accountProblem(external, undefined, null)!] };
  }
  if (kind !== 'payments') return ROW_VALIDATORS[kind](row);
  const checked = validatePayment(row, today);
  if (!checked.ok) return checked;
  const payment = checked.record;
  const problem = accountProblem(
    payment.accountExternalId, accounts.get(payment.accountExternalId), payment.currency,
  );
  return problem === null ? checked : { ok: false, problems: [problem] };
}
