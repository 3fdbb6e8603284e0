import { readFileSync, unlinkSync } from 'node:fs';
import { link, open, readFile, rename, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, join } from 'node:path';
import { DATA_DIR_LOCK_ATTEMPTS_MAX, DATA_DIR_LOCK_COMMAND_CHARS_MAX } from '../config/limits.ts';
import { DatabaseOpenError } from './database-open-error.ts';

/**
 * Only one process may open an embedded database folder: two PGlite engines writing the same files
 * each believe they are alone and leave a folder that never opens again. The lock file lies inside
 * the folder, as PostgreSQL's own postmaster.pid does. PostgreSQL ignores files it does not know in
 * its data directory (PGlite writes a postmaster.pid there too, but never reads it, so it locks
 * nothing), the lock needs no write access to the folder that holds the data folder, and it guards
 * the folder whatever path or symbolic link reaches it.
 */
export const DATA_DIR_LOCK_FILE = 'faircollect.lock';

export type DataDirLock = { path: string; release(): void };

/** Who holds a lock: enough to tell whether that process still runs, and to name it to a person. */
type LockOwner = {
  pid: number;
  host: string;
  /** The kernel's boot id: a lock from before a restart is stale whatever its pid. */
  bootId: string | null;
  /** The owner's start, in clock ticks since boot: a pid reused by another process does not match. */
  processStart: string | null;
  startedAt: string;
  command: string;
  dataDir: string;
};

/** Lock file path → the exact text this process wrote there. */
const held = new Map<string, string>();
let exitHandlerInstalled = false;

/**
 * Takes the lock of `dataDir` (a real path, as `realpath` gives it), taking over a stale one and
 * saying so on stderr; refuses with a DatabaseOpenError while another process holds it. File system
 * errors (a folder that is not writable) are thrown as they are, for the caller to describe.
 */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  const path = join(dataDir, DATA_DIR_LOCK_FILE);
  if (held.has(path)) {
    throw new DatabaseOpenError(`the embedded database in ${dataDir} is already open in this process`);
  }
  const text = `${JSON.stringify(ownerOfThisProcess(dataDir))}\n`;
  for (let attempt = 1; attempt <= DATA_DIR_LOCK_ATTEMPTS_MAX; attempt += 1) {
    if (await createLockFile(path, text)) return holdLock(path, text);
    const existing = await readLockFile(path);
    if (existing === null) continue; // released between our attempt and the read: try again
    if (existing.owner === null) {
      throw new DatabaseOpenError(`the embedded database in ${dataDir} has a lock file that names no `
        + `owner (${path}); if no FairCollect process is using the folder, delete that file`);
    }
    const staleBecause = judgeStale(existing.owner, dataDir);
    if (staleBecause === null) throw new DatabaseOpenError(describeLiveLock(existing.owner, dataDir, path));
    if (await removeStaleLock(path, existing.text)) {
      process.stderr.write(`faircollect: taking over the lock of ${dataDir} left by process `
        + `${existing.owner.pid} (${existing.owner.command}, started ${existing.owner.startedAt}): `
        + `${staleBecause}\n`);
    }
  }
  throw new DatabaseOpenError(`the embedded database in ${dataDir} could not be locked: other processes `
    + 'keep taking its lock; try again when they have finished');
}

/** Creates the lock file with our record; false when it already exists. */
async function createLockFile(path: string, text: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'wx', 0o644);
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(text);
    await handle.close();
  } catch (error) {
    // A lock without its owner (a full disk) would stop every later opener: leave nothing behind.
    await handle.close().catch(() => undefined); // the write error below is the one to report
    await unlink(path);
    throw error;
  }
  return true;
}

async function readLockFile(path: string): Promise<{ text: string; owner: LockOwner | null } | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  }
  return { text, owner: parseOwner(text) };
}

function parseOwner(text: string): LockOwner | null {
  try {
    const value = JSON.parse(text) as Partial<LockOwner> | null;
    if (value === null || typeof value !== 'object' || !Number.isInteger(value.pid)) return null;
    if (typeof value.host !== 'string' || typeof value.dataDir !== 'string') return null;
    return {
      pid: value.pid as number, host: value.host, dataDir: value.dataDir,
      bootId: typeof value.bootId === 'string' ? value.bootId : null,
      processStart: typeof value.processStart === 'string' ? value.processStart : null,
      startedAt: String(value.startedAt ?? 'at an unknown time'),
      command: String(value.command ?? 'an unknown command'),
    };
  } catch (error) {
    if (error instanceof SyntaxError) return null; // a truncated or foreign file: no owner to name
    throw error;
  }
}

