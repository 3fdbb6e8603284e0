import type { Command } from 'commander';
import type { LenderSettings } from '../../policy/index.ts';
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
    .option('--settings <file>', 'lender settings (JSON or YAML) that tighten the packs\' parameters; '
      + 'overrides FAIRCOLLECT_SETTINGS')
    .option('--compact', 'print the Decision on one line')
    .action(async (options: { settings?: string; compact?: boolean }) => {
      const { decideCheckRequest } = await import('../../policy/decide-check-request.ts');
      const { settings, source } = await readSettings(options.settings);
      const input = await readStdin();
      let document: unknown;
      try {
        document = JSON.parse(input);
      } catch (error) {
        throw new UsageError(`standard input is not valid JSON: ${(error as Error).message}`);
      }
      const checked = decideCheckRequest(document, settingsOf(settings, document));
      if (!checked.ok && checked.reason === 'invalid_request') {
        const lines = checked.problems.map((problem) => `  ${problem.path}: ${problem.message}`);
        throw new UsageError(`invalid situation:\n${lines.join('\n')}`);
      }
      if (!checked.ok) {
        // Each message starts with the parameter's dotted key, which is its field in the file.
        const lines = checked.problems.map((problem) => `  ${problem.message}`);
        throw new UsageError(`${source}: invalid settings:\n${lines.join('\n')}`);
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

/**
 * Each pack's settings: from `--settings` when given, split by pack and validated against the
 * situation's pack once it is parsed (docs/check.md); else from FAIRCOLLECT_SETTINGS, the file the
 * server and the cycle decide under, refused as they refuse it when it fails any pack.
 */
async function readSettings(option: string | undefined): Promise<{
  settings: Partial<Record<string, LenderSettings>>; source: string;
}> {
  const { loadConfiguredPolicy, readLenderSettings } =
    await import('../../app/settings/load-lender-policy.ts');
  if (option !== undefined) {
    const source = `--settings ${option}`;
    const read = await readLenderSettings(option, source);
    if (!read.ok) throw new UsageError(read.message);
    return { settings: read.settings, source };
  }
  const { loadConfig } = await import('../load-config.ts');
  const loaded = await loadConfiguredPolicy(loadConfig());
  if (!loaded.ok) throw new UsageError(loaded.message);
  // Validated against every pack already: the situation's pack cannot refuse these settings later.
  return { settings: loaded.policy.settings, source: loaded.policy.source ?? 'FAIRCOLLECT_SETTINGS' };
}

/**
 * The pack the situation names, to pick its settings before it is parsed; anything else gets none,
 * and the parse then refuses the situation by its field.
 */
function settingsOf(settings: Partial<Record<string, LenderSettings>>, document: unknown): LenderSettings {
  if (document === null || typeof document !== 'object') return {};
  const pack = (document as { pack?: unknown }).pack;
  return typeof pack === 'string' && Object.hasOwn(settings, pack) ? settings[pack]! : {};
}
