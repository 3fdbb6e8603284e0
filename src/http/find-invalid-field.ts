import { findInvalidCharacter } from '../domain/input/find-invalid-character.ts';

/**
 * The first text in a parsed request part (path parameters, query string or JSON body) that holds
 * a character no stored text may hold (NUL or a lone UTF-16 surrogate), with its field path in the
 * form the error responses use ("actor.agencyId", "lines.2"). Property names are checked as well
 * as values: a key can be stored too, inside a JSON document. The walk uses its own stack, so a
 * deeply nested body cannot exhaust the call stack.
 */
export type InvalidField = { field: string; text: string; index: number };

export function findInvalidField(value: unknown, prefix = ''): InvalidField | null {
  const pending: [unknown, string][] = [[value, prefix]];
  while (pending.length > 0) {
    const [current, path] = pending.pop()!;
    if (typeof current === 'string') {
      const index = findInvalidCharacter(current);
      if (index >= 0) return { field: path, text: current, index };
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    const entries = Object.entries(current);
    for (const [key] of entries) {
      const index = findInvalidCharacter(key);
      if (index >= 0) return { field: join(path, key), text: key, index };
    }
    // Pushed in reverse, so the first offending value in document order is the one reported.
    for (let position = entries.length - 1; position >= 0; position -= 1) {
      const [key, child] = entries[position]!;
      pending.push([child, join(path, key)]);
    }
  }
  return null;
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}
