import { IMPORT_BATCH_ROWS_MAX, IMPORT_ERRORS_KEPT_MAX } from '../../config/limits.ts';
import type { Db } from '../../db/database.ts';
import type { ImportKind } from '../../domain/import/import-records.ts';
import type { ImportRecordsFunction, ImportReport, RecordOf } from './import-contract.ts';
import {
  loadAccounts,
  loadContactPoints,
  loadInstallments,
  loadParties,
  loadPayments,
  loadProducts,
  type AccountRef,
  type BatchResult,
  type Item,
} from './load-batch.ts';

/**
 * Imports records that are already typed and checked (the generator's, or a caller's that built
 * them with the domain validators) through the same batched upserts as `faircollect import`, so
 * both paths land rows identically. A record's "line" is its 1-based position in the input.
 * References that do not resolve are still reported, row by row.
 */
export const importRecords: ImportRecordsFunction = async (db, kind, records, options) => {
  const report: ImportReport = {
    kind,
    rowsRead: 0,
    rowsLoaded: 0,
    rowsUnchanged: 0,
    rowsRejected: 0,
    errors: [],
  };
  let batch: Item<RecordOf<typeof kind>>[] = [];
  let keys = new Set<string>();
  const flush = async () => {
    if (batch.length === 0) return;
    const items = batch;
    batch = [];
    keys = new Set();
    const result = await db.transaction((tx) => loadKind(tx, kind, items as Item<never>[]));
    report.rowsLoaded += result.loaded;
    report.rowsUnchanged += result.unchanged;
    report.rowsRejected += result.errors.length;
    for (const error of result.errors)
      if (report.errors.length < IMPORT_ERRORS_KEPT_MAX) report.errors.push(error);
    options?.onProgress?.({ rows: report.rowsRead });
  };
  for await (const record of records) {
    report.rowsRead += 1;
    const key = naturalKey(kind, record);
    // A key repeated inside one upsert is an error in PostgreSQL; the later row goes to the next batch.
    if (keys.has(key) || batch.length >= IMPORT_BATCH_ROWS_MAX) await flush();
    keys.add(key);
    batch.push({ line: report.rowsRead, record });
  }
  await flush();
  return report;
};

function naturalKey(kind: ImportKind, record: unknown): string {
  const value = record as Record<string, unknown>;
  if (kind === 'installments') return `${String(value.accountExternalId)}#${String(value.seq)}`;
  if (kind === 'payments') return String(value.idempotencyKey);
  if (kind === 'products') return String(value.id);
  return String(value.externalId);
}

async function loadKind(tx: Db, kind: ImportKind, items: Item<never>[]): Promise<BatchResult> {
  switch (kind) {
    case 'products':
      return loadProducts(tx, items);
    case 'parties':
      return loadParties(tx, items);
    case 'contact_points':
      return loadContactPoints(tx, items);
    case 'accounts':
      return loadAccounts(tx, items);
    case 'installments':
    case 'payments':
      return loadWithAccounts(tx, kind, items);
  }
}

async function loadWithAccounts(
  tx: Db,
  kind: 'installments' | 'payments',
  items: Item<never>[],
): Promise<BatchResult> {
  const external = (item: Item<never>) =>
    String((item.record as { accountExternalId: string }).accountExternalId);
  const rows = await tx.query<{ external_id: string; id: bigint; borrower_id: bigint; currency: string }>(
    'SELECT external_id, id, borrower_id, currency FROM account WHERE external_id = ANY($1::text[])',
    [[...new Set(items.map(external))]],
  );
  const accounts = new Map(
    rows.map((row): [string, AccountRef] => [
      row.external_id,
      { id: row.id, borrowerId: row.borrower_id, currency: row.currency },
    ]),
  );
  const known = items.filter((item) => accounts.has(external(item)));
  const unknown = items
    .filter((item) => !accounts.has(external(item)))
    .map((item) => ({
      line: item.line,
      field: 'account_external_id',
      reason: 'unknown_account',
      message: `no account ${external(item)}`,
    }));
  if (known.length === 0) return { loaded: 0, unchanged: 0, errors: unknown };
  const result =
    kind === 'installments' ? await loadInstallments(tx, known) : await loadPayments(tx, known, accounts);
  return { ...result, errors: [...unknown, ...result.errors] };
}
