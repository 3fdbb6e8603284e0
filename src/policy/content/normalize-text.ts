import { Converter } from 'opencc-js/t2cn';
import {
  NORMALIZED_TEXTS_KEPT_MAX, SENTENCE_CHARS_MIN, SIMPLIFIED_CHARACTERS_KEPT_MAX,
} from '../../config/limits.ts';
import { assert } from '../../stdx/assert.ts';

/**
 * Text as the content guard reads it, made robust to evasion, with maps back to the original so a
 * finding quotes the offending span exactly as written.
 *
 * Folding, per character: full-width and other compatibility forms to their plain form (NFKC),
 * lower case, traditional to simplified Chinese (OpenCC's maintained tables, not a hand map).
 * Then two searchable forms:
 * - `compact`: letters, digits and CJK characters only, so "诈 骗", "诈-骗" and "诈．骗" read 诈骗;
 *   common homophone spellings (煞笔, 坐劳) and pinyin abbreviations of insults (sb, nmsl) are
 *   rewritten to the word they stand for, always to a string of the same length so the map holds.
 * - `words`: letters and digits with one space between words; leetspeak inside a word is read as
 *   letters ("j@il", "4rrest", "l0ser"), "f*ck"'s star is kept, and spaced-out letters
 *   ("a r r e s t", "a.r.r.e.s.t") are joined.
 * Sentence and clause starts are kept for both forms: a pattern stays inside one sentence and a
 * negation reaches only to the end of its clause. A "sentence" of fewer than four characters is
 * joined to its neighbours, so punctuation between every character does not split a phrase.
 */
export type NormalizedText = {
  readonly original: string;
  readonly compact: string;
  /** compact[i] came from original[compactIndex[i]]. */
  readonly compactIndex: readonly number[];
  readonly words: string;
  readonly wordsIndex: readonly number[];
  /** Offsets in `compact` / `words` where a sentence or a clause begins (0 included). */
  readonly compactSentences: readonly number[];
  readonly compactClauses: readonly number[];
  readonly wordsSentences: readonly number[];
  readonly wordsClauses: readonly number[];
  readonly hasCjk: boolean;
  readonly hasLatin: boolean;
};

const toSimplified = Converter({ from: 'tw', to: 'cn' });
const KEPT = /[\p{L}\p{N}]/u;

/** Whether a character is a letter or digit (kept in both forms); fast paths for ASCII and CJK. */
function isKept(char: string): boolean {
  const code = char.charCodeAt(0);
  if (code < 128) {
    return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  }
  if (code >= 0x4e00 && code <= 0x9fff) return true;
  return KEPT.test(char);
}
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const SENTENCE_END = new Set(['。', '！', '？', '!', '?', '；', ';', '\n', '…']);
const CLAUSE_END = new Set([
  ',', '，', ':', '：', '(', ')', '（', '）', '"', '“', '”', '—', '-', '~', '|', '【', '】',
  '[', ']', '「', '」']);

/**
 * Same-length rewrites of deliberate misspellings into the word meant: homophones of guarded
 * words and the pinyin abbreviations collectors use as insults. Latin keys match only as a whole
 * run of letters and digits.
 */
const REWRITES: Readonly<Record<string, string>> = {
  煞笔: '傻逼', 沙比: '傻逼', 傻比: '傻逼', 傻笔: '傻逼', 傻b: '傻逼', 傻x: '傻逼', 煞b: '傻逼', 沙雕: '傻逼', 二b: '二逼',
  坐劳: '坐牢', 座牢: '坐牢', 作牢: '坐牢', 做牢: '坐牢', 坐老: '坐牢', 炸骗: '诈骗', 榨骗: '诈骗', 诈片: '诈骗', 拘溜: '拘留',
  抓铺: '抓捕', 逮铺: '逮捕', 公按: '公安', 功安: '公安', 警茶: '警察', 犯醉: '犯罪', 饭罪: '犯罪', 蓝狱: '监狱', 监域: '监狱',
  以带养带: '以贷养贷', 以代养代: '以贷养贷', 以袋养袋: '以贷养贷', 通迅录: '通讯录', 通讯路: '通讯录', 老来: '老赖',
  老癞: '老赖', 佬赖: '老赖', 垃极: '垃圾', 拉圾: '垃圾', 废勿: '废物', 人喳: '人渣',
  sb: '傻逼', '2b': '二逼', nmsl: '你妈死了', cnm: '操你妈', nmb: '你妈逼', tmd: '他妈的', mlgb: '妈了个逼', wcnm: '我操你妈',
  rnm: '日你妈', nt: '脑瘫', zz: '智障', lj: '垃圾', fw: '废物', gck: '滚出去', wbd: '王八蛋', zpq: '诈骗犯',
  zp: '诈骗', 坐lao: '坐牢坐牢', zuo牢: '坐牢坐牢', lao赖: '老赖老赖', 老lai: '老赖老赖', zuolao: '坐牢坐牢坐牢',
  laolai: '老赖老赖老赖', shabi: '傻逼傻逼傻', zhapian: '诈骗诈骗诈骗诈',
};
for (const [key, value] of Object.entries(REWRITES)) {
  assert(key.length === value.length, `rewrite ${key} must keep its length`);
}
const byLength = (left: string, right: string) => right.length - left.length;
/** Latin keys, read on the folded text where a run of letters still ends at a space or a comma. */
const LATIN_REWRITE = new RegExp(Object.keys(REWRITES).filter((key) => /^[a-z0-9]+$/.test(key)).sort(byLength)
  .map((key) => `(?<![a-z0-9])${key}(?![a-z0-9])`).join('|'), 'g');
