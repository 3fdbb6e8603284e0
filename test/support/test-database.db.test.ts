// The PostgreSQL run uses its own database, `faircollect_test` unless TEST_DATABASE_URL says
// otherwise, and creates it when the server does not have it yet; asking again, or from several
// test processes at once, is harmless. Runs on the PostgreSQL target only: PGlite has no server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import {
  ensureTestDatabase, TEST_DATABASE_URL, TEST_DATABASE_URL_DEFAULT, TEST_TARGET, withDatabase,
} from './test-database.ts';

test('the default test database is faircollect_test', () => {
  assert.equal(new URL(TEST_DATABASE_URL_DEFAULT).pathname, '/faircollect_test');
});

test('a missing test database is created, once, however often it is asked for',
  { skip: TEST_TARGET !== 'postgres' && 'PostgreSQL target only' }, async () => {
    const name = `faircollect_test_ensure_${randomBytes(4).toString('hex')}`;
    const url = withDatabase(TEST_DATABASE_URL, name);
    const server = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await server.connect();
    try {
      const count = async () => (await server.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]))
        .rowCount;
      assert.equal(await count(), 0);
      await Promise.all([ensureTestDatabase(url), ensureTestDatabase(url)]);
      await ensureTestDatabase(url);
      assert.equal(await count(), 1);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const [row] = (await client.query<{ name: string }>('SELECT current_database() AS name')).rows;
      await client.end();
      assert.equal(row?.name, name);
    } finally {
      await server.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await server.end();
    }
  });
