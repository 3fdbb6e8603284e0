import { historyKept, type HistoryRead, type HistoryView } from '../../policy/rules/look-back.ts';
import { assert } from '../../stdx/assert.ts';

/**
 * A borrower's attempts (oldest first) cut to at most `max`: the newest ones, and before them every
 * older attempt a whole-history rule reads (`historyReads`), so that the cut changes no verdict of
 * those rules; the bounded rules read only recent days, which the newest attempts cover.
 *
 * The cut lies as early as the kept older attempts leave room for. Moving it one attempt later keeps
 * at most one more of them (a read keeps a new attempt only in place of an older one or alongside
 * none), so the total never grows as the cut moves later, and a binary search finds it.
 */
export function keepHistory<T>(
  items: readonly T[],
  viewOf: (item: T) => HistoryView,
  reads: readonly HistoryRead[],
  max: number,
): T[] {
  if (items.length <= max) return [...items];
  const views = items.map(viewOf);
  const keptBefore = (cut: number) => historyKept(views.slice(0, cut), reads);
  const fits = (cut: number) => keptBefore(cut).size + items.length - cut <= max;
  // Every attempt a whole-history rule reads must fit, or a rule would decide on a partial picture:
  // it would take more than `max` refusals, notices and third-party contacts of one borrower.
  assert(fits(items.length), `the attempts the whole-history rules read exceed ${max}`);
  let early = items.length - max;
  let late = items.length;
  while (early < late) {
    const middle = Math.floor((early + late) / 2);
    if (fits(middle)) late = middle;
    else early = middle + 1;
  }
  const kept = keptBefore(late);
  return [...items.slice(0, late).filter((_, index) => kept.has(index)), ...items.slice(late)];
}
