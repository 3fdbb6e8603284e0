import type {
  AccountRecord, ContactPointRecord, ImportKind, InstallmentRecord, PartyRecord, PaymentRecord, ProductRecord,
} from '../import/import-records.ts';

/**
 * The record type of each import kind. The importer's contract (app/import/import-contract.ts)
 * declares the same mapping; pure code cannot import from app/, so it is restated here.
 */
export type RecordOf<K extends ImportKind> = K extends 'products' ? ProductRecord
  : K extends 'parties' ? PartyRecord
  : K extends 'contact_points' ? ContactPointRecord
  : K extends 'accounts' ? AccountRecord
  : K extends 'installments' ? InstallmentRecord
  : PaymentRecord;
