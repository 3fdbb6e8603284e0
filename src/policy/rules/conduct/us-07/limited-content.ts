import type { PhraseHit, PhraseList } from '../../../content/find-phrases.ts';
import { findPhrases } from '../../../content/find-phrases.ts';
import type { NormalizedText } from '../../../content/normalize-text.ts';

/**
 * US-07 (§1006.2(j)): a voicemail must be a limited-content message: a business name, a request
 * to reply, a name to ask for and a callback number, and nothing that reveals a debt.
 */
export const REPLY_WORDS: PhraseList = {
  zh: ['回电', '致电', '联系我们', '请回复'],
  en: ['call', 'please call', 'return', 'reply', 'contact', 'reach'],
};

const PHONE_NUMBER = /(\+?\d[\d\s\-().]{6,}\d)/;

/** What is wrong with a voicemail script: what it reveals (`disclosures`) and what it lacks. */
export function limitedContentProblems(text: NormalizedText, disclosures: readonly PhraseHit[]): PhraseHit[] {
  const found = [...disclosures];
  const callback = PHONE_NUMBER.test(text.original.normalize('NFKC'));
  if (!callback) found.push({ phrase: 'a callback number', at: -1 });
  if (findPhrases(text, REPLY_WORDS).length === 0) found.push({ phrase: 'a request to reply', at: -1 });
  return found;
}
