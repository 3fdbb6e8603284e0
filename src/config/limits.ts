import { assert } from '../stdx/assert.ts';

/**
 * Every bound in the product, named, with its unit or qualifier last. Loops over rows, batches,
 * pages and retries use one of these; startup asserts how they relate.
 */

/** Rows per COPY/INSERT batch during import and bulk writes. Bounds memory per batch. */
export const IMPORT_BATCH_ROWS_MAX = 5_000;
/** Error rows kept in memory for one import report before the rest are only counted. */
export const IMPORT_ERRORS_KEPT_MAX = 100_000;
/** Bytes of one imported line; a longer line is a bad row, not a memory blow-up. */
export const IMPORT_LINE_BYTES_MAX = 64 * 1024;
/** Rows per page in the JSON API. */
export const PAGE_ROWS_MAX = 500;
export const PAGE_ROWS_DEFAULT = 50;
/** Accounts loaded per batch when the cycle allocates payments in application code. */
export const CYCLE_BATCH_ACCOUNTS_MAX = 20_000;
/**
 * Memory one sort or hash of a cycle step may use on a PostgreSQL server (its work_mem, per
 * process). The set-based steps group and join every account at once; at 1M accounts the default
 * 4 MB spills them to disk (measured: aggregating the unpaid installments 3.4 s → 2.1 s).
 */
export const CYCLE_WORK_MEM_MB = 256;
/** Borrowers whose planned actions the cycle decides per batch (one set of file queries each). */
export const CYCLE_DECISION_BATCH_BORROWERS = 1_000;
/**
 * Characters of one URL path parameter as sent. External ids are at most 128 characters; three
 * times that lets every character of one arrive percent-encoded. Longer is answered 414.
 */
export const URL_PARAM_CHARS_MAX = 3 * 128;
/** Bytes of an HTTP request body. */
export const REQUEST_BODY_BYTES_MAX = 1024 * 1024;
/** Days of history the demo builds before serving. */
export const DEMO_HISTORY_DAYS = 90;
/** Borrowers in the demo portfolio. */
export const DEMO_BORROWERS = 5_000;
/** Borrowers one `generate` call may create. */
export const GENERATE_BORROWERS_MAX = 2_000_000;
/** Installments in one account's schedule. */
export const INSTALLMENTS_PER_ACCOUNT_MAX = 360;
/** Grace days a product may grant. */
export const GRACE_DAYS_MAX = 30;
/** Days a cycle may be asked to catch up in one call (a gap larger than this is an operator error). */
export const CYCLE_CATCH_UP_DAYS_MAX = 3_660;

/**
 * Years a date or instant from outside may name. Consumer credit falls well inside; a year such as
 * 0001 or 9999 is a typing error or a probe, and time-zone arithmetic near those edges fails.
 */
export const CALENDAR_YEAR_MIN = 1900;
export const CALENDAR_YEAR_MAX = 2199;
/**
 * The largest single payment accepted, in minor units, per currency; anything larger is refused
 * with the field named. Far above any consumer-credit balance, far below where sums overflow.
 */
export const PAYMENT_AMOUNT_MINOR_MAX: Readonly<Record<string, bigint>> = {
  CNY: 100_000_000_00n, // ¥100 million
  USD: 10_000_000_00n, // $10 million
};
/** The bound for a currency not listed above. */
export const PAYMENT_AMOUNT_MINOR_MAX_DEFAULT = 10_000_000_00n;
/** Days after today a payment's value date may lie (a bank's value-dated transfer). */
export const PAYMENT_VALUE_DATE_AHEAD_DAYS_MAX = 3;
/** Seconds an attempt's reported end may lie after now (clock skew between a dialler and us). */
export const OUTCOME_END_AHEAD_SECONDS_MAX = 300;
/** Seconds an attempt may last from its reservation to its reported end (one working day). */
export const OUTCOME_DURATION_SECONDS_MAX = 86_400;

assert(PAGE_ROWS_DEFAULT <= PAGE_ROWS_MAX, 'default page must fit the maximum');
assert(IMPORT_BATCH_ROWS_MAX <= CYCLE_BATCH_ACCOUNTS_MAX, 'an import batch must fit one cycle batch');
assert(IMPORT_LINE_BYTES_MAX * IMPORT_BATCH_ROWS_MAX <= 512 * 1024 * 1024, 'a batch must fit memory');
assert(CALENDAR_YEAR_MIN < CALENDAR_YEAR_MAX, 'the calendar range must hold a year');
/** Tries to take an embedded database folder's lock, each after removing a stale one. */
export const DATA_DIR_LOCK_ATTEMPTS_MAX = 3;
/**
 * The largest imported principal, credit limit, installment amount (due or paid) or late fee, in
 * minor units of any currency (100 million yuan or dollars). Far above any consumer loan, and low
 * enough that the sums over an account's INSTALLMENTS_PER_ACCOUNT_MAX bills stay more than a hundred
 * thousand times below where a bigint overflows.
 */
export const IMPORT_AMOUNT_MINOR_MAX = 100_000_000_00n;
/**
 * Characters whose simplified form the content guard keeps memoised (most texts are simplified
 * already, and one lookup per character tells so). Far above the few thousand characters in use.
 */
export const SIMPLIFIED_CHARACTERS_KEPT_MAX = 20_000;