/** Keys with Chinese characters, read on the compact form so that spacing does not hide them. */
const CJK_REWRITE = new RegExp(Object.keys(REWRITES).filter((key) => !/^[a-z0-9]+$/.test(key)).sort(byLength)
  .join('|'), 'g');
const LEET: Readonly<Record<string, string>> = { 0: 'o', 1: 'i', 3: 'e', 4: 'a', 5: 's', 7: 't', 8: 'b' };
const LEET_SYMBOL: Readonly<Record<string, string>> = { '@': 'a', $: 's', '!': 'i', '|': 'l', '*': '*' };

const normalized = new Map<string, NormalizedText>();

export function normalizeText(text: string): NormalizedText {
  let result = normalized.get(text);
  if (result === undefined) {
    if (normalized.size >= NORMALIZED_TEXTS_KEPT_MAX) normalized.clear();
    result = normalizeUncached(text);
    normalized.set(text, result);
  }
  return result;
}

/**
 * The normalised compact form of a short string (an institution name, a reference): the compact
 * form alone, kept apart from whole normalised texts, since a message's reference is new with
 * nearly every borrower and needs no word form.
 */
const compacted = new Map<string, string>();

export function compactForm(text: string): string {
  const whole = normalized.get(text);
  if (whole !== undefined) return whole.compact;
  let result = compacted.get(text);
  if (result === undefined) {
    if (compacted.size >= NORMALIZED_TEXTS_KEPT_MAX) compacted.clear();
    const folded = foldCharacters(text);
    const hasCjk = CJK.test(text);
    if (hasCjk) {
      simplify(folded);
      rewriteLatin(folded);
    }
    result = compactText(buildForm(folded, false), hasCjk);
    compacted.set(text, result);
  }
  return result;
}

/** The compact form's text, with the same-length rewrites of a text with Chinese characters. */
function compactText(compact: Form, hasCjk: boolean): string {
  const joined = compact.chars.join('');
  return hasCjk ? joined.replace(CJK_REWRITE, (found) => REWRITES[found]!) : joined;
}

type Folded = { readonly chars: string[]; readonly index: number[] };

export function normalizeUncached(text: string): NormalizedText {
  const folded = foldCharacters(text);
  const hasCjk = CJK.test(text);
  if (hasCjk) {
    simplify(folded);
    rewriteLatin(folded);
  }
  const compact = buildForm(folded, false);
  // Without a Latin letter there is nothing for an English pattern to read: the word form stays empty.
  const words = folded.chars.some(isLatin) ? buildForm(folded, true)
    : { chars: [], index: [], sentences: [0], clauses: [0] };
  // Most texts spell no word out letter by letter: then the word form is already joined.
  const joined = hasSpacedLetters(words.chars) ? joinSpacedLetters(words.chars, words.index)
    : { chars: words.chars, index: words.index, position: null };
  const wordsText = readLeetspeak(` ${joined.chars.join('')} `);
  // Offsets in the joined word form, shifted by its leading space.
  const { position } = joined;
  const shift = (list: number[]) => list.map((at) => (position === null ? at : position[at]!) + 1);
  return {
    original: text,
    compact: compactText(compact, hasCjk),
    compactIndex: compact.index,
    words: wordsText, wordsIndex: bracket(joined.index, text.length),
    compactSentences: realSentences(compact.sentences, compact.chars.length),
    compactClauses: compact.clauses,
    wordsSentences: realSentences(shift(words.sentences), wordsText.length),
    wordsClauses: shift(words.clauses),
    hasCjk, hasLatin: /[a-z]/.test(wordsText),
  };
}

/** `[0, ...index, end]`, for the word form's leading and trailing space, without spreading a long list. */
function bracket(index: readonly number[], end: number): number[] {
  const out = new Array<number>(index.length + 2);
  out[0] = 0;
  for (let at = 0; at < index.length; at += 1) out[at + 1] = index[at]!;
  out[index.length + 1] = end;
  return out;
}

