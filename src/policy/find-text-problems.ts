import { describeInvalidCharacter, findInvalidCharacter } from '../domain/input/find-invalid-character.ts';

/**
 * Finds every text in an untrusted document (a situation, a policy test file, lender settings)
 * that holds a NUL or a lone UTF-16 surrogate, in values and in field names alike, and names it by
 * its dotted path (`history.3.partyId`). Such a text cannot be stored or printed faithfully, and a
 * message that echoed it would carry the character on to a terminal or a log; so this runs before
 * any other check, and no later message can quote one.
 *
 * The walk uses its own stack rather than recursion: a document nested a hundred thousand levels
 * deep is refused by the schema afterwards, and must not overflow the call stack first.
 */
export type TextProblem = { readonly path: string; readonly message: string };

export function findTextProblems(document: unknown, root = ''): TextProblem[] {
  const problems: TextProblem[] = [];
  const pending: Array<{ readonly path: string; readonly value: unknown }> = [
    { path: root, value: document },
  ];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { path, value } = next;
    if (typeof value === 'string') {
      const index = findInvalidCharacter(value);
      if (index >= 0) {
        const character = describeInvalidCharacter(value, index);
        const message = `holds ${character} at character ${index + 1}`;
        problems.push({ path: path || '(document)', message });
      }
    } else if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index -= 1) {
        pending.push({ path: join(path, String(index)), value: value[index] });
      }
    } else if (value !== null && typeof value === 'object') {
      for (const [name, item] of Object.entries(value).reverse()) {
        const index = findInvalidCharacter(name);
        if (index >= 0) {
          problems.push({ path: path || '(document)',
            message: `has a field name that holds ${describeInvalidCharacter(name, index)}` });
        } else {
          pending.push({ path: join(path, name), value: item });
        }
      }
    }
  }
  return problems;
}

function join(left: string, right: string): string {
  return left === '' ? right : `${left}.${right}`;
}
