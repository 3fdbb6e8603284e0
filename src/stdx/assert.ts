/**
 * Assertions catch programmer errors: a broken invariant crashes the request or job instead of
 * writing a wrong number. Expected failures (bad input, a rule saying no) are returned as values
 * with reason codes, never thrown through here.
 */
export class AssertionError extends Error {
  override name = 'AssertionError';
}

export function assert(condition: unknown, message = 'assertion failed'): asserts condition {
  if (!condition) throw new AssertionError(message);
}

export function unreachable(value: never, message = 'unreachable'): never {
  throw new AssertionError(`${message}: ${JSON.stringify(value)}`);
}