function foldCharacters(text: string): Folded {
  const chars: string[] = [];
  const index: number[] = [];
  let at = 0;
  while (at < text.length) {
    const code = text.charCodeAt(at);
    if (code < 128) {
      // ASCII is already plain; only capitals fold.
      chars.push(ASCII_FOLDED[code]!);
      index.push(at);
      at += 1;
      continue;
    }
    if (code >= 0x4e00 && code <= 0x9fff) {
      // CJK ideographs are already plain too; each is made a string once, not once per text.
      chars.push(IDEOGRAPHS[code - 0x4e00] ??= String.fromCharCode(code));
      index.push(at);
      at += 1;
      continue;
    }
    const raw = String.fromCodePoint(text.codePointAt(at)!);
    const folded = raw.normalize('NFKC').toLowerCase();
    for (const char of folded) {
      chars.push(char);
      index.push(at);
    }
    at += raw.length;
  }
  return { chars, index };
}

/** The common CJK ideographs as strings, filled in as they are met (at most 20,992). */
const IDEOGRAPHS: Array<string | undefined> = new Array<string | undefined>(0x9fff - 0x4e00 + 1);
/** Each ASCII character as folded: capitals to lower case, the rest as they are. */
const ASCII_FOLDED: readonly string[] = Array.from({ length: 128 },
  (_, code) => String.fromCharCode(code >= 65 && code <= 90 ? code + 32 : code));

/**
 * Whether each character changes when simplified, memoised: most texts are already simplified, and
 * a text none of whose characters change needs no conversion at all. A character of two UTF-16
 * units is kept by its string, bounded (SIMPLIFIED_CHARACTERS_KEPT_MAX); one of one unit, far the
 * most common, by its code in a table of 64 Ki entries (0 not yet asked, 1 unchanged, 2 changed),
 * a lookup by number rather than by string for every character of every new text.
 */
const simplifiedChar = new Map<string, string>();
const UNASKED = 0;
const UNCHANGED = 1;
const CHANGED = 2;
const unitSimplifies = new Uint8Array(0x10000);

function changesWhenSimplified(chars: readonly string[]): boolean {
  for (const char of chars) {
    const code = char.charCodeAt(0);
    if (code < 0x3400) continue;
    if (char.length === 1) {
      let known = unitSimplifies[code]!;
      if (known === UNASKED) {
        known = toSimplified(char) === char ? UNCHANGED : CHANGED;
        unitSimplifies[code] = known;
      }
      if (known === CHANGED) return true;
      continue;
    }
    const kept = simplifiedChar.get(char);
    const simple: string = kept ?? toSimplified(char);
    if (kept === undefined) {
      if (simplifiedChar.size >= SIMPLIFIED_CHARACTERS_KEPT_MAX) simplifiedChar.clear();
      simplifiedChar.set(char, simple);
    }
    if (simple !== char) return true;
  }
  return false;
}

/** Traditional → simplified, in place; per character when the phrase converter changed a length. */
function simplify(folded: Folded): void {
  if (!changesWhenSimplified(folded.chars)) return;
  const joined = folded.chars.join('');
  const converted = toSimplified(joined);
  if (converted.length === joined.length && [...converted].length === folded.chars.length) {
    [...converted].forEach((char, at) => { folded.chars[at] = char; });
    return;
  }
  for (let at = 0; at < folded.chars.length; at += 1) {
    const char = toSimplified(folded.chars[at]!);
    if ([...char].length === 1) folded.chars[at] = char;
  }
}

/** Pinyin abbreviations in a Chinese text ("sb", "nmsl"), rewritten in place, one character each. */
function rewriteLatin(folded: Folded): void {
  const joined = folded.chars.join('');
  const rewritten = joined.replace(LATIN_REWRITE, (found) => REWRITES[found]!);
  if (rewritten === joined) return;
  const chars = [...rewritten];
  if (chars.length === folded.chars.length) chars.forEach((char, at) => { folded.chars[at] = char; });
}

type Form = { chars: string[]; index: number[]; sentences: number[]; clauses: number[] };

