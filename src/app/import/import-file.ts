import { basename } from 'node:path';
import { IMPORT_BATCH_ROWS_MAX, IMPORT_ERRORS_KEPT_MAX } from '../../config/limits.ts';
import type { Db } from '../../db/database.ts';
import { IMPORT_KINDS, type ImportKind } from '../../domain/import/import-records.ts';
import { ROW_VALIDATORS, validateInstallment } from '../../domain/import/validate-record.ts';
import type { RawRow } from '../../domain/import/field-rules.ts';
import type { ImportProgress, ImportReport, ImportRowError } from './import-contract.ts';
import {
  loadAccounts,
  loadContactPoints,
  loadInstallments,
  loadParties,
  loadPayments,
  loadProducts,
  type AccountRef,
  type Item,
} from './load-batch.ts';
import { fileSize, readRows, type FileFormat } from './read-rows.ts';

/**
 * Imports one file of one kind: stream rows → validate each → upsert in batches of
 * IMPORT_BATCH_ROWS_MAX, one transaction per batch. Bad rows are reported with line, field and
 * reason and skipped; good rows land. Memory holds one batch and at most IMPORT_ERRORS_KEPT_MAX
 * errors (the rest are counted).
 */
export type ImportFileOptions = { kind?: ImportKind; encoding?: string; onProgress?: ImportProgress };

export type ImportFileResult =
  | { ok: true; report: ImportReport }
  | { ok: false; reason: 'unknown_kind' | 'unknown_format' | 'unknown_encoding'; message: string };

/** The kind from the file name: products.csv, parties.jsonl, contact_points.csv … */
export function kindFromPath(path: string): ImportKind | null {
  const stem = basename(path)
    .replace(/\.(csv|jsonl|ndjson)$/i, '')
    .toLowerCase()
    .replaceAll('-', '_');
  return (
    IMPORT_KINDS.find((kind) => stem === kind || stem.endsWith(`_${kind}`) || stem.startsWith(`${kind}_`)) ??
    null
  );
}

export function formatFromPath(path: string): FileFormat | null {
  if (/\.csv$/i.test(path)) return 'csv';
  if (/\.(jsonl|ndjson)$/i.test(path)) return 'jsonl';
  return null;
}

export async function importFile(
  db: Db,
  path: string,
  options: ImportFileOptions = {},
): Promise<ImportFileResult> {
  const kind = options.kind ?? kindFromPath(path);
  if (kind === null)
    return { ok: false, reason: 'unknown_kind', message: `cannot tell the kind of ${path}; use --kind` };
  const format = formatFromPath(path);
  if (format === null)
    return { ok: false, reason: 'unknown_format', message: `${path} must end in .csv or .jsonl` };
  const encoding = options.encoding ?? 'utf-8';
  try {
    new TextDecoder(encoding);
  } catch {
    return { ok: false, reason: 'unknown_encoding', message: `unknown encoding "${encoding}"` };
  }
  const totalBytes = await fileSize(path);
  let bytes = 0;
  const report: ImportReport = {
    kind,
    rowsRead: 0,
    rowsLoaded: 0,
    rowsUnchanged: 0,
    rowsRejected: 0,
    errors: [],
  };
  const batcher = new Batcher(db, kind, report);
  for await (const item of readRows(path, format, encoding, (count) => {
    bytes += count;
  })) {
    report.rowsRead += 1;
    if ('problem' in item) batcher.reject({ line: item.line, ...item.problem });
    else await batcher.add(item.line, item.row);
    if (report.rowsRead % 1000 === 0) options.onProgress?.({ rows: report.rowsRead, bytes, totalBytes });
  }
  await batcher.flush();
  options.onProgress?.({ rows: report.rowsRead, bytes: totalBytes, totalBytes });
  report.errors.sort((left, right) => left.line - right.line);
  return { ok: true, report };
}

/** Collects validated rows into batches; a key seen twice in one batch starts the next one. */
class Batcher {
  readonly #db: Db;
  readonly #kind: ImportKind;
  readonly #report: ImportReport;
  #rows: { line: number; row: RawRow }[] = [];
  #keys = new Set<string>();

  constructor(db: Db, kind: ImportKind, report: ImportReport) {
    this.#db = db;
    this.#kind = kind;
    this.#report = report;
  }

