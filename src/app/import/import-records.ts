import type { Db } from '../../db/database.ts';
import { checkRecord } from '../../domain/import/check-record.ts';
import type { ImportKind } from '../../domain/import/import-records.ts';
import type { CivilDate } from '../../stdx/civil-date.ts';
import { ErrorReport } from './error-report.ts';
import { emptyReport, ImportBatcher, type Prepared } from './import-batcher.ts';
import type { ImportRecordsFunction, ImportRowError } from './import-contract.ts';
import { accountProblem, findAccounts, NEEDS_ACCOUNTS, type AccountRef, type Item } from './load-records.ts';

/**
 * Imports records that are already typed (the generator's, or a caller's that built them with the
 * domain validators) through the same batches and upserts as `faircollect import`, so both paths
 * land rows identically. The records skip text parsing and get only the cheap checks that keep a
 * bad record from failing its whole batch (checkRecord); references that do not resolve are
 * reported row by row. A record's "line" is its 1-based position in the input. With `today`, a
 * payment's value date may lie at most PAYMENT_VALUE_DATE_AHEAD_DAYS_MAX days after it; before its
 * account's opening it never may.
 */
export const importRecords: ImportRecordsFunction = async (db, kind, records, options) => {
  const report = emptyReport(kind);
  const errors = new ErrorReport(report, null);
  const today = options?.today ?? null;
  const batcher = new ImportBatcher<unknown>(db, kind, report, errors,
    (tx, batchKind, entries) => prepareRecords(tx, batchKind, entries, today));
  for await (const record of records) {
    report.rowsRead += 1;
    await batcher.add(report.rowsRead, record, naturalKey(kind, record));
    if (report.rowsRead % PROGRESS_EVERY_RECORDS === 0) options?.onProgress?.({ rows: report.rowsRead });
  }
  await batcher.finish();
  options?.onProgress?.({ rows: report.rowsRead });
  return report;
};

/** Records between two progress reports. */
export const PROGRESS_EVERY_RECORDS = 10_000;

type Keyed = {
  accountExternalId?: string; seq?: number; idempotencyKey?: string; id?: string; externalId?: string;
};

function naturalKey(kind: ImportKind, record: unknown): string {
  const value = record as Keyed;
  if (kind === 'installments') return `${value.accountExternalId}#${value.seq}`;
  if (kind === 'payments') return String(value.idempotencyKey);
  if (kind === 'products') return String(value.id);
  return String(value.externalId);
}

/**
 * Checks the records of a batch. Text holding a NUL or a lone surrogate is refused before the
 * accounts are looked up, so no such value reaches a statement and fails the batch.
 */
async function prepareRecords(
  tx: Db, kind: ImportKind, entries: readonly Item<unknown>[], today: CivilDate | null,
): Promise<Prepared> {
  const external = (record: unknown) => (record as { accountExternalId: string }).accountExternalId;
  const errors: ImportRowError[] = [];
  const checked: Item<unknown>[] = [];
  for (const entry of entries) {
    const problem = checkRecord(kind, entry.record, today);
    if (problem === null) checked.push(entry);
    else errors.push({ line: entry.line, ...problem });
  }
  const accounts = NEEDS_ACCOUNTS.has(kind)
    ? await findAccounts(tx, checked.map(({ record }) => external(record)))
    : new Map<string, AccountRef>();
  const prepared: Prepared = { items: [], accounts, errors };
  for (const { line, record } of checked) {
    const currency = kind === 'payments' ? (record as { currency: string }).currency : null;
    const problem = NEEDS_ACCOUNTS.has(kind)
      ? accountProblem(external(record), accounts.get(external(record)), currency) : null;
    if (problem === null) prepared.items.push({ line, record });
    else prepared.errors.push({ line, ...problem });
  }
  return prepared;
}
