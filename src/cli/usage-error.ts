/**
 * Bad command-line input: the CLI prints the message (which names the argument or field) and
 * exits with status 2. Every command validates its arguments and throws this, never a bare Error.
 */
export class UsageError extends Error {
  override name = 'UsageError';
}
