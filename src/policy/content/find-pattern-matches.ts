import type { ContentPattern, PatternReason } from './content-pattern.ts';
import type { NormalizedText } from './normalize-text.ts';
import { expandFamilies } from './vocabulary.ts';

/**
 * Runs the content patterns over a normalised text and keeps only the matches that do what the
 * pattern says: inside one sentence, not under a negation whose scope reaches the match ("我们不会
 * 通知你的家人", "you will not be arrested"), and not in a sentence framed by the pattern's
 * `unless` (an anti-fraud warning, a judgment really entered), in it or in the sentence before.
 * Each match names its pattern and the span as written, so a denial is explained.
 */
export type PatternMatch = {
  readonly reason: PatternReason;
  readonly patternId: string;
  readonly phrase: string;
  readonly at: number;
  readonly level: 'deny' | 'warn';
};

export type CompiledPattern = {
  readonly pattern: ContentPattern;
  readonly regex: RegExp;
  readonly unless: RegExp | null;
  /**
   * Characters the regex reads before the match proper: an English pattern starts with the space
   * before its first word, read as a character rather than looked behind for, since a lookbehind
   * at the start keeps the engine from skipping ahead to the next space and costs it at every
   * position of a long letter.
   */
  readonly lead: 0 | 1;
};

export type MatchScope = { readonly timeBarred: boolean };

/** How far back from a match a negation cue is looked for, in characters of the searched form. */
const NEGATION_REACH = { zh: 20, en: 64 } as const;

const NEGATION = {
  zh: new RegExp(expandFamilies('{ZH_NEGATION}'), 'g'),
  en: new RegExp(`(?<= )${expandFamilies('{EN_NEGATION}')}(?= )`, 'g'),
};
const SCOPE_END = {
  zh: new RegExp(expandFamilies('{ZH_SCOPE_END}')),
  en: new RegExp(`(?<= )${expandFamilies('{EN_SCOPE_END}')}(?= )`),
};
const CONDITION = {
  zh: new RegExp(expandFamilies('{ZH_CONDITION}')),
  en: new RegExp(`(?<= )${expandFamilies('{EN_CONDITION}')}(?= )`),
};

export function compilePattern(pattern: ContentPattern): CompiledPattern {
  const source = (alternatives: string | readonly string[]) => {
    const expanded = expandFamilies(typeof alternatives === 'string' ? alternatives : alternatives.join('|'));
    return pattern.lang === 'zh'
      ? expanded.replace(/~(\d+)/g, '.{0,$1}?')
      : ` (?:${expanded.replace(/~(\d+) /g, '(?:\\S+ ){0,$1}?')})(?= )`;
  };
  return {
    pattern, regex: new RegExp(source(pattern.pattern), 'g'),
    unless: pattern.unless === undefined ? null : new RegExp(source(pattern.unless)),
    lead: pattern.lang === 'zh' ? 0 : 1,
  };
}

export function findPatternMatches(
  text: NormalizedText, patterns: readonly CompiledPattern[], scope: MatchScope,
): PatternMatch[] {
  const found: PatternMatch[] = [];
  for (const compiled of patterns) {
    const { pattern } = compiled;
    if (pattern.lang === 'zh' ? !text.hasCjk : !text.hasLatin) continue;
    if (pattern.when === 'time_barred' && !scope.timeBarred) continue;
    standingMatches(text, compiled, found);
  }
  // Two patterns of one reason on one span ("法院传票" and its "法院") are one finding: the wider.
  return found.filter((match) => !found.some((other) => other !== match && other.reason === match.reason
    && other.at <= match.at && other.at + other.phrase.length >= match.at + match.phrase.length
    && (other.phrase.length > match.phrase.length || found.indexOf(other) < found.indexOf(match))));
}

/** The matches of one pattern that stand: within a sentence, unframed and unnegated. */
function standingMatches(text: NormalizedText, compiled: CompiledPattern, found: PatternMatch[]): void {
  const { pattern, regex, lead } = compiled;
  const zh = pattern.lang === 'zh';
  const form = zh ? text.compact : text.words;
  const index = zh ? text.compactIndex : text.wordsIndex;
  const sentences = zh ? text.compactSentences : text.wordsSentences;
  const clauses = zh ? text.compactClauses : text.wordsClauses;
  regex.lastIndex = 0;
  for (let match = regex.exec(form); match !== null; match = regex.exec(form)) {
    const start = match.index + lead;
    const end = match.index + match[0].length;
    // The search resumes one character after this match's start (overlapping matches are looked
    // for), or after its end once it stands; `lead` moves back onto the space before a word.
    regex.lastIndex = start + 1 - lead;
    if (end === start) continue;
    const [sentenceStart, sentenceEnd, framingStart] = around(sentences, start, form.length);
    if (end > sentenceEnd) continue;
    if (compiled.unless?.test(` ${form.slice(framingStart, sentenceEnd)} `) === true) continue;
    const [clauseFrom, clauseEnd] = around(clauses, start, form.length);
    const clauseStart = Math.max(clauseFrom, sentenceStart);
    const windowStart = Math.max(clauseStart, start - NEGATION_REACH[pattern.lang]);
    const asked = rhetorical(form, start, Math.min(clauseEnd, sentenceEnd), pattern.lang);
    if (pattern.negatable !== false && !asked
      && negated(form.slice(windowStart, end), start - windowStart, pattern.lang)) continue;
    const from = index[start]!;
    const to = index[end - 1]! + 1;
    found.push({
      reason: pattern.reason, patternId: pattern.id, phrase: text.original.slice(from, to).trim(), at: from,
      level: pattern.confidence === 'low' ? 'warn' : 'deny',
    });
    regex.lastIndex = end - lead;
  }
}

/**
 * [start, end) of the boundary-delimited piece holding `at`, and the start of the piece before it:
 * framing often sits one sentence ahead ("A judgment was entered against you. The court ordered
 * garnishment of your wages.").
 */
function around(starts: readonly number[], at: number, length: number): readonly [number, number, number] {
  let low = 0;
  for (let index = 1; index < starts.length && starts[index]! <= at; index += 1) low = index;
  return [starts[low]!, starts[low + 1] ?? length, starts[Math.max(0, low - 1)]!];
}

/** A question expecting yes ("你就不能问你同事借一下吗？"): its negation asserts, it does not deny. */
function rhetorical(form: string, start: number, clauseEnd: number, lang: 'zh' | 'en'): boolean {
  return lang === 'zh' && /吗|难道/.test(form.slice(Math.max(0, start - 12), clauseEnd));
}

/**
 * Whether a negation cue before the match, or inside it after its first word, has a scope that
 * runs on to the end of the match: no consequence, new actor or push after the cue ("不还就…",
 * "but", "want") and no condition opened before it ("if you do not pay, …").
 */
function negated(window: string, spanAt: number, lang: 'zh' | 'en'): boolean {
  const text = lang === 'zh' ? window : ` ${window} `;
  const span = lang === 'zh' ? spanAt : spanAt + 1;
  const cues = NEGATION[lang];
  cues.lastIndex = 0;
  let cueStart = -1;
  let cueEnd = -1;
  for (let cue = cues.exec(text); cue !== null; cue = cues.exec(text)) {
    if (cue.index === span) continue;
    cueStart = cue.index;
    cueEnd = cue.index + cue[0].length;
  }
  if (cueEnd === -1) return false;
  if (CONDITION[lang].test(text.slice(0, cueStart))) return false;
  return !SCOPE_END[lang].test(lang === 'zh' ? text.slice(cueEnd) : ` ${text.slice(cueEnd)}`);
}
