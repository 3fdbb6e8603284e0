/**
 * What of an unexpected error may go to the log. The SQL text, the SQLSTATE and the names of the
 * table, column and constraint help whoever is on call; the values do not, and they may be
 * personal data (a name, a phone number, an id card number). So the parameters PGlite attaches to
 * its errors, the `detail` and `where` PostgreSQL fills with key values ("Key (phone)=(…)"), and
 * the quoted values inside a database message ('invalid input syntax for type integer: "…"') are
 * left out; the stack keeps only its frames, because its first line repeats the message.
 */
export type SanitisedError = Record<string, string>;

export function sanitiseError(error: unknown): SanitisedError {
  if (!(error instanceof Error)) {
    return { type: typeof error, message: 'a thrown value that is not an Error' };
  }
  const fields = error as Error & Record<string, unknown>;
  const fromDatabase = typeof fields.severity === 'string' || SQLSTATE.test(String(fields.code ?? ''));
  const record: SanitisedError = {
    type: error.name,
    message: fromDatabase ? error.message.replace(QUOTED, '"…"') : error.message,
  };
  for (const key of KEPT) {
    const value = fields[key];
    if (typeof value === 'string' && value !== '') record[key] = value;
  }
  const frames = (error.stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at '));
  if (frames.length > 0) record.stack = frames.join('\n');
  return record;
}

/** Properties that name code or schema, never a caller's value. `query` is PGlite's SQL text. */
const KEPT = ['code', 'severity', 'routine', 'schema', 'table', 'column', 'constraint', 'dataType', 'query'];
const SQLSTATE = /^[0-9A-Z]{5}$/;
const QUOTED = /"(?:[^"]|"")*"/g;
