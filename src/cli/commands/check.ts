import type { Command } from 'commander';
import { UsageError } from '../usage-error.ts';

/**
 * `faircollect check`: may this action happen now? Reads one situation as JSON on standard input
 * (the situation's fields plus `time`, the instant of the decision), evaluates it under the pack it
 * names and the lender's settings, and prints the Decision as JSON. Exit 0 when allowed, 1 when
 * denied, 2 on bad input with a message naming the field. The format is documented in docs/check.md.
 */
export function register(program: Command): void {
  program
    .command('check')
    .description('Decide one action: a JSON situation on stdin → the Decision as JSON (exit 0 '
      + 'allowed, 1 denied, '
      + '2 bad input). See docs/check.md.')
    .option('--settings <file>', 'lender settings (JSON or YAML) that tighten the pack\'s parameters')
    .option('--compact', 'print the Decision on one line')
    .action(async (options: { settings?: string; compact?: boolean }) => {
      const { decideCheckRequest } = await import('../../policy/decide-check-request.ts');
      const settings = options.settings === undefined ? {} : await readSettings(options.settings);
      const input = await readStdin();
      let document: unknown;
      try {
        document = JSON.parse(input);
      } catch (error) {
        throw new UsageError(`standard input is not valid JSON: ${(error as Error).message}`);
      }
      const checked = decideCheckRequest(document, settings);
      if (!checked.ok && checked.reason === 'invalid_request') {
        const lines = checked.problems.map((problem) => `  ${problem.path}: ${problem.message}`);
        throw new UsageError(`invalid situation:\n${lines.join('\n')}`);
      }
      if (!checked.ok) {
        // Each message starts with the parameter's dotted key, which is its field in the file.
        const lines = checked.problems.map((problem) => `  ${problem.message}`);
        throw new UsageError(`--settings ${options.settings}: invalid settings:\n${lines.join('\n')}`);
      }
      const { decision } = checked;
      process.stdout.write(`${JSON.stringify(decision, null, options.compact ? undefined : 2)}\n`);
      process.exitCode = decision.allowed ? 0 : 1;
    });
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new UsageError('pipe a JSON situation into standard input (see '
    + 'docs/check.md)');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') throw new UsageError('standard input is empty: pipe a JSON situation (see '
    + 'docs/check.md)');
  return text;
}

export async function readSettings(path: string): Promise<Record<string, unknown>> {
  const { readFile } = await import('node:fs/promises');
  const { parse } = await import('yaml');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new UsageError(`--settings ${path}: ${missing ? 'no such file' : (error as Error).message}`);
  }
  let value: unknown;
  try {
    value = parse(text);
  } catch (error) {
    throw new UsageError(`--settings ${path}: not JSON or YAML: ${(error as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new UsageError(`--settings ${path}: must hold an object of parameters`);
  }
  return value as Record<string, unknown>;
}
