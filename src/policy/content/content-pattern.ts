/**
 * A content pattern: what a sentence does, written as a regular expression over the normalised
 * sentence with named vocabulary slots and bounded gaps, so one pattern covers a family of
 * paraphrases ("we will inform/call/text → your employer/family/contacts/village/group") instead
 * of one fixed phrase. Each content rule's folder declares its own patterns; the guard compiles
 * them once (compile-content-patterns.ts).
 *
 * - `lang: 'zh'` patterns run on the compact form (simplified, no spaces or punctuation); `~N` is
 *   a gap of up to N characters.
 * - `lang: 'en'` patterns run on the word form (lower case, one space between words); `~N` is a
 *   gap of up to N words. A pattern matches whole words.
 * - `{FAMILY}` expands to a vocabulary family of vocabulary.ts.
 * - A list of strings is a list of alternatives: the pattern matches where any of them does.
 * - `unless`: framing in the same sentence that makes the match lawful (an anti-fraud warning,
 *   a judgment already entered…), in the same form and syntax.
 * - `negatable: false`: the act is harmful even under a negation cue ("没有好果子吃").
 * - `confidence: 'low'`: the match is a warning for a human to review, not a block.
 * - `when: 'time_barred'`: applies only to a debt whose limitation period has run.
 */
export type PatternReason =
  | 'threat_or_intimidation' | 'insult' | 'false_legal_claim' | 'impersonates_authority'
  | 'urges_borrowing_to_repay' | 'threatens_suit_on_time_barred_debt';

export type ContentPattern = {
  readonly id: string;
  readonly reason: PatternReason;
  readonly lang: 'zh' | 'en';
  readonly pattern: string | readonly string[];
  readonly unless?: string | readonly string[];
  readonly negatable?: false;
  readonly confidence?: 'low';
  readonly when?: 'time_barred';
};

/** Identity for typing a folder's pattern list. */
export function definePatterns(patterns: readonly ContentPattern[]): readonly ContentPattern[] {
  return patterns;
}
