import { describeInvalidCharacter, findInvalidCharacter } from '../input/find-invalid-character.ts';
import type { FieldProblem, RawRow } from './field-rules.ts';

/**
 * The first cell of a row that holds a character no stored text may hold (NUL, or a lone UTF-16
 * surrogate), as an `invalid_character` problem, or null. It runs on every cell of every row before
 * any other check, so no later message, lookup or COPY ever carries such a character: one of them
 * used to abort the whole batch in the database and lose the good rows beside it. A clean cell costs
 * one regular expression test. The message names the field, the character and its position, never
 * the value, which may be personal.
 */
export function findInvalidCell(row: RawRow): FieldProblem | null {
  for (const field in row) {
    const value = row[field];
    if (value === undefined) continue;
    const index = findInvalidCharacter(value);
    if (index !== -1) return invalidCharacterProblem(field, value, index);
  }
  return null;
}

/** The problem for `text` (the value of `field`, or what `where` names) at `index`. */
export function invalidCharacterProblem(
  field: string | null, text: string, index: number, where = field ?? 'The line',
): FieldProblem {
  const message = `${where} holds ${describeInvalidCharacter(text, index)} at character ${index + 1}.`;
  return { field, reason: 'invalid_character', message };
}
