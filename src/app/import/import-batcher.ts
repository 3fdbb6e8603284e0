import { IMPORT_BATCH_ROWS_MAX } from '../../config/limits.ts';
import type { Db } from '../../db/database.ts';
import type { FieldProblem } from '../../domain/import/field-rules.ts';
import type { ImportKind } from '../../domain/import/import-records.ts';
import type { ErrorReport } from './error-report.ts';
import type { ImportReport, ImportRowError } from './import-contract.ts';
import { loadRecords, type AccountRef, type Item } from './load-records.ts';

/**
 * Gathers the rows of an import into batches of at most IMPORT_BATCH_ROWS_MAX lines and loads each
 * batch in one transaction: check its entries (`prepare`: validate text rows, or check typed
 * records), stage, upsert. A key seen twice starts a new batch, because one upsert cannot touch the
 * same row twice, and the later row must see the earlier one. Rows rejected while reading (bad
 * encoding, broken quoting) join the batch of their lines, so the error report stays in line order.
 */
export type Prepared = {
  items: Item<unknown>[];
  accounts: ReadonlyMap<string, AccountRef>;
  errors: ImportRowError[];
};
export type Prepare<T> = (tx: Db, kind: ImportKind, entries: readonly Item<T>[]) => Promise<Prepared>;

export class ImportBatcher<T> {
  readonly #db: Db;
  readonly #kind: ImportKind;
  readonly #report: ImportReport;
  readonly #errors: ErrorReport;
  readonly #prepare: Prepare<T>;
  #entries: Item<T>[] = [];
  #keys = new Set<string>();
  #rejected: ImportRowError[] = [];
  #lines = 0;
  #loading: Promise<void> = Promise.resolve();
  #failure: unknown = null;

  constructor(db: Db, kind: ImportKind, report: ImportReport, errors: ErrorReport, prepare: Prepare<T>) {
    this.#db = db;
    this.#kind = kind;
    this.#report = report;
    this.#errors = errors;
    this.#prepare = prepare;
  }

  async reject(line: number, problems: readonly FieldProblem[]): Promise<void> {
    if (this.#lines >= IMPORT_BATCH_ROWS_MAX) await this.flush();
    this.#lines += 1;
    for (const problem of problems) this.#rejected.push({ line, ...problem });
  }

  async add(line: number, entry: T, key: string): Promise<void> {
    if (this.#lines >= IMPORT_BATCH_ROWS_MAX || this.#keys.has(key)) await this.flush();
    this.#lines += 1;
    this.#keys.add(key);
    this.#entries.push({ line, record: entry });
  }

  /**
   * Starts loading the gathered batch and returns once the batch before it is done, so the next
   * batch is read and validated while the database writes this one. Batches still run one after
   * another, each seeing the rows of those before it.
   */
  async flush(): Promise<void> {
    const entries = this.#entries;
    const rejected = this.#rejected;
    this.#entries = [];
    this.#keys = new Set();
    this.#rejected = [];
    this.#lines = 0;
    await this.#settle();
    // The handler is attached at once: a failure waits, unreported, for the next flush or finish.
    this.#loading = this.#load(entries, rejected).catch((error: unknown) => {
      this.#failure = error;
    });
  }

  /** Loads what is left and waits for every batch; throws the first failure of any batch. */
  async finish(): Promise<void> {
    await this.flush();
    await this.#settle();
  }

  /** Waits for the batch in flight without throwing, for cleaning up after another failure. */
  async idle(): Promise<void> {
    await this.#loading;
  }

  async #settle(): Promise<void> {
    await this.#loading;
    if (this.#failure !== null) throw this.#failure;
  }

  async #load(entries: Item<T>[], rejected: ImportRowError[]): Promise<void> {
    if (entries.length > 0) {
      const result = await this.#db.transaction(async (tx) => {
        const prepared = await this.#prepare(tx, this.#kind, entries);
        const loaded = await loadRecords(tx, this.#kind, prepared.items, prepared.accounts);
        return { ...loaded, errors: [...prepared.errors, ...loaded.errors] };
      });
      this.#report.rowsLoaded += result.loaded;
      this.#report.rowsUnchanged += result.unchanged;
      rejected.push(...result.errors);
    }
    await this.#errors.add(rejected);
  }
}

export function emptyReport(kind: ImportKind): ImportReport {
  return { kind, rowsRead: 0, rowsLoaded: 0, rowsUnchanged: 0, rowsRejected: 0, errors: [] };
}
