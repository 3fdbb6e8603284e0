import type { Facts } from '../../engine/facts.ts';
import type { ParameterSpec, Verdict, Verdicts } from '../../rule.ts';
import { CONNECTED_OR_RESERVED, isOutboundVoice, worstDailyCount } from '../rule-helpers.ts';

/**
 * The pooled daily cap on connected outbound voice calls with one debtor, shared by the national
 * standard (which sets the number and counts AI voice) and the NIFA 2023 guideline (which pools
 * the creditor and all its agencies). Every actor kind counts: agents, agencies, the system, AI.
 * The day is the debtor's local day, in every candidate zone.
 */
export type CapReason = 'under_daily_connected_call_cap' | 'daily_connected_call_cap_reached';

export const CAP_REASONS: Readonly<Record<CapReason, string>> = {
  under_daily_connected_call_cap: 'Fewer connected calls today than the daily cap, pooled across '
    + 'lender and agencies.',
  daily_connected_call_cap_reached: 'The debtor already had the maximum connected calls today '
    + '(lender and agencies '
    + 'together, AI voice included); the next local day opens the cap again.',
};

export const CONNECTED_CAP_PARAMETER: ParameterSpec = {
  key: 'voice.connected_calls_per_day_max', kind: 'count', default: 3, legalBound: 3, stricter: 'lower',
  range: [0, 3], unit: 'connected calls per debtor per local day',
  description: 'Connected outbound voice calls with one debtor per local day, lender and agencies pooled.',
};

export function checkDailyConnectedCap(facts: Facts, verdicts: Verdicts<CapReason>, cap: number): Verdict {
  if (facts.situation.action !== 'contact'
    || facts.channel !== 'voice') return verdicts.notApplicable('channel_not_covered');
  if (facts.targetRole !== 'borrower') return verdicts.notApplicable('target_not_covered');
  const borrowerId = facts.situation.borrower.id;
  const worst = worstDailyCount(facts, facts.borrowerZones, (attempt) =>
    isOutboundVoice(attempt) && attempt.partyId === borrowerId && CONNECTED_OR_RESERVED.has(attempt.outcome));
  const detail = { count: worst.count, limit: cap, zone: worst.zone };
  if (worst.count >= cap) {
    return verdicts.deny('daily_connected_call_cap_reached', { nextAllowedAtMs: worst.dayEndMs, detail });
  }
  return verdicts.allow('under_daily_connected_call_cap', detail);
}
