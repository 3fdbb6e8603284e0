import { mkdir, readdir, realpath } from 'node:fs/promises';
import { DatabaseOpenError } from './database-open-error.ts';
import { DATA_DIR_LOCK_FILE, lockDataDir, type DataDirLock } from './lock-data-dir.ts';

/**
 * Makes `dataDir` ready for PGlite and locks it: creates it if missing, refuses a folder that holds
 * files but no database, and takes the folder's lock. Every failure a person can fix (a file in the
 * way, no permission, another process) is a DatabaseOpenError that names the folder and the remedy.
 */
export async function prepareDataDir(dataDir: string): Promise<DataDirLock> {
  try {
    await mkdir(dataDir, { recursive: true });
    const folder = await realpath(dataDir);
    const names = await readdir(folder);
    // PGlite runs initdb wherever PG_VERSION is missing and writes a fresh catalog over what is
    // there: on a database that lost that file, or on a home folder named by mistake, that destroys
    // data. Only an empty folder becomes a new database.
    if (!names.includes('PG_VERSION') && names.some((name) => name !== DATA_DIR_LOCK_FILE)) {
      throw new DatabaseOpenError(`${folder} holds files but no embedded database (no PG_VERSION): `
        + 'it is another folder, or a database that lost its files; restore it from a backup, '
        + 'or set FAIRCOLLECT_DATA_DIR to an empty or new folder');
    }
    return await lockDataDir(folder);
  } catch (error) {
    if (error instanceof DatabaseOpenError) throw error;
    throw describeFolderError(dataDir, error);
  }
}

function describeFolderError(dataDir: string, error: unknown): unknown {
  const code = error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code : null;
  if (code === null) return error; // not a file system error: a bug, keep its stack
  const path = 'path' in (error as object) ? String((error as { path: unknown }).path) : dataDir;
  switch (code) {
    case 'EEXIST':
    case 'ENOTDIR':
      return new DatabaseOpenError(`the data folder ${dataDir} is a file, or lies under one (${code} on `
        + `${path}): set FAIRCOLLECT_DATA_DIR to a folder, or move the file away`);
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new DatabaseOpenError(`the data folder ${dataDir} cannot be created or written by this user `
        + `(${code} on ${path}): make it, or the folder that holds it, writable for this user, `
        + 'or set FAIRCOLLECT_DATA_DIR to a folder this user may write');
    case 'ENOSPC':
    case 'EDQUOT':
      return new DatabaseOpenError(`the data folder ${dataDir} is on a full disk (${code}): free space`);
    default:
      return new DatabaseOpenError(`the data folder ${dataDir} cannot be used (${(error as Error).message})`);
  }
}
