// The no-SQL-in-http check run on small made-up files, like the other checks in checks.test.ts:
// one file that holds SQL in every form the check knows, files that keep the rule (prose, calls
// into src/app/, tests, other folders), and the allowlist, which passes a listed file only while
// it still holds SQL. The whole `path:line: rule` list is compared.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkNoSqlInHttp } from './check-no-sql-in-http.ts';
import { scanSource } from './scan-source.ts';
import type { ScannedFile, Violation } from './violation.ts';

const file = (path: string, lines: readonly string[]): ScannedFile =>
  ({ path, source: scanSource(lines.join('\n')) });
const where = (violations: readonly Violation[]) =>
  violations.map((violation) => `${violation.path}:${violation.line}: ${violation.advice.split(';')[0]}`);

test('queries on a database handle and SQL in strings are reported by line', () => {
  const routes = file('src/http/api/things-routes.ts', [
    "const rows = await db.query('SELECT id FROM thing');", // 1: the call and the string
    'await tx.query(statement, [id]);', // 2
    'await options.db?.exec(script);', // 3
    "const insert = 'INSERT INTO thing (id) VALUES ($1)';", // 4
    'const update = `UPDATE thing', // 5: the keyword's line, not the next
    '  SET name = $1`;',
    'const remove = "DELETE FROM thing";', // 7
    'const columns = `SELECT ${names.join(", ")}', // 8: one literal, cut by its substitution
    '  FROM ${table} WHERE ${where}`;',
    'const inner = `a ${`SELECT 1 FROM inner`} b`;', // 10: a template inside a substitution
  ]);
  assert.deepEqual(where(checkNoSqlInHttp([routes], [])), [
    'src/http/api/things-routes.ts:1: `db.query` runs SQL',
    'src/http/api/things-routes.ts:1: a string holds SQL (SELECT … FROM)',
    'src/http/api/things-routes.ts:2: `tx.query` runs SQL',
    'src/http/api/things-routes.ts:3: `db.exec` runs SQL',
    'src/http/api/things-routes.ts:4: a string holds SQL (INSERT INTO)',
    'src/http/api/things-routes.ts:5: a string holds SQL (UPDATE … SET)',
    'src/http/api/things-routes.ts:7: a string holds SQL (DELETE FROM)',
    'src/http/api/things-routes.ts:8: a string holds SQL (SELECT … FROM)',
    'src/http/api/things-routes.ts:10: a string holds SQL (SELECT … FROM)',
  ]);
});

test('prose, calls into src/app/, comments, tests and other folders pass', () => {
  const files = [
    file('src/http/api/cases-routes.ts', [
      "const summary = 'Select a case from the list, then update its settings';",
      'const limit = request.query.limit; const rows = await listCases(db, { limit });',
      '// SELECT * FROM planned_action used to be here; db.query now lives in src/app/.',
      "const label = 'SELECT'; const word = `FROM ${x}`;", // Keywords in separate literals.
      'const updated = `UPDATE ${count} rows`;',
      'const query = database.query; db.transaction(run);',
    ]),
    file('src/http/app.db.test.ts', ["await db.query('DELETE FROM account');"]),
    file('src/app/portfolio/list-cases.ts', ["await db.query('SELECT * FROM collection_case');"]),
  ];
  assert.deepEqual(where(checkNoSqlInHttp(files, [])), []);
});

test('an allowlisted file passes while it holds SQL, and its entry must go once it does not', () => {
  const console = file('src/http/console/console-routes.ts', ["await db.query('SELECT 1 FROM x');"]);
  const moved = file('src/http/console/console-routes.ts', ['await getLatestSnapshot(db);']);
  const allowed = ['src/http/console/console-routes.ts'];
  assert.deepEqual(where(checkNoSqlInHttp([console], allowed)), []);
  assert.deepEqual(where(checkNoSqlInHttp([moved], allowed)), [
    'src/http/console/console-routes.ts:1: the file holds no SQL any more: '
      + 'remove it from SQL_IN_HTTP_ALLOWED in test/tidy/check-no-sql-in-http.ts',
  ]);
  assert.equal(checkNoSqlInHttp([], allowed).length, 1, 'a listed file that is gone is reported');
});

test('the default allowlist is empty: SQL in any file under src/http/ is reported', () => {
  const console = file('src/http/console/console-routes.ts', ["await db.query('SELECT 1 FROM x');"]);
  assert.deepEqual(where(checkNoSqlInHttp([console])), [
    'src/http/console/console-routes.ts:1: `db.query` runs SQL',
    'src/http/console/console-routes.ts:1: a string holds SQL (SELECT … FROM)',
  ]);
  assert.deepEqual(where(checkNoSqlInHttp([])), [], 'no entry is left to report as stale');
});