/** Why the lock is stale, or null when its owner may still be using the folder. */
function judgeStale(owner: LockOwner, dataDir: string): string | null {
  // Another machine's processes cannot be seen from here (a folder on a shared disk): assume alive.
  if (owner.host !== hostname()) return null;
  if (owner.dataDir !== dataDir) return `it was copied with the folder from ${owner.dataDir}`;
  const bootId = readBootId();
  if (owner.bootId !== null && bootId !== null && owner.bootId !== bootId) {
    return 'the machine has restarted since';
  }
  // Not held by this process (checked first), so an earlier process with the same id left it: a
  // container's main process, for one, has the same id at every start.
  if (owner.pid === process.pid) return 'that process is no longer running';
  return isRunning(owner) ? null : 'that process is no longer running';
}

function isRunning(owner: LockOwner): boolean {
  const start = processStartOf(String(owner.pid));
  if (start !== null) return owner.processStart === null || start === owner.processStart;
  if (processStartOf('self') !== null) return false; // /proc works here and has no such process
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) !== 'ESRCH'; // EPERM: it runs, as another user
  }
}

/**
 * Moves the stale lock aside and deletes it; false when the lock changed hands after it was read
 * (another opener took over first), in which case the new owner's lock is put back.
 */
async function removeStaleLock(path: string, staleText: string): Promise<boolean> {
  const aside = `${path}.stale-${process.pid}`;
  try {
    await rename(path, aside);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw error;
  }
  try {
    if ((await readFile(aside, 'utf8')) === staleText) return true;
    await link(aside, path);
    return false;
  } finally {
    await unlink(aside);
  }
}

function holdLock(path: string, text: string): DataDirLock {
  held.set(path, text);
  if (!exitHandlerInstalled) {
    // A process that ends without closing its database (process.exit, an uncaught error) still
    // releases its locks; only 'exit' handlers run then, and they must be synchronous.
    process.on('exit', () => {
      for (const lockPath of [...held.keys()]) releaseLock(lockPath);
    });
    exitHandlerInstalled = true;
  }
  return { path, release: () => releaseLock(path) };
}

function releaseLock(path: string): void {
  const text = held.get(path);
  if (text === undefined) return;
  held.delete(path);
  try {
    if (readFileSync(path, 'utf8') === text) unlinkSync(path);
  } catch (error) {
    // The folder was deleted with its lock while open (a test's temporary folder): nothing to release.
    if (errorCode(error) !== 'ENOENT') throw error;
  }
}

function describeLiveLock(owner: LockOwner, dataDir: string, path: string): string {
  const where = owner.host === hostname() ? '' : ` on ${owner.host}`;
  const stop = owner.host === hostname() ? `stop it first (Ctrl-C in its terminal, or kill ${owner.pid})`
    : `stop it first, or delete ${path} if that machine no longer uses the folder`;
  return `the embedded database in ${dataDir} is in use by process ${owner.pid}${where} `
    + `(${owner.command}, started ${owner.startedAt}); only one process may open it at a time: ${stop}. `
    + 'While the server runs, send payments and contact outcomes through its API (/api/v1) instead';
}

function ownerOfThisProcess(dataDir: string): LockOwner {
  return {
    pid: process.pid,
    host: hostname(),
    bootId: readBootId(),
    processStart: processStartOf('self'),
    startedAt: new Date(performance.timeOrigin).toISOString(),
    command: describeCommand(process.argv),
    dataDir,
  };
}

/** `faircollect serve --port 3000` rather than the path of the script Node runs. */
function describeCommand(argv: readonly string[]): string {
  const [, script, ...args] = argv;
  const name = script === undefined ? 'node'
    : script.endsWith(join('src', 'cli', 'main.ts')) ? 'faircollect' : basename(script);
  return [name, ...args].join(' ').slice(0, DATA_DIR_LOCK_COMMAND_CHARS_MAX);
}

function readBootId(): string | null {
  return readProcFile('/proc/sys/kernel/random/boot_id')?.trim() ?? null;
}

/** Field 22 of /proc/<pid>/stat, after the command name in parentheses (which may hold spaces). */
function processStartOf(pid: string): string | null {
  const stat = readProcFile(`/proc/${pid}/stat`);
  if (stat === null) return null;
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
}

/** A /proc file's text, or null where there is no /proc (macOS) or no such process. */
function readProcFile(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'EACCES') return null;
    throw error;
  }
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
