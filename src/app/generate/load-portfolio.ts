import { assert } from '../../stdx/assert.ts';
import type { CivilDate } from '../../stdx/civil-date.ts';
import { IMPORT_ERRORS_KEPT_MAX } from '../../config/limits.ts';
import type { Db } from '../../db/database.ts';
import {
  borrowerExternalId, generatePortfolio, type BorrowerBundle, type GenerateOptions,
} from '../../domain/generate/generate-portfolio.ts';
import { IMPORT_KINDS, type ImportKind } from '../../domain/import/import-records.ts';
import type { ImportReport } from '../import/import-contract.ts';
import { importRecords } from '../import/import-records.ts';

/**
 * Loads a generated portfolio into the database through the importer (`importRecords`), so a
 * generated portfolio lands through the same validation and upserts as a lender's files and the
 * two behave identically. Borrowers go in chunks of LOAD_CHUNK_BORROWERS: each chunk is generated
 * once and imported kind by kind in dependency order (parties before their contact points,
 * accounts before their installments and payments), so memory holds one chunk whatever the size
 * of the portfolio.
 *
 * Payments land as received; the daily cycle posts each on its value date. Generation is meant
 * for an empty portfolio (demo, benchmarks, tests): the generated ids do not depend on the seed,
 * so a portfolio that is already there (its first borrower exists) is refused rather than mixed
 * with another seed's.
 */
export const LOAD_CHUNK_BORROWERS = 2_000;

export type LoadReport = {
  /** Records generated and handed to the importer, per kind. */
  borrowers: number; parties: number; contactPoints: number; accounts: number; installments: number;
  payments: number;
  /** What the importer did with them: loaded, unchanged, rejected (with the first errors). */
  imports: Record<ImportKind, ImportReport>;
  rowsRejected: number;
};

type Imports = LoadReport['imports'];

export type LoadRejection = { reason: 'portfolio_already_loaded'; externalId: string };
export type LoadResult = { ok: true; report: LoadReport } | { ok: false; rejection: LoadRejection };

export async function loadPortfolio(db: Db, options: GenerateOptions,
  onProgress?: (borrowersDone: number) => void, chunkBorrowers = LOAD_CHUNK_BORROWERS): Promise<LoadResult> {
  assert(Number.isInteger(chunkBorrowers) && chunkBorrowers >= 1, 'a chunk holds at least one borrower');
  const firstId = borrowerExternalId(0);
  if (options.borrowers > 0
    && (await db.query('SELECT 1 FROM party WHERE external_id = $1', [firstId])).length > 0) {
    return { ok: false, rejection: { reason: 'portfolio_already_loaded', externalId: firstId } };
  }
  const portfolio = generatePortfolio(options);
  const imports = Object.fromEntries(IMPORT_KINDS.map((kind) => [kind, emptyReport(kind)])) as Imports;
  absorb(imports.products, await importRecords(db, 'products', portfolio.products));
  for (let from = 0; from < options.borrowers; from += chunkBorrowers) {
    const chunk = [...portfolio.borrowers(from, from + chunkBorrowers)];
    await loadChunk(db, chunk, imports, options.asOf);
    onProgress?.(from + chunk.length);
  }
  const report: LoadReport = {
    borrowers: options.borrowers, parties: imports.parties.rowsRead,
    contactPoints: imports.contact_points.rowsRead, accounts: imports.accounts.rowsRead,
    installments: imports.installments.rowsRead,
    payments: imports.payments.rowsRead, imports,
    rowsRejected: IMPORT_KINDS.reduce((total, kind) => total + imports[kind].rowsRejected, 0),
  };
  return { ok: true, report };
}

async function loadChunk(
  db: Db, chunk: readonly BorrowerBundle[], imports: Imports, asOf: CivilDate,
): Promise<void> {
  absorb(imports.parties, await importRecords(db, 'parties', chunk.flatMap((bundle) => bundle.parties)));
  absorb(imports.contact_points,
    await importRecords(db, 'contact_points', chunk.flatMap((bundle) => bundle.contactPoints)));
  absorb(imports.accounts, await importRecords(db, 'accounts', chunk.flatMap((bundle) => bundle.accounts)));
  absorb(imports.installments,
    await importRecords(db, 'installments', chunk.flatMap((bundle) => bundle.installments)));
  // The portfolio's as-of date is its today: a generated payment is bounded like a lender's.
  absorb(imports.payments,
    await importRecords(db, 'payments', chunk.flatMap((bundle) => bundle.payments), { today: asOf }));
}

function emptyReport(kind: ImportKind): ImportReport {
  return { kind, rowsRead: 0, rowsLoaded: 0, rowsUnchanged: 0, rowsRejected: 0, errors: [] };
}

/**
 * Adds one chunk's report to the running total. The importer numbers records from 1 within each
 * call; the offset makes an error's line the record's position in the whole portfolio.
 */
function absorb(total: ImportReport, chunk: ImportReport): void {
  const offset = total.rowsRead;
  for (const error of chunk.errors) {
    if (total.errors.length >= IMPORT_ERRORS_KEPT_MAX) break;
    total.errors.push({ ...error, line: error.line + offset });
  }
  total.rowsRead += chunk.rowsRead;
  total.rowsLoaded += chunk.rowsLoaded;
  total.rowsUnchanged += chunk.rowsUnchanged;
  total.rowsRejected += chunk.rowsRejected;
}
