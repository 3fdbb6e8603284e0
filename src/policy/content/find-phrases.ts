import type { NormalizedText } from './normalize-text.ts';

/**
 * Fixed phrases, for what is a matter of words rather than of what a sentence does: the words
 * that reveal a debt to a third party, the labels of itemised amounts, an opt-out statement.
 * Chinese phrases are found in the compact form, English ones on word boundaries (a trailing `*`
 * also matches longer words); both are written in the normalised form.
 */
export type PhraseList = { readonly zh: readonly string[]; readonly en: readonly string[] };

export type PhraseHit = { readonly phrase: string; readonly at: number };

export function findPhrases(text: NormalizedText, list: PhraseList): PhraseHit[] {
  const found: PhraseHit[] = [];
  const add = ([start, end]: readonly [number, number]) =>
    found.push({ phrase: text.original.slice(start, end), at: start });
  for (const phrase of list.zh) findCompact(text, phrase).forEach(add);
  for (const phrase of list.en) findWords(text, phrase).forEach(add);
  return found;
}

/** Every occurrence of a compact phrase, as [start, end) offsets into the original text. */
function findCompact(text: NormalizedText, phrase: string): Array<readonly [number, number]> {
  const found: Array<readonly [number, number]> = [];
  let from = text.compact.indexOf(phrase);
  while (from !== -1) {
    const last = from + phrase.length - 1;
    found.push([text.compactIndex[from]!, text.compactIndex[last]! + 1]);
    from = text.compact.indexOf(phrase, from + 1);
  }
  return found;
}

/** Every occurrence of a word phrase (matched on word boundaries; a trailing `*` matches a prefix). */
function findWords(text: NormalizedText, phrase: string): Array<readonly [number, number]> {
  const found: Array<readonly [number, number]> = [];
  const prefix = phrase.endsWith('*');
  const needle = ` ${prefix ? phrase.slice(0, -1) : `${phrase} `}`;
  let from = text.words.indexOf(needle);
  while (from !== -1) {
    const start = text.wordsIndex[from + 1]!;
    let last = from + needle.length - (prefix ? 1 : 2);
    if (prefix) while (/[\p{L}\p{N}]/u.test(text.words[last + 1] ?? '')) last += 1;
    found.push([start, (text.wordsIndex[last] ?? text.original.length - 1) + 1]);
    from = text.words.indexOf(needle, from + 1);
  }
  return found;
}
