import { PASSWORD_CHARS_MAX } from '../config/limits.ts';
import { UsageError } from './usage-error.ts';

/**
 * A secret piped on standard input: its first line, without the line ending. A terminal is refused
 * rather than echoing the secret as it is typed; pipe it: `printf '%s\n' "$PW" | faircollect …`.
 */
export async function readSecretFromStdin(what: string): Promise<string> {
  if (process.stdin.isTTY === true) {
    throw new UsageError(
      `pipe the ${what} on standard input, e.g. printf '%s\\n' "$PASSWORD" | faircollect …`,
    );
  }
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes('\n') || text.length > PASSWORD_CHARS_MAX * 4) break;
  }
  const line = text.split(/\r?\n/)[0] ?? '';
  if (line === '') throw new UsageError(`no ${what} on standard input`);
  return line;
}
