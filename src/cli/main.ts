import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { DatabaseOpenError } from '../db/database-open-error.ts';
import { UsageError } from './usage-error.ts';

/**
 * The `faircollect` command. Each file in ./commands exports `register(program)` and adds one
 * command; heavy modules are imported inside the action so `faircollect --help` stays instant.
 * Exit codes: 0 success, 1 a negative answer (a denied decision, failed tests), 2 bad input or a
 * database that cannot be opened (each printed as one line that says what to do, without a stack),
 * 70 an internal error (a defect to report, with its stack; never read as an answer).
 */
const COMMANDS_DIR = fileURLToPath(new URL('./commands/', import.meta.url));

export async function buildProgram(): Promise<Command> {
  const program = new Command('faircollect')
    .description('Collect overdue consumer credit lawfully and humanely.')
    .showHelpAfterError()
    .exitOverride();
  const files = (await readdir(COMMANDS_DIR))
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts')).sort();
  for (const file of files) {
    const module = (await import(COMMANDS_DIR + file)) as { register?: (program: Command) => void };
    if (typeof module.register === 'function') module.register(program);
  }
  return program;
}

export async function runCli(argv: readonly string[]): Promise<number> {
  const program = await buildProgram();
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof UsageError || error instanceof DatabaseOpenError) {
      process.stderr.write(`faircollect: ${error.message}\n`);
      return 2;
    }
    // A defect, not an answer: exit 1 means "denied" or "rows rejected" to a caller, so a crash
    // must never look like one. 70 is EX_SOFTWARE; the stack goes to stderr for the report.
    process.stderr.write(`faircollect: internal error, please report it: ${describe(error)}\n`);
    return INTERNAL_ERROR_EXIT_CODE;
  }
}

const INTERNAL_ERROR_EXIT_CODE = 70;

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await runCli(process.argv.slice(2));
}
