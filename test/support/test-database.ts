import { existsSync } from 'node:fs';
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Db } from '../../src/db/database.ts';
import { migrate, MIGRATIONS_DIR } from '../../src/db/migrate.ts';
import { openPglite } from '../../src/db/pglite-database.ts';
import { openPostgres } from '../../src/db/postgres-database.ts';
import { sha256Hex } from '../../src/stdx/hash.ts';

/**
 * Database suites (`*.db.test.ts`) run once on PGlite and once on a PostgreSQL server; the target
 * comes from FAIRCOLLECT_TEST_TARGET. Each suite gets a fresh, migrated database cloned from a
 * template, because initdb plus migrations per test would cost seconds each.
 */
export type TestTarget = 'pglite' | 'postgres';

export const TEST_TARGET: TestTarget = process.env.FAIRCOLLECT_TEST_TARGET === 'postgres' ? 'postgres' : 'pglite';
/**
 * The tests' own database on the server; it is created when missing, and the templates and
 * per-suite databases are created from a connection to it, so `npm test` never opens another one.
 */
export const TEST_DATABASE_URL_DEFAULT = 'postgres://postgres@127.0.0.1:5432/faircollect_test';
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || TEST_DATABASE_URL_DEFAULT;

export async function openTestDatabase(): Promise<Db> {
  return TEST_TARGET === 'postgres' ? openPostgresTestDatabase() : openPgliteTestDatabase();
}

async function migrationsHash(): Promise<string> {
  const files = (await readdir(MIGRATIONS_DIR)).filter((name) => name.endsWith('.sql')).sort();
  const texts = await Promise.all(files.map((file) => readFile(join(MIGRATIONS_DIR, file), 'utf8')));
  return sha256Hex(files.join('\n') + texts.join('\n')).slice(0, 12);
}

/** Builds the PGlite template once per schema version (the test runner calls this first). */
export async function preparePgliteTemplate(): Promise<string> {
  const path = join(tmpdir(), `faircollect-pglite-template-${await migrationsHash()}.tar`);
  if (existsSync(path)) return path;
  const { db, pglite } = await openPglite();
  await migrate(db);
  const dump = await pglite.dumpDataDir('none');
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, Buffer.from(await dump.arrayBuffer()));
  await rename(temporary, path);
  await db.close();
  return path;
}

async function openPgliteTestDatabase(): Promise<Db> {
  const path = await preparePgliteTemplate();
  const { db } = await openPglite({ loadDataDir: new Blob([await readFile(path)]) });
  return db;
}

/** Creates (once per schema version) a migrated template database on the server. */
export async function preparePostgresTemplate(): Promise<string> {
  await ensureTestDatabase();
  const name = `faircollect_template_${await migrationsHash()}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    const existing = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (existing.rowCount === 0) {
      const building = `${name}_building_${randomBytes(4).toString('hex')}`;
      await admin.query(`CREATE DATABASE ${building}`);
      const { db } = await openPostgres(withDatabase(TEST_DATABASE_URL, building));
      await migrate(db);
      await db.close();
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`).catch(async () => {
        await admin.query(`DROP DATABASE IF EXISTS ${building}`);
      });
    }
  } finally {
    await admin.end();
  }
  return name;
}

async function openPostgresTestDatabase(): Promise<Db> {
  const template = await preparePostgresTemplate();
  const name = `faircollect_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  await admin.end();
  const { db } = await openPostgres(withDatabase(TEST_DATABASE_URL, name));
  return {
    ...db,
    async close() {
      await db.close();
      const dropper = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Is a PostgreSQL server reachable at TEST_DATABASE_URL? Creates its database when missing. */
export async function postgresReachable(): Promise<string | null> {
  try {
    await ensureTestDatabase();
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

const DATABASE_MISSING = '3D000';
/** Another process created it first: 42P04, or 23505 when both inserted into pg_database at once. */
const DATABASE_CREATED_CONCURRENTLY = new Set(['42P04', '23505']);
/** The server's maintenance database, opened only to create the test database. */
const MAINTENANCE_DATABASE = 'postgres';
const ensured = new Map<string, Promise<void>>();

/**
 * Makes sure the database of the URL (TEST_DATABASE_URL by default) exists, once per process.
 * When the server says it does not, it is created from a connection to the maintenance database;
 * another test process creating it at the same moment is fine.
 */
export function ensureTestDatabase(url: string = TEST_DATABASE_URL): Promise<void> {
  let pending = ensured.get(url);
  if (pending === undefined) {
    pending = createDatabaseIfMissing(url);
    ensured.set(url, pending);
    // A failure (server down) is reported to this caller; the next one tries again.
    pending.catch(() => ensured.delete(url));
  }
  return pending;
}

async function createDatabaseIfMissing(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return;
  } catch (error) {
    if ((error as { code?: string }).code !== DATABASE_MISSING) throw error;
  }
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = new pg.Client({
    connectionString: withDatabase(url, MAINTENANCE_DATABASE), connectionTimeoutMillis: 3000,
  });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } catch (error) {
    if (!DATABASE_CREATED_CONCURRENTLY.has((error as { code?: string }).code ?? '')) throw error;
  } finally {
    await admin.end();
  }
}

/**
 * A database that a child process can open too: an on-disk PGlite directory or a PostgreSQL
 * database, with the environment that points `faircollect` at it. Used by tests that run the CLI
 * as a separate process (and kill it).
 */
export type SharedTestDatabase = {
  env: Record<string, string>;
  open(): Promise<Db>;
  /** A byte-for-byte copy, taken while nobody has the database open. */
  copy(): Promise<SharedTestDatabase>;
  dispose(): Promise<void>;
};

export async function createSharedTestDatabase(): Promise<SharedTestDatabase> {
  if (TEST_TARGET === 'postgres') {
    const template = await preparePostgresTemplate();
    return sharedPostgres(template);
  }
  const { mkdtemp } = await import('node:fs/promises');
  const directory = await mkdtemp(join(tmpdir(), 'faircollect-shared-'));
  const { db } = await openPglite({ dataDir: directory, loadDataDir: new Blob([await readFile(await preparePgliteTemplate())]) });
  await db.close();
  return sharedPglite(directory);
}

function sharedPglite(directory: string): SharedTestDatabase {
  return {
    env: { FAIRCOLLECT_DATA_DIR: directory, DATABASE_URL: '' },
    open: async () => (await openPglite({ dataDir: directory })).db,
    async copy() {
      const { cp, mkdtemp } = await import('node:fs/promises');
      const target = await mkdtemp(join(tmpdir(), 'faircollect-shared-'));
      await cp(directory, target, { recursive: true });
      return sharedPglite(target);
    },
    async dispose() {
      const { rm } = await import('node:fs/promises');
      await rm(directory, { recursive: true, force: true });
    },
  };
}

async function sharedPostgres(template: string): Promise<SharedTestDatabase> {
  await ensureTestDatabase();
  const name = `faircollect_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  await admin.end();
  const url = withDatabase(TEST_DATABASE_URL, name);
  return {
    env: { DATABASE_URL: url },
    open: async () => (await openPostgres(url)).db,
    copy: () => sharedPostgres(name),
    async dispose() {
      const dropper = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
