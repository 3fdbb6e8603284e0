// The health check's read of the database, on the test database of each engine: a migrated schema
// is healthy and reports its table count, a schema without tables is `no_tables`, a table name that
// needs quoting is still read, and a table whose files are gone makes the check fail rather than
// pass. Each case runs in its own schema, reached through a transaction-local search_path.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../../db/database.ts';
import { openTestDatabase } from '../../../test/support/test-database.ts';
import { checkDatabase, type DatabaseCheck } from './check-database.ts';

let db: Db;
before(async () => {
  db = await openTestDatabase();
});
after(async () => {
  await db.close();
});

/** Creates `schema` with `setup`, then runs the check with only that schema on the search path. */
async function checkSchema(schema: string, setup: string): Promise<DatabaseCheck> {
  return db.transaction(async (tx) => {
    await tx.exec(`CREATE SCHEMA ${schema}; SET LOCAL search_path TO ${schema}; ${setup}`);
    return checkDatabase(tx);
  });
}

test('a migrated schema is healthy and every one of its tables is counted', async () => {
  const [expected] = await db.query<{ tables: number }>(
    'SELECT count(*)::int AS tables FROM pg_tables WHERE schemaname = current_schema()');
  assert.ok(expected!.tables > 10, `the migrated schema has ${expected!.tables} tables`);
  assert.deepEqual(await checkDatabase(db), { ok: true, tables: expected!.tables });
});

test('a schema without tables (never migrated) is not healthy', async () => {
  assert.deepEqual(await checkSchema('health_empty', ''), { ok: false, reason: 'no_tables' });
});

test('tables whose names need quoting are read too', async () => {
  const check = await checkSchema('health_quoted',
    'CREATE TABLE "odd ""name"" Table" (id int); CREATE TABLE "select" (id int);');
  assert.deepEqual(check, { ok: true, tables: 2 });
});

test('a table whose files are missing makes the check fail', async () => {
  // The table now points at a file that does not exist, as after losing its files on disk.
  await assert.rejects(checkSchema('health_broken', `CREATE TABLE kept (id int); CREATE TABLE lost (id int);
    UPDATE pg_class SET relfilenode = 999999999
      WHERE relname = 'lost' AND relnamespace = 'health_broken'::regnamespace;`), /could not open file/);
});
