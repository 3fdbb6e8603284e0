import type { Db } from '../../db/database.ts';
import type { CivilDate } from '../../stdx/civil-date.ts';
import type {
  AccountRecord, ContactPointRecord, ImportKind, InstallmentRecord, PartyRecord, PaymentRecord, ProductRecord,
} from '../../domain/import/import-records.ts';

/**
 * The programmatic face of the importer, shared by `faircollect import` (files) and
 * `faircollect generate` (records made in memory). Both land rows through the same validation and
 * the same bulk upsert, so a generated portfolio and a lender's file behave identically.
 */
export type RecordOf<K extends ImportKind> = K extends 'products' ? ProductRecord
  : K extends 'parties' ? PartyRecord
  : K extends 'contact_points' ? ContactPointRecord
  : K extends 'accounts' ? AccountRecord
  : K extends 'installments' ? InstallmentRecord
  : PaymentRecord;

export type ImportRowError = {
  /** 1-based physical line in the file (the header is line 1 in CSV); record index for records. */
  line: number;
  /** The field at fault, or null when the whole row is (broken quoting, bad encoding). */
  field: string | null;
  /** snake_case reason code, e.g. invalid_date, negative_amount, unknown_account. */
  reason: string;
  /** A sentence for a person. */
  message: string;
};

export type ImportReport = {
  kind: ImportKind;
  rowsRead: number;
  /** Rows written or updated. */
  rowsLoaded: number;
  /** Rows that were already there with the same content (a re-import). */
  rowsUnchanged: number;
  rowsRejected: number;
  /** The first IMPORT_ERRORS_KEPT_MAX errors; rowsRejected counts all of them. */
  errors: ImportRowError[];
};

export type ImportProgress = (done: { rows: number; bytes?: number; totalBytes?: number }) => void;

/**
 * The business date an import runs on: a payment's value date may lie at most
 * PAYMENT_VALUE_DATE_AHEAD_DAYS_MAX days after it. Passed in, never read from a clock here, so an
 * import replays the same; without it a value date is bounded only by its account's opening.
 */
export type ImportToday = { today?: CivilDate };

export type ImportRecordsFunction = <K extends ImportKind>(
  db: Db,
  kind: K,
  records: AsyncIterable<RecordOf<K>> | Iterable<RecordOf<K>>,
  options?: { onProgress?: ImportProgress } & ImportToday,
) => Promise<ImportReport>;
