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
/**
 * Contact points listed on one account's page (the borrower's and their third parties'); a file
 * with more is listed up to this many, the borrower's own first.
 */
export const ACCOUNT_CONTACT_POINTS_SHOWN_MAX = 200;
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
 * The longest a serving process sleeps between looks for a due cycle date. It wakes at the
 * scheduled time too; this bounds how late a failed run is tried again, and how late a server
 * takes over dates another one claimed and then left unfinished.
 */
export const CYCLE_SCHEDULE_CHECK_INTERVAL_MS = 15 * 60 * 1000;

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
/**
 * Cases of a collector's queue "next case" puts to the gate in one request, top first, before it
 * answers that none is allowed now: each costs a Decision, and a queue whose first twenty are all
 * barred (quiet hours in every zone) will not open further down.
 */
export const NEXT_CASE_CANDIDATES_MAX = 20;
/** Days ahead a promise to pay may name as its date, counted from the day it is made. */
export const PROMISE_AHEAD_DAYS_MAX = 30;
/** Characters of a collector's note on a case (the column's check says the same). */
export const CASE_NOTE_CHARS_MAX = 2_000;
/** Characters of a call recording's reference (the recorder's id or path, not the recording). */
export const RECORDING_REF_CHARS_MAX = 200;
/** Events of a case file's timeline shown on the desk, newest first. */
export const CASE_TIMELINE_EVENTS_MAX = 100;
/** An attorney's name or firm, phone and email as the desk's form takes them (as the facts API does). */
export const ATTORNEY_NAME_CHARS_MAX = 200;
export const ATTORNEY_PHONE_CHARS_MAX = 32;
export const ATTORNEY_EMAIL_CHARS_MAX = 254;
/** Rows of each kind of fact (persons, attorneys, stated times and places) a case page lists. */
export const CASE_FACTS_ROWS_MAX = 50;

assert(PAGE_ROWS_DEFAULT <= PAGE_ROWS_MAX, 'default page must fit the maximum');
assert(NEXT_CASE_CANDIDATES_MAX <= PAGE_ROWS_MAX, 'next case reads its candidates as one queue page');
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
/**
 * Days of a borrower's contact history (and the notices read off it) the gate loads whole for a
 * decision. At least every shipped rule's bounded look-back (`lookBackDays`, asserted where the gate
 * loads it); before these days the gate loads only the attempts the whole-history rules declare they
 * read (`historyReads`), whatever their age.
 */
export const GATE_HISTORY_DAYS = 190;

/** Interest or penalty rate of an imported product, in basis points (or ppm a day): 1000 %. */
export const RATE_BP_MAX = 100_000;
/** Characters of one imported text cell (a name, an address line). */
export const IMPORT_TEXT_CHARS_MAX = 200;
/** Distinct time zone names the import remembers; there are about 600 IANA names, so never reached. */
export const IMPORT_TIME_ZONES_KEPT_MAX = 2_000;
/** Physical lines one CSV record may span (an address with line breaks needs a handful). */
export const CSV_RECORD_LINES_MAX = 50;
/** Characters of a malformed CSV cell quoted back in the error message. */
export const CSV_PREVIEW_CHARS_MAX = 24;
/** Rejected rows `faircollect import` echoes on the terminal; the error report holds all of them. */
export const IMPORT_ERRORS_SHOWN_MAX = 5;
/** Characters of the owner's command line written into a data folder's lock file. */
export const DATA_DIR_LOCK_COMMAND_CHARS_MAX = 200;
/** Connections of one process's PostgreSQL pool. */
export const POSTGRES_POOL_CONNECTIONS_MAX = 10;

/** Characters of one generated CSV file buffered before it is written (with back-pressure). */
export const GENERATE_WRITE_BUFFER_CHARS_MAX = 256 * 1024;
/** Days of history `generate` may open accounts over. Ten years: older ones would be long repaid. */
export const GENERATE_HISTORY_DAYS_MAX = 3_650;
/** The first generated BNPL bill falls due at least this many days after the purchase (the cycle). */
export const BNPL_FIRST_BILL_DAYS_MIN = 20;
/** Days after the due date a simulated late payer pays. */
export const GENERATED_LATE_DAYS_MIN = 4;
export const GENERATED_LATE_DAYS_MAX = 25;

/**
 * Items of the lists a situation may carry; a larger input is a caller error. When a borrower's loaded
 * history is longer, the gate keeps the newest attempts and, before them, every attempt a whole-history
 * rule reads (`keepHistory`), so the cut changes no verdict of those rules.
 */
export const SITUATION_HISTORY_ITEMS_MAX = 10_000;
export const SITUATION_LIST_ITEMS_MAX = 1_000;
export const SITUATION_ZONES_MAX = 8;
/** Characters of a message text the content guard judges. */
export const CONTENT_TEXT_CHARS_MAX = 20_000;
/** Characters of a refused instant quoted in a check request's error message. */
export const QUOTED_INSTANT_CHARS_MAX = 40;
/** Kept characters below which a segment of a message is not a sentence of its own. */
export const SENTENCE_CHARS_MIN = 4;
/**
 * Normalised texts kept for reuse. The daily cycle judges the same few message templates for
 * thousands of borrowers; the result is immutable, so sharing it is safe.
 */
