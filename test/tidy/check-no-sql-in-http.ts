import type { ScannedSource, Token } from './scan-source.ts';
import type { ScannedFile, Violation } from './violation.ts';

/**
 * HTTP code speaks HTTP only: schemas, mapping rejections to statuses, serialisation. Every read
 * and write of the database belongs to a use case or read model in src/app/, where it can be
 * tested without a server and reused by the console, the command line and the jobs. So a file
 * under src/http/ (tests aside) may neither run a query on a database handle nor hold SQL text.
 *
 * SQL is recognised by its upper-case keywords, the way this code base writes it; prose in
 * summaries and messages ("select a date from the list") is lower case and is not mistaken for it.
 */
const HTTP_FOLDER = 'src/http/';
const TEST_FILE = /\.test\.ts$/;
const DATABASE_HANDLES = new Set(['db', 'tx']);
const QUERY_METHODS = new Set(['query', 'exec']);
const SQL_PATTERNS: readonly (readonly [RegExp, string])[] = [
  [/\bSELECT\b[\s\S]*?\bFROM\b/, 'SELECT … FROM'],
  [/\bINSERT\s+INTO\b/, 'INSERT INTO'],
  [/\bUPDATE\b[\s\S]*?\bSET\b/, 'UPDATE … SET'],
  [/\bDELETE\s+FROM\b/, 'DELETE FROM'],
];
const ADVICE = 'move the query into a use case or read model under src/app/ and call that from the route';

/**
 * Files that may hold SQL until their queries are moved to src/app/. None does now: the console's
 * queries are read models in src/app/portfolio/. The list stays so that a file which must keep SQL
 * for a while can be named here; an entry whose file no longer holds any is reported, so the list
 * only shrinks.
 */
const SQL_IN_HTTP_ALLOWED: readonly string[] = [];

export function checkNoSqlInHttp(
  files: readonly ScannedFile[], allowed: readonly string[] = SQL_IN_HTTP_ALLOWED,
): Violation[] {
  const violations: Violation[] = [];
  const stillNeeded = new Set<string>();
  for (const file of files) {
    if (!file.path.startsWith(HTTP_FOLDER) || TEST_FILE.test(file.path)) continue;
    const found = findSql(file.path, file.source);
    if (found.length === 0) continue;
    if (allowed.includes(file.path)) stillNeeded.add(file.path);
    else violations.push(...found);
  }
  for (const path of allowed) {
    if (stillNeeded.has(path)) continue;
    violations.push({
      path, line: 1, rule: 'no SQL in http',
      advice: 'the file holds no SQL any more: remove it from SQL_IN_HTTP_ALLOWED in ' +
        'test/tidy/check-no-sql-in-http.ts',
    });
  }
  return violations;
}

function findSql(path: string, source: ScannedSource): Violation[] {
  const violations: Violation[] = [];
  const seen = new Set<string>();
  const add = (line: number, advice: string) => {
    if (seen.has(`${line} ${advice}`)) return;
    seen.add(`${line} ${advice}`);
    violations.push({ path, line, rule: 'no SQL in http', advice });
  };
  const continuations = new Set<number>();
  source.tokens.forEach((token, index) => {
    const call = queryCall(source.tokens, index);
    if (call !== null) add(token.line, `\`${call}\` runs SQL; ${ADVICE}`);
    if (token.kind !== 'string' && token.kind !== 'template') return;
    if (continuations.has(index)) return;
    const last = token.kind === 'template' ? templateEnd(source, index, continuations) : index;
    const text = source.text.slice(token.start, source.tokens[last]!.end);
    for (const [pattern, name] of SQL_PATTERNS) {
      const match = pattern.exec(text);
      if (match === null) continue;
      add(source.lineAt(token.start + match.index), `a string holds SQL (${name}); ${ADVICE}`);
    }
  });
  return violations;
}

/**
 * The index of the last token of the template literal that opens at `first`, recording its later
 * chunks in `continuations`. The lexer cuts a template at each `${ … }`, so `SELECT ${columns} FROM t`
 * arrives in pieces; the literal is read whole, substitutions included, so the keywords meet again.
 */
function templateEnd(source: ScannedSource, first: number, continuations: Set<number>): number {
  const { tokens, closing } = source;
  let last = first;
  // A substitution starts exactly where the chunk before it ends; a chunk resumes exactly at its `}`.
  while (isPunct(tokens[last + 1], '${') && tokens[last + 1]!.start === tokens[last]!.end) {
    const close = closing[last + 1]!;
    if (close === -1) return last;
    const after = tokens[close + 1];
    const resumes = after !== undefined && after.start === tokens[close]!.end;
    if (resumes && after.kind === 'template') {
      continuations.add(close + 1);
      last = close + 1;
    } else if (resumes && isPunct(after, '${')) {
      last = close;
    } else {
      return close;
    }
  }
  return last;
}

/** `db.query`, `tx.exec`, `db?.query` and the like (also as a property: `options.db.query`), or null. */
function queryCall(tokens: readonly Token[], index: number): string | null {
  const handle = tokens[index]!;
  if (handle.kind !== 'word' || !DATABASE_HANDLES.has(handle.text)) return null;
  let next = index + 1;
  if (isPunct(tokens[next], '?')) next += 1;
  if (!isPunct(tokens[next], '.')) return null;
  const method = tokens[next + 1];
  if (method?.kind !== 'word' || !QUERY_METHODS.has(method.text)) return null;
  return `${handle.text}.${method.text}`;
}

function isPunct(token: Token | undefined, text: string): boolean {
  return token !== undefined && token.kind === 'punct' && token.text === text;
}
