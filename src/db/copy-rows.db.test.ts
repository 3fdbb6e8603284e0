// copyRows on both engines: every value arrives exactly as given, whatever characters it holds, and
// null stays distinct from the empty string and from the text "\N".
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from './database.ts';
import { openTestDatabase } from '../../test/support/test-database.ts';

let db: Db;

before(async () => {
  db = await openTestDatabase();
});

after(async () => {
  await db.close();
});

const VALUES: (string | null)[] = [
  null, '', '\\N', '\\.', 'back\\slash', 'tab\there', 'new\nline', 'carriage\rreturn', '"quoted", with comma',
  '{"text":"一句\\"话\\"","n":[1,2]}', '\\\\\\', 'trailing backslash\\', '王小明, 上海',
];

test('values with backslashes, tabs, newlines, quotes and nulls round-trip exactly', async () => {
  await db.transaction(async (tx) => {
    await tx.exec('CREATE TEMP TABLE copied (n int, a text, b text) ON COMMIT DROP');
    await tx.copyRows('copied', ['n', 'a', 'b'], VALUES.map((value, index) => [String(index), value, value]));
    const rows = await tx.query<{ n: number; a: string | null; b: string | null }>(
      'SELECT n, a, b FROM copied ORDER BY n');
    assert.deepEqual(rows.map((row) => row.a), VALUES);
    assert.deepEqual(rows.map((row) => row.b), VALUES);
  });
});
