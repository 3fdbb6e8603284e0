/**
 * The database cannot be opened, for a reason the person running FairCollect can fix: a folder that
 * is a file, not writable or damaged, one already in use by another process, or a PostgreSQL server
 * that cannot be reached. The message is one line that names the folder or server (never a
 * password), says why and what to do; the CLI prints it without a stack trace and exits with 2.
 */
export class DatabaseOpenError extends Error {
  override name = 'DatabaseOpenError';
}