export const NORMALIZED_TEXTS_KEPT_MAX = 256;
/**
 * Content scans kept, keyed by everything a scan reads: the daily cycle decides the same few templates
 * tens of thousands of times a day, and scanning is a pure function of text and scope. The least recently
 * used goes first.
 */
export const CONTENT_SCANS_KEPT_MAX = 512;
/**
 * Rounds of asking every rule again at the latest instant one allows, in search of the instant all
 * allow (a quiet-hours opening may fall in a cooldown, a cooldown may end at night).
 */
export const NEXT_ALLOWED_ROUNDS_MAX = 16;
/** Cache entries of the zone clock kept before a cache is cleared; bounds memory over many zones. */
export const ZONE_CACHE_ENTRIES_MAX = 200_000;
/** Days searched for a moment that lies inside every candidate zone's window. */
export const WINDOW_SEARCH_DAYS_MAX = 14;
/**
 * Shapes of object (lists of keys in order) whose sorted order the engine keeps for writing Situations
 * as canonical JSON, and how many of them may share a first key; a Situation has a dozen shapes.
 */
export const SITUATION_KEY_ORDERS_MAX = 4_096;
export const SITUATION_KEY_ORDERS_PER_FIRST_KEY_MAX = 32;
/**
 * Audit events the verifier reads per query while it recomputes the chain: the trail only grows,
 * so it is streamed by id in batches of this size rather than read whole.
 */
export const AUDIT_VERIFY_BATCH_ROWS = 2_000;
/** Audit events on one page of the compliance console, newest first. */
export const AUDIT_PAGE_ROWS = 50;
/** Characters of an audit event's actor, subject kind and id, source address and request id. */
export const AUDIT_TEXT_CHARS_MAX = 256;
/** Characters of an audit event's detail as canonical JSON: a few ids, codes and amounts. */
export const AUDIT_DETAIL_CHARS_MAX = 16_384;
/** Levels of nesting in an audit event's detail; deeper is a bug in the caller. */
export const AUDIT_DETAIL_DEPTH_MAX = 8;

assert(GENERATED_LATE_DAYS_MIN <= GENERATED_LATE_DAYS_MAX, 'the late-payment range must hold a day');
assert(SITUATION_KEY_ORDERS_PER_FIRST_KEY_MAX <= SITUATION_KEY_ORDERS_MAX,
  'a first key holds at most every kept shape');

/**
 * scrypt's cost for staff passwords (N, a power of two; r 8, p 1): about 50 ms per sign-in on this
 * machine, which makes guessing offline costly without letting sign-ins queue.
 */
export const PASSWORD_SCRYPT_COST = 2 ** 15;
/** Characters of a staff password: long enough for a passphrase, short enough to bound scrypt's input. */
export const PASSWORD_CHARS_MIN = 10;
export const PASSWORD_CHARS_MAX = 200;
/** Random bytes of a session id and of an API token (256 bits each). */
export const SECRET_TOKEN_BYTES = 32;
/** A staff session ends after this long without a request. */
export const SESSION_IDLE_MINUTES = 30;
/** A staff session ends this long after sign-in, however active. */
export const SESSION_ABSOLUTE_HOURS = 12;
/**
 * A session's last_seen_at is written at most this often, so reading pages does not write a row
 * each time.
 */
export const SESSION_TOUCH_SECONDS = 60;
/** The window over which failed sign-ins are counted, per user and per address. */
export const SIGN_IN_FAILURE_WINDOW_MINUTES = 15;
/** Failed sign-ins of one user after which each further try must wait, doubling each time. */
export const SIGN_IN_BACKOFF_AFTER_FAILURES = 3;
/** Failed sign-ins of one user in the window after which the user is locked until the window passes. */
export const SIGN_IN_LOCK_USER_FAILURES = 10;
/** Failed sign-ins from one address in the window after which that address is locked out. */
export const SIGN_IN_LOCK_IP_FAILURES = 30;
/** Sign-in requests one address may send per minute, counted before any password is checked. */
export const SIGN_IN_REQUESTS_PER_MINUTE_MAX = 20;
// How much of a personal number staff see by default (src/domain/people/mask-*.ts).
/** A phone number with fewer digits is a short one (a service or extension number): only its last 2 show. */
export const MASKED_PHONE_DIGITS_MIN = 7;
/** Digits a masked phone number of MASKED_PHONE_DIGITS_MIN digits or more always hides. */
export const MASKED_PHONE_HIDDEN_DIGITS_MIN = 3;
/** The longest area code a masked phone number shows (China's four-digit codes such as 0755). */
export const MASKED_PHONE_AREA_DIGITS_MAX = 4;
/** A national ID this long is a resident identity number (15 or 18 characters): 4 and 4 show. */
export const MASKED_RESIDENT_ID_CHARACTERS_MIN = 15;
/** A shorter document number (a passport) shows its first and last 2; below this, nothing. */
export const MASKED_DOCUMENT_ID_CHARACTERS_MIN = 6;
/** Characters a masked postal address shows at most (province, city and district). */
export const MASKED_ADDRESS_SHOWN_CHARACTERS_MAX = 12;

assert(MASKED_PHONE_HIDDEN_DIGITS_MIN + 4 <= MASKED_PHONE_DIGITS_MIN,
  'a masked phone number shows its last 4 digits and still hides some');
assert(MASKED_DOCUMENT_ID_CHARACTERS_MIN > 3 && MASKED_RESIDENT_ID_CHARACTERS_MIN > 8,
  'a masked ID hides more than it shows');
