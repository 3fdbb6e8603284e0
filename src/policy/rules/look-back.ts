import { PACKS } from '../packs/packs.ts';
import { WHOLE_HISTORY, type Rule } from '../rule.ts';
import type { Channel, Outcome, Purpose } from '../situation.ts';

/**
 * The relation between the history the gate loads and the history the rules read: every shipped
 * rule's bounded look-back (`lookBackDays`) must fit the days the gate loads, or a rule would decide on
 * a history cut short without saying so. A rule that searches the whole history declares instead which
 * attempts it reads (`historyReads`), and the gate loads those whatever their age.
 */

/** Ids of the rules whose bounded look-back is longer than `days` (whole-history rules aside). */
export function rulesBeyond(rules: readonly Rule[], days: number): string[] {
  return rules.filter((rule) => Number.isFinite(rule.lookBackDays) && rule.lookBackDays > days)
    .map((rule) => rule.id);
}

/** The same over every rule of every shipped pack. */
export function shippedRulesBeyond(days: number): string[] {
  return rulesBeyond(Object.values(PACKS).flatMap((pack) => pack.rules), days);
}

/** Whether a declared look-back is a whole number of days, at least 0, or the whole history. */
export function isLookBack(days: number): boolean {
  return days === Number.POSITIVE_INFINITY || (Number.isSafeInteger(days) && days >= 0);
}


/**
 * Which attempts a whole-history rule reads, stated as data so that the gate can load them from
 * beyond the days it loads whole (one query for every rule) and keep them when a long history is cut.
 * Every field narrows the match; an attempt without a purpose is a collection attempt.
 */
export type HistoryMatch = {
  /** The borrower's own attempts, or those of anyone else on file (contact persons, guarantors). */
  readonly party?: 'borrower' | 'others';
  readonly channels?: readonly Channel[];
  readonly outbound?: true;
  /** Only what the person sent (an email from an address, which US-06 reads). */
  readonly inbound?: true;
  readonly outcomes?: readonly Outcome[];
  readonly purposes?: readonly Purpose[];
};

/**
 * Which of the matching attempts older than the cut can still change a verdict: all of them, or
 * only the earliest or latest `count` of the borrower's (or of each account's, an attempt without an
 * account being a group of its own). `afterLast` starts the search after the latest attempt of
 * another match: the first failed call since the last conversation.
 */
export type HistoryKeep =
  | 'all'
  | {
    readonly which: 'first' | 'last';
    readonly count: number;
    readonly per: 'borrower' | 'account';
    readonly afterLast?: HistoryMatch;
  };

export type HistoryRead = HistoryMatch & { readonly keep: HistoryKeep };

/** What the selection needs to know of one attempt of a borrower's history. */
export type HistoryView = {
  readonly byBorrower: boolean;
  readonly channel: string;
  readonly outbound: boolean;
  readonly outcome: string;
  /** The purpose, `collect` when none was recorded. */
  readonly purpose: string;
  readonly account: string | null;
};

function matchesHistory(match: HistoryMatch, view: HistoryView): boolean {
  if (match.party !== undefined && view.byBorrower !== (match.party === 'borrower')) return false;
  if (match.outbound === true && !view.outbound) return false;
  if (match.inbound === true && view.outbound) return false;
  return (match.channels === undefined || (match.channels as readonly string[]).includes(view.channel))
    && (match.outcomes === undefined || (match.outcomes as readonly string[]).includes(view.outcome))
    && (match.purposes === undefined || (match.purposes as readonly string[]).includes(view.purpose));
}

/**
 * The indexes of the attempts (one borrower's, oldest first) that the reads keep: with these and
 * every attempt after them, each whole-history rule decides as on the whole list.
 */
export function historyKept(views: readonly HistoryView[], reads: readonly HistoryRead[]): Set<number> {
  const kept = new Set<number>();
  for (const read of reads) {
    const { keep } = read;
    if (keep === 'all') {
      views.forEach((view, index) => { if (matchesHistory(read, view)) kept.add(index); });
      continue;
    }
    const after = keep.afterLast;
    const start = after === undefined ? 0 : views.findLastIndex((view) => matchesHistory(after, view)) + 1;
    const order = [...views.keys()].slice(start);
    if (keep.which === 'last') order.reverse();
    const taken = new Map<string | null, number>();
    for (const index of order) {
      const view = views[index]!;
      const group = keep.per === 'account' ? view.account : null;
      const count = taken.get(group) ?? 0;
      if (count >= keep.count || !matchesHistory(read, view)) continue;
      taken.set(group, count + 1);
      kept.add(index);
    }
  }
  return kept;
}

/**
 * What the shipped whole-history rules read, and the ids of those that declare no reads (or declare
 * reads without searching the whole history): the gate refuses to start while any is left.
 */
export function shippedHistoryReads(): { reads: HistoryRead[]; undeclared: string[] } {
  return historyReadsOf(Object.values(PACKS).flatMap((pack) => pack.rules));
}

export function historyReadsOf(rules: readonly Rule[]): { reads: HistoryRead[]; undeclared: string[] } {
  const reads = new Map<string, HistoryRead>();
  const undeclared: string[] = [];
  for (const rule of rules) {
    const declared = rule.historyReads ?? [];
    if ((rule.lookBackDays === WHOLE_HISTORY) !== (declared.length > 0)) undeclared.push(rule.id);
    for (const read of declared) reads.set(JSON.stringify(read), read);
  }
  return { reads: [...reads.values()], undeclared: [...new Set(undeclared)] };
}
