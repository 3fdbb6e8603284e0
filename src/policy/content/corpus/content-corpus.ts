import type { CorpusItem } from './corpus-item.ts';
import { CN_LAWFUL } from './cn-lawful.ts';
import { CN_UNLAWFUL } from './cn-unlawful.ts';
import { US_LAWFUL } from './us-lawful.ts';
import { US_UNLAWFUL } from './us-unlawful.ts';
import { CN_MORE } from './cn-more.ts';
import { US_MORE } from './us-more.ts';
import { CN_THIRD } from './cn-third.ts';
import { US_THIRD } from './us-third.ts';
import { CN_FRESH } from './cn-fresh.ts';
import { US_FRESH } from './us-fresh.ts';
import { CN_TUNING } from './cn-tuning.ts';
import { US_TUNING } from './us-tuning.ts';

/**
 * The content guard's labelled corpus and its split. An item is held out when a hash of its id
 * falls in the lowest HELD_OUT_TENTHS tenths: deterministic, independent of order and of the
 * text, and fixed before any pattern was tuned. Patterns are tuned on the training part only;
 * the held-out part is read only by the quality test, which reports and enforces its figures.
 * Texts written while tuning (ids `tune-…`) are always training: a text written by someone who
 * had seen the guard's answers would flatter it if it were held out.
 */
export const CONTENT_CORPUS: readonly CorpusItem[] = [
  ...CN_UNLAWFUL, ...CN_LAWFUL, ...CN_MORE, ...CN_THIRD, ...CN_FRESH, ...CN_TUNING,
  ...US_UNLAWFUL, ...US_LAWFUL, ...US_MORE, ...US_THIRD, ...US_FRESH, ...US_TUNING,
];

export const HELD_OUT_TENTHS = 3;
const TUNING_PREFIX = 'tune-';

export function isHeldOut(item: CorpusItem): boolean {
  return !isTuningText(item) && fnv1a(item.id) % 10 < HELD_OUT_TENTHS;
}

/** A text written while tuning: always in the training part. */
export function isTuningText(item: CorpusItem): boolean {
  return item.id.startsWith(TUNING_PREFIX);
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
