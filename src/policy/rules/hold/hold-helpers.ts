import type { Facts, TimedHold } from '../../engine/facts.ts';

/**
 * Shared vocabulary of the hold rules. An escalation is anything beyond talking to the borrower:
 * a field visit, a placement with an agency, a bureau report, a lawsuit. A hold's end, when it is
 * already recorded as a future instant, is when waiting lifts it.
 */
export const HOLD_PASS_PURPOSES: ReadonlySet<string> = new Set(['dispute_response', 'service']);

export function isEscalation(facts: Facts): boolean {
  const action = facts.situation.action;
  return action === 'placement' || action === 'credit_report' || action === 'legal_action' ||
    (action === 'contact' && facts.channel === 'visit');
}

/** The latest known end of the holds, or null when any of them has no end yet. */
export function holdsEndMs(holds: readonly TimedHold[], nowMs: number): number | null {
  let latest = nowMs;
  for (const hold of holds) {
    if (hold.endedMs === null) return null;
    latest = Math.max(latest, hold.endedMs);
  }
  return latest;
}
