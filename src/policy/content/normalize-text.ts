/**
 * Text as the content guard reads it, made robust to trivial evasion: full-width letters and
 * digits folded (NFKC), case folded, traditional characters of the guarded phrases mapped to
 * simplified ones, and two searchable forms kept with a map back to the original text so a
 * finding can quote the offending phrase exactly as written.
 *
 * - `compact`: every letter, digit and CJK character with all spaces, punctuation and symbols
 *   removed. Chinese phrases are matched here, so "诈 骗", "诈-骗" and "诈．骗" all match 诈骗.
 * - `words`: letters and digits, with every run of anything else turned into one space, and runs
 *   of single spaced-out letters ("a r r e s t") joined. English phrases are matched here on word
 *   boundaries, so "ARREST", "ａｒｒｅｓｔ" and "a.r.r.e.s.t" all match "arrest".
 */
export type NormalizedText = {
  readonly original: string;
  readonly compact: string;
  /** compact[i] came from original[compactIndex[i]]. */
  readonly compactIndex: readonly number[];
  readonly words: string;
  readonly wordsIndex: readonly number[];
};

/** Traditional forms of characters in the guarded phrases. */
const TRADITIONAL: Readonly<Record<string, string>> = {
  詐: '诈', 騙: '骗', 貸: '贷', 養: '养', 還: '还', 債: '债', 務: '务', 賴: '赖', 傳: '传', 執: '执',
  檢: '检', 開: '开', 關: '关', 報: '报', 黃: '黄', 門: '门', 據: '据', 庭: '庭', 銀: '银', 監: '监',
  險: '险', 費: '费', 額: '额', 違: '违', 約: '约', 帳: '账', 賬: '账', 單: '单', 錢: '钱', 親: '亲',
  層: '层', 體: '体', 網: '网', 絡: '络', 製: '制', 號: '号', 碼: '码', 處: '处', 員: '员', 責: '责',
  們: '们', 會: '会', 讓: '让', 給: '给', 聯: '联', 繫: '系', 係: '系', 機: '机', 構: '构', 徵: '征',
  信: '信', 罰: '罚', 緝: '缉', 獄: '狱', 罪: '罪', 嫌: '嫌', 負: '负', 後: '后', 這: '这', 裡: '里',
  滾: '滚', 廢: '废', 蟲: '虫', 賤: '贱', 經: '经', 偵: '侦', 亂: '乱', 壞: '坏', 東: '东', 補: '补',
  專: '专', 訴: '诉', 訟: '讼', 說: '说', 話: '话', 電: '电', 為: '为', 則: '则', 將: '将', 難: '难',
};

const KEPT = /[\p{L}\p{N}]/u;

/**
 * Normalised texts kept for reuse, at most this many. The daily cycle judges the same few message
 * templates for thousands of borrowers, and folding a text character by character was a tenth of
 * its policy work. The result is immutable, so sharing it is safe.
 */
export const NORMALIZED_TEXT_CACHE_MAX = 256;
const normalized = new Map<string, NormalizedText>();

export function normalizeText(text: string): NormalizedText {
  let result = normalized.get(text);
  if (result === undefined) {
    if (normalized.size >= NORMALIZED_TEXT_CACHE_MAX) normalized.clear();
    result = normalizeUncached(text);
    normalized.set(text, result);
  }
  return result;
}

function normalizeUncached(text: string): NormalizedText {
  const compactChars: string[] = [];
  const compactIndex: number[] = [];
  const wordChars: string[] = [];
  const wordsIndex: number[] = [];
  let index = 0;
  for (const raw of text) {
    const folded = fold(raw);
    for (const char of folded) {
      if (KEPT.test(char)) {
        compactChars.push(char);
        compactIndex.push(index);
        wordChars.push(char);
        wordsIndex.push(index);
      } else if (wordChars.length > 0 && wordChars[wordChars.length - 1] !== ' ') {
        wordChars.push(' ');
        wordsIndex.push(index);
      }
    }
    index += raw.length;
  }
  const joined = joinSpacedLetters(wordChars, wordsIndex);
  return {
    original: text, compact: compactChars.join(''), compactIndex,
    words: ` ${joined.chars.join('')} `, wordsIndex: [0, ...joined.index, text.length],
  };
}

/** The normalised compact form of a short string (an institution name, a reference). */
export function compactForm(text: string): string {
  return normalizeText(text).compact;
}

function fold(char: string): string {
  const normalized = char.normalize('NFKC').toLowerCase();
  return TRADITIONAL[normalized] ?? normalized;
}

/** Joins "a r r e s t" into "arrest": runs of four or more single letters separated by spaces. */
function joinSpacedLetters(chars: string[], index: number[]): { chars: string[]; index: number[] } {
  const isLetter = (at: number) => at >= 0 && at < chars.length && /^[a-z]$/.test(chars[at]!);
  const single = (at: number) => isLetter(at) && !isLetter(at - 1) && !isLetter(at + 1);
  const outChars: string[] = [];
  const outIndex: number[] = [];
  let at = 0;
  while (at < chars.length) {
    let end = at;
    while (single(end) && chars[end + 1] === ' ' && single(end + 2)) end += 2;
    if (end - at >= 6) {
      for (let letter = at; letter <= end; letter += 2) {
        outChars.push(chars[letter]!);
        outIndex.push(index[letter]!);
      }
      at = end + 1;
      continue;
    }
    outChars.push(chars[at]!);
    outIndex.push(index[at]!);
    at += 1;
  }
  return { chars: outChars, index: outIndex };
}

/** Every occurrence of a compact phrase, as [start, end) offsets into the original text. */
export function findCompact(text: NormalizedText, phrase: string): Array<readonly [number, number]> {
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
export function findWords(text: NormalizedText, phrase: string): Array<readonly [number, number]> {
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
