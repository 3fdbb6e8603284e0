import { MASKED_DOCUMENT_ID_CHARACTERS_MIN, MASKED_RESIDENT_ID_CHARACTERS_MIN } from '../../config/limits.ts';

/**
 * A national ID number as staff see it by default. For China's 18-character resident identity
 * number (GB 11643) the first 4 (province and city) and the last 4 (sequence and check character)
 * stay, and the 10 in between, which hold the county and the date of birth, are hidden:
 * `110101199003071234` → `1101**********1234`. The old 15-digit number keeps the same 4 and 4.
 * A shorter document number (a passport, a foreign ID: 6 to 14 characters) keeps its first
 * character and its last 2; below 6 characters everything is hidden. Only letters and digits are
 * masked; spaces and dashes stay, so the layout is preserved.
 */
export function maskNationalId(value: string): string {
  const count = (value.match(ID_CHARACTER) ?? []).length;
  const [first, last] = count >= MASKED_RESIDENT_ID_CHARACTERS_MIN ? [4, 4]
    : count >= MASKED_DOCUMENT_ID_CHARACTERS_MIN ? [1, 2]
      : [0, 0];
  let seen = 0;
  return value.replace(ID_CHARACTER, (character) => {
    const index = seen++;
    return index < first || index >= count - last ? character : '*';
  });
}

/** Letters and digits of any script (a full-width number is still a number). */
const ID_CHARACTER = /[\p{L}\p{Nd}]/gu;
