/**
 * Where a text holds a character no stored text may hold, or -1. Two kinds reach us from CSV,
 * JSON and URLs and cannot be stored faithfully: NUL (U+0000), which PostgreSQL `text` and `jsonb`
 * refuse, so one such cell used to abort a whole batch; and a lone UTF-16 surrogate (what
 * `"\ud800"` parses to in JSON), which has no UTF-8 form, so a driver would silently replace it
 * with U+FFFD and store something the sender never wrote.
 */
export function findInvalidCharacter(text: string): number {
  // The common case, a clean ASCII or CJK string, is one regular expression test.
  if (!SUSPECT.test(text)) return -1;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0) return index;
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = index + 1 < text.length ? text.charCodeAt(index + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        index += 1;
        continue;
      }
      return index;
    }
    if (code >= 0xdc00 && code <= 0xdfff) return index;
  }
  return -1;
}

const SUSPECT = /[\u0000\ud800-\udfff]/;

/** Names the character for a message without echoing the rest of the (maybe personal) value. */
export function describeInvalidCharacter(text: string, index: number): string {
  const code = text.charCodeAt(index);
  return code === 0 ? 'a NUL character (U+0000)'
    : `a lone UTF-16 surrogate (U+${code.toString(16).toUpperCase().padStart(4, '0')})`;
}