/** The compact form (`spaced` false) or the word form (`spaced` true) with its boundaries. */
function buildForm(folded: Folded, spaced: boolean): Form {
  const form: Form = { chars: [], index: [], sentences: [0], clauses: [0] };
  const { chars } = folded;
  for (let at = 0; at < chars.length; at += 1) {
    const char = chars[at]!;
    // Most characters are kept as they are; a leet symbol ("@", "$", "*") never is, so it is looked
    // at only among the others.
    if (isKept(char)) {
      form.chars.push(char);
      form.index.push(folded.index[at]!);
      continue;
    }
    const next = chars[at + 1] ?? ' ';
    if (spaced && char in LEET_SYMBOL && (isLatin(chars[at - 1] ?? ' ') || isLatin(next))) {
      form.chars.push(LEET_SYMBOL[char]!);
      form.index.push(folded.index[at]!);
      continue;
    }
    const sentenceEnd = SENTENCE_END.has(char) || (char === '.' && !/\d/.test(next));
    if (spaced && form.chars.length > 0 && form.chars[form.chars.length - 1] !== ' ') {
      form.chars.push(' ');
      form.index.push(folded.index[at]!);
    }
    if (sentenceEnd) mark(form.sentences, form.chars.length);
    // An English comma mostly lists ("any court, police department, or agency"); it ends no clause.
    const clauseEnd = CLAUSE_END.has(char) && !(spaced && char === ',');
    if (sentenceEnd || clauseEnd) mark(form.clauses, form.chars.length);
  }
  return form;
}

function isLatin(char: string): boolean {
  const code = char.charCodeAt(0);
  return code >= 97 && code <= 122 && char.length === 1;
}

function mark(list: number[], at: number): void {
  if (list[list.length - 1] !== at) list.push(at);
}

/** Drops a sentence boundary that would leave a piece shorter than SENTENCE_CHARS_MIN on either side. */
function realSentences(starts: readonly number[], length: number): number[] {
  const kept = [0];
  for (let at = 1; at < starts.length; at += 1) {
    const start = starts[at]!;
    const end = starts[at + 1] ?? length;
    const before = start - kept[kept.length - 1]!;
    if (before >= SENTENCE_CHARS_MIN && end - start >= SENTENCE_CHARS_MIN) kept.push(start);
  }
  return kept;
}

const LETTER_BESIDE_DIGIT = /[a-z*]\d|\d[a-z*]/;
/**
 * A run of letters, digits and stars that holds a digit beside a letter, i.e. one that holds both:
 * the only words leetspeak can hide in. Matching just these, not every word, keeps a long letter
 * with one reference number ("fc 1234q") from calling back once per word. A match starts only where
 * a run starts, so a word without a digit is read once, not again from each of its letters.
 */
const MIXED_WORD = /(?<![a-z0-9*])[a-z0-9*]*(?:[a-z*]\d|\d[a-z*])[a-z0-9*]*/g;
const ORDINAL_OR_UNIT = /^\d+(st|nd|rd|th|am|pm|k|m|h|s|x|min|mins|days?|yrs?)$/;

/** Digits inside a word that also holds letters are read as the letters they imitate ("l0ser"). */
function readLeetspeak(words: string): string {
  // Most texts have no digit beside a letter: then there is nothing to read.
  if (!LETTER_BESIDE_DIGIT.test(words)) return words;
  return words.replace(MIXED_WORD, (word) => (!ORDINAL_OR_UNIT.test(word)
    ? word.replace(/[0134578]/g, (digit) => LEET[digit]!) : word));
}

/** Whether joinSpacedLetters would join anything: a run of four single letters, one space apart. */
function hasSpacedLetters(chars: readonly string[]): boolean {
  const isLetter = (at: number) => at >= 0 && at < chars.length && isLatin(chars[at]!);
  const single = (at: number) => isLetter(at) && !isLetter(at - 1) && !isLetter(at + 1);
  for (let at = 0; at < chars.length; at += 1) {
    if (!isLatin(chars[at]!) || !single(at)) continue;
    let end = at;
    while (single(end) && chars[end + 1] === ' ' && single(end + 2)) end += 2;
    if (end - at >= 6) return true;
  }
  return false;
}

/** Joins "a r r e s t" into "arrest": runs of four or more single letters separated by spaces. */
function joinSpacedLetters(chars: string[], index: number[]): {
  chars: string[]; index: number[]; position: number[];
} {
  const isLetter = (at: number) => at >= 0 && at < chars.length && isLatin(chars[at]!);
  const single = (at: number) => isLetter(at) && !isLetter(at - 1) && !isLetter(at + 1);
  const outChars: string[] = [];
  const outIndex: number[] = [];
  const position: number[] = [];
  let at = 0;
  while (at < chars.length) {
    let end = at;
    while (single(end) && chars[end + 1] === ' ' && single(end + 2)) end += 2;
    if (end - at >= 6) {
      for (let inner = at; inner <= end; inner += 1) {
        position[inner] = outChars.length + Math.ceil((inner - at) / 2);
      }
      for (let letter = at; letter <= end; letter += 2) {
        outChars.push(chars[letter]!);
        outIndex.push(index[letter]!);
      }
      at = end + 1;
      continue;
    }
    position[at] = outChars.length;
    outChars.push(chars[at]!);
    outIndex.push(index[at]!);
    at += 1;
  }
  position[chars.length] = outChars.length;
  return { chars: outChars, index: outIndex, position };
}
