import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  postgresReachable, preparePgliteTemplate, preparePostgresTemplate, TEST_DATABASE_URL,
} from '../test/support/test-database.ts';

/**
 * `npm test`: the type check, then every test file on PGlite, then the database suites
 * (`*.db.test.ts`) again on a PostgreSQL server, in the tests' own database (TEST_DATABASE_URL,
 * by default `faircollect_test`, created when missing) and databases made from it. In CI (CI=true) or with FAIRCOLLECT_REQUIRE_POSTGRES=1
 * an unreachable server fails the run; on a newcomer's machine without one it is reported and
 * skipped so that `npm test` still proves everything else.
 */
const ROOT = new URL('..', import.meta.url).pathname;
const TEST_CONCURRENCY = 2;

function findTests(directory: string, found: string[] = []): string[] {
  for (const name of readdirSync(directory)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(directory, name);
    if (statSync(path).isDirectory()) findTests(path, found);
    else if (name.endsWith('.test.ts')) found.push(relative(ROOT, path));
  }
  return found;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): number {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

const filter = process.argv.slice(2);
const selected = (files: string[]) =>
  filter.length === 0 ? files : files.filter((file) => filter.some((part) => file.includes(part)));
const all = selected([
  ...findTests(join(ROOT, 'src')), ...findTests(join(ROOT, 'test')), ...findTests(join(ROOT, 'bench')),
].sort());
const databaseSuites = all.filter((file) => file.endsWith('.db.test.ts'));

console.log('typecheck: tsc --noEmit');
if (run(join(ROOT, 'node_modules/.bin/tsc'), ['--noEmit', '-p', 'tsconfig.json']) !== 0) process.exit(1);

await preparePgliteTemplate();
const nodeTest = (files: string[]) => ['--test', `--test-concurrency=${TEST_CONCURRENCY}`, ...files];
console.log(`\nPGlite run: ${all.length} test files`);
let failed = run(process.execPath, nodeTest(all), { FAIRCOLLECT_TEST_TARGET: 'pglite' }) !== 0;

const requirePostgres = process.env.CI === 'true' || process.env.FAIRCOLLECT_REQUIRE_POSTGRES === '1';
const unreachable = databaseSuites.length > 0 ? await postgresReachable() : null;
if (databaseSuites.length === 0) {
  console.log('\nPostgreSQL run: no database suites selected');
} else if (unreachable !== null) {
  const message = `PostgreSQL at ${TEST_DATABASE_URL} is unreachable (${unreachable})`;
  if (requirePostgres) {
    console.error(`\nPostgreSQL run FAILED: ${message}. It is mandatory in CI.`);
    failed = true;
  } else {
    console.warn(`\nPostgreSQL run SKIPPED: ${message}. Set TEST_DATABASE_URL to run it.`);
  }
} else {
  await preparePostgresTemplate();
  console.log(`\nPostgreSQL run: ${databaseSuites.length} database suites`);
  failed = run(process.execPath, nodeTest(databaseSuites), { FAIRCOLLECT_TEST_TARGET: 'postgres' }) !== 0 || failed;
}
process.exit(failed ? 1 : 0);
