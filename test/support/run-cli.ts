import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SharedTestDatabase } from './test-database.ts';

const CLI = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

export type CliRun = { status: number | null; stdout: string; stderr: string };

/**
 * `faircollect ARGS` in its own process, as an operator runs it, on the shared test database, with
 * `input` on standard input and no lender settings file; Node's own warnings (a dependency's
 * deprecations) are left out of stderr, which is the product's output only.
 */
export function runCli(database: SharedTestDatabase, args: readonly string[], input = ''): CliRun {
  const env: NodeJS.ProcessEnv = { ...process.env, ...database.env, LOG_LEVEL: 'warn' };
  delete env.FAIRCOLLECT_SETTINGS;
  const done = spawnSync(process.execPath, [CLI, ...args], { env, input, encoding: 'utf8' });
  const stderr = done.stderr.split(/(?<=\n)/)
    .filter((line) => !/^\(node:\d+\) |^\(Use `node/.test(line)).join('');
  return { status: done.status, stdout: done.stdout, stderr };
}
