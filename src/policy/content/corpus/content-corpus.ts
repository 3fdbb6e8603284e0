import type { CorpusItem } from './corpus-item.ts';
import { CN_LAWFUL } from './cn-lawful.ts';
import { CN_UNLAWFUL } from './cn-unlawful.ts';
import { US_LAWFUL } from './us-lawful.ts';
import { US_UNLAWFUL } from './us-unlawful.ts';
import { CN_MORE } from './cn-more.ts';
import { US_MORE } from './us-more.ts';
import { CN_THIRD } from './cn-third.ts';
import { US_THIRD } from './us-third.ts';

/**
 * The content guard's labelled corpus and its split. An item is held out when a hash of its id
 * falls in the lowest HELD_OUT_TENTHS tenths: deterministic, independent of order and of the
 * text, and fixed before any pattern was tuned. Patterns are tuned on the training part only;
 * the held-out part is read only by the quality test, which reports and enforces its figures.
 */
export const CONTENT_CORPUS: readonly CorpusItem[] = [
  ...CN_UNLAWFUL, ...CN_LAWFUL, ...CN_MORE, ...CN_THIRD,
  ...US_UNLAWFUL, ...US_LAWFUL, ...US_MORE, ...US_THIRD,
];

export const HELD_OUT_TENTHS = 3;

export function isHeldOut(item: CorpusItem): boolean {
  return fnv1a(item.id) % 10 < HELD_OUT_TENTHS;
}

/** FNV-1a, 32 bits: a stable hash of a short string. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
