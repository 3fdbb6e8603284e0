import { PACKS } from '../packs/packs.ts';
import type { Rule } from '../rule.ts';

/**
 * The relation between the history the gate loads and the history the rules read: every shipped
 * rule's bounded look-back (`lookBackDays`) must fit the days the gate loads, or a rule would decide on
 * a history cut short without saying so. Rules that search the whole history are named by the caller.
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

