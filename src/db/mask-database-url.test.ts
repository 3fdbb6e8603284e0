// A database URL shown in a message keeps everything a person needs to find the server, and never
// the password, whether in the user part or in a query parameter, encoded or not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maskDatabaseUrl, passwordsOf } from './mask-database-url.ts';

test('maskDatabaseUrl hides passwords and keeps the rest', () => {
  const cases: [string, string][] = [
    ['postgres://u:secret@127.0.0.1:1/x', 'postgres://u:***@127.0.0.1:1/x'],
    ['postgres://u@db.example:5432/x', 'postgres://u@db.example:5432/x'],
    ['postgresql://u:p%40ss@h/db?sslmode=require&password=zz',
      'postgresql://u:***@h/db?sslmode=require&password=***'],
    ['postgres://[not-a-host', '(DATABASE_URL, not shown: it is not a valid URL)'],
  ];
  for (const [url, masked] of cases) assert.equal(maskDatabaseUrl(url), masked, url);
});

test('passwordsOf lists each password as written and decoded, for cleaning error messages', () => {
  assert.deepEqual(passwordsOf('postgresql://u:p%40ss@h/db?password=zz'), ['p%40ss', 'p@ss', 'zz']);
  assert.deepEqual(passwordsOf('postgres://u:100%zz@h/db'), ['100%zz', '100%zz']);
  assert.deepEqual(passwordsOf('postgres://u@h/db'), []);
});
