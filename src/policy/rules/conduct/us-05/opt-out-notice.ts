import type { PhraseList } from '../../../content/find-phrases.ts';
import { findPhrases } from '../../../content/find-phrases.ts';
import type { NormalizedText } from '../../../content/normalize-text.ts';

/** US-05 (§1006.6(e)): every electronic message states a simple way to opt out. */
export const OPT_OUT_WORDS: PhraseList = {
  zh: ['退订', '回复td', '回td'],
  en: ['reply stop', 'text stop', 'send stop', 'unsubscribe*', 'opt out', 'stop receiving'],
};

export const OPT_OUT_MISSING = 'a simple way to opt out (e.g. "Reply STOP")';

export function hasOptOutNotice(text: NormalizedText): boolean {
  return findPhrases(text, OPT_OUT_WORDS).length > 0;
}