  reject(error: ImportRowError): void {
    this.#report.rowsRejected += 1;
    if (this.#report.errors.length < IMPORT_ERRORS_KEPT_MAX) this.#report.errors.push(error);
  }

  async add(line: number, row: RawRow): Promise<void> {
    const key = naturalKey(this.#kind, row);
    if (this.#keys.has(key) || this.#rows.length >= IMPORT_BATCH_ROWS_MAX) await this.flush();
    this.#keys.add(key);
    this.#rows.push({ line, row });
  }

  async flush(): Promise<void> {
    if (this.#rows.length === 0) return;
    const rows = this.#rows;
    this.#rows = [];
    this.#keys = new Set();
    const result = await this.#db.transaction((tx) =>
      loadRows(tx, this.#kind, rows, (error) => this.reject(error)),
    );
    this.#report.rowsLoaded += result.loaded;
    this.#report.rowsUnchanged += result.unchanged;
    for (const error of result.errors) this.reject(error);
  }
}

function naturalKey(kind: ImportKind, row: RawRow): string {
  if (kind === 'installments') return `${row.account_external_id}#${row.seq}`;
  if (kind === 'payments') return row.idempotency_key ?? '';
  if (kind === 'products') return row.id ?? '';
  return row.external_id ?? '';
}

type Reject = (error: ImportRowError) => void;

async function loadRows(
  tx: Db,
  kind: ImportKind,
  rows: readonly { line: number; row: RawRow }[],
  reject: Reject,
) {
  if (kind === 'installments' || kind === 'payments') return loadWithAccounts(tx, kind, rows, reject);
  const items: Item<never>[] = [];
  for (const { line, row } of rows) {
    const checked = ROW_VALIDATORS[kind](row);
    if (checked.ok) items.push({ line, record: checked.record as never });
    else for (const problem of checked.problems) reject({ line, ...problem });
  }
  if (items.length === 0) return { loaded: 0, unchanged: 0, errors: [] };
  if (kind === 'products') return loadProducts(tx, items);
  if (kind === 'parties') return loadParties(tx, items);
  if (kind === 'contact_points') return loadContactPoints(tx, items);
  return loadAccounts(tx, items);
}

/** Installments and payments need their account (currency, ids): one lookup per batch. */
async function loadWithAccounts(
  tx: Db,
  kind: 'installments' | 'payments',
  rows: readonly { line: number; row: RawRow }[],
  reject: Reject,
) {
  const ids = [...new Set(rows.map(({ row }) => row.account_external_id?.trim() ?? ''))];
  const accounts = new Map(
    (
      await tx.query<{ external_id: string; id: bigint; borrower_id: bigint; currency: string }>(
        'SELECT external_id, id, borrower_id, currency FROM account WHERE external_id = ANY($1::text[])',
        [ids],
      )
    ).map((row): [string, AccountRef] => [
      row.external_id,
      { id: row.id, borrowerId: row.borrower_id, currency: row.currency },
    ]),
  );
  const items: Item<never>[] = [];
  for (const { line, row } of rows) {
    const account = accounts.get(row.account_external_id?.trim() ?? '');
    if (account === undefined) {
      reject({
        line,
        field: 'account_external_id',
        reason: row.account_external_id?.trim() ? 'unknown_account' : 'missing_field',
        message: row.account_external_id?.trim()
          ? `no account ${row.account_external_id}`
          : 'account_external_id is required',
      });
      continue;
    }
    const checked =
      kind === 'installments' ? validateInstallment(row, account.currency) : ROW_VALIDATORS.payments(row);
    if (!checked.ok) {
      for (const problem of checked.problems) reject({ line, ...problem });
      continue;
    }
    if (kind === 'payments' && (checked.record as { currency: string }).currency !== account.currency) {
      reject({
        line,
        field: 'currency',
        reason: 'currency_mismatch',
        message: `the account is in ${account.currency}`,
      });
      continue;
    }
    items.push({ line, record: checked.record as never });
  }
  if (items.length === 0) return { loaded: 0, unchanged: 0, errors: [] };
  return kind === 'installments' ? loadInstallments(tx, items) : loadPayments(tx, items, accounts);
}
