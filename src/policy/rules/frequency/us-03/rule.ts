import type { Facts, TimedAttempt } from '../../../engine/facts.ts';
import {
  defineRule, type ParameterSpec, type Verdict, type Verdicts, widestSetting,
} from '../../../rule.ts';
import { localDay, localDayOf, MS_PER_DAY } from '../../../time/zone-clock.ts';
import { CONVERSATION_OUTCOMES } from '../../rule-helpers.ts';

type Reason = 'under_call_frequency_limits' | 'consented_call' | 'requested_callback'
  | 'seven_calls_in_seven_days' | 'cooldown_after_conversation';

/** Calls that never reached the dialled number are not "placed" for the presumption. */
const NOT_CONNECTED_TO_NUMBER = new Set(['failed', 'invalid_number', 'cancelled']);
const CONSENT_DAYS = 7;
const COOLDOWN_PARAMETER: ParameterSpec = {
  key: 'us_calls.cooldown_days', kind: 'count', default: 7, legalBound: 7, stricter: 'higher',
  range: [7, 30],
  unit: 'days, the conversation day being day 1', description: 'Days without calls after a conversation.',
};

/** Reg F's call-frequency presumption per person per debt: 7 calls in 7 days, 7 days after a conversation. */
export const rule = defineRule({
  id: 'US-03',
  title: 'Call frequency: 7 calls in 7 days, and no call for 7 days after a conversation',
  category: 'frequency',
  jurisdiction: 'US',
  kind: 'law',
  citation: {
    source: '12 CFR 1006 (Regulation F)', section: '§1006.14(b)(2)–(4)', grade: 'A',
    url: 'https://www.consumerfinance.gov/rules-policy/regulations/1006/14/', requirements: ['R5'],
  },
  effective: { from: '2021-11-30' },
  summary: 'Per person and per debt: no call placed when 7 calls were placed in the 7 consecutive local days '
    + 'ending today, and none within 7 days after a telephone conversation (the conversation day is day 1). '
    + 'Not counted: calls within 7 days of the person\'s direct consent, the call back the person asked for '
    + '(on the day and from the time they asked, within 7 days of asking), calls not connected to the '
    + 'dialled number, calls to the consumer\'s attorney.',
  rationale: 'Exceeding either limit creates a rebuttable presumption of harassment; staying within '
    + 'both gives '
    + 'the presumption of compliance. Unanswered calls that ring count. The days are the person\'s '
      + 'local days, '
    + 'in every candidate zone.',
  reasons: {
    under_call_frequency_limits: 'Fewer than the limit of placed calls in 7 days and no '
      + 'conversation in the last 7 days.',
    consented_call: 'The person gave direct consent to calls within the last 7 days.',
    requested_callback: 'The call the person asked to be called back with, given directly within the '
      + 'last 7 days: made with their direct prior consent.',
    seven_calls_in_seven_days: 'The limit of calls about this debt to this person was placed in 7 '
      + 'consecutive days.',
    cooldown_after_conversation: 'A telephone conversation about this debt took place within the '
      + 'last 7 days.',
  },
  parameters: [
    {
      key: 'us_calls.per_7_days_max', kind: 'count', default: 7, legalBound: 7, stricter: 'lower',
        range: [0, 7],
      unit: 'calls per person per debt in 7 consecutive days', description: 'Calls placed in 7 '
        + 'consecutive days.',
    },
    COOLDOWN_PARAMETER,
  ],
  // The last conversation, up to the widest cooldown a lender may set, in local days (the first of which
  // began up to a day and an hour, at a clock change, before now); the 7-day call window lies inside it.
  lookBackDays: widestSetting(COOLDOWN_PARAMETER) + 1,
  build(params, verdicts) {
    const max = params.count('us_calls.per_7_days_max');
    const cooldownDays = params.count('us_calls.cooldown_days');
    return (facts) => checkFrequency(facts, verdicts, max, cooldownDays);
  },
});

function checkFrequency(facts: Facts, verdicts: Verdicts<Reason>, max: number,
  cooldownDays: number): Verdict {
  const target = facts.target;
  if (facts.situation.action !== 'contact' || facts.channel !== 'voice' || target === null) {
    return verdicts.notApplicable('channel_not_covered');
  }
  if (target.role === 'attorney') return verdicts.notApplicable('target_not_covered');
  const consents = facts.agreements('channel_consent', target.partyId)
    .filter((agreement) => agreement.channel === undefined || agreement.channel === 'voice');
  const consentedAt = (atMs: number) => consents.some((consent) =>
    consent.recordedMs <= atMs && atMs < consent.recordedMs + CONSENT_DAYS * MS_PER_DAY);
  if (consentedAt(facts.nowMs)) return verdicts.allow('consented_call');
  const account = facts.situation.accountId;
  const aboutDebt = (attempt: TimedAttempt) => attempt.channel === 'voice'
    && attempt.partyId === target.partyId &&
    (attempt.accountId === undefined || account === undefined || attempt.accountId === account);
  const dialled = facts.attempts.filter((attempt) => aboutDebt(attempt) && attempt.direction !== 'inbound' &&
    !NOT_CONNECTED_TO_NUMBER.has(attempt.outcome) && attempt.atMs <= facts.nowMs);
  const callbacks = requestedCallbacks(facts, target.partyId, dialled);
  if (callbacks.now) return verdicts.allow('requested_callback');
  const placed = dialled.filter((attempt) => !consentedAt(attempt.atMs) && !callbacks.calls.has(attempt));
  const conversations = facts.attempts.filter((attempt) => aboutDebt(attempt)
    && CONVERSATION_OUTCOMES.has(attempt.outcome));
  let denial: Verdict | null = null;
  for (const zone of facts.targetZones) {
    const today = localDayOf(zone, facts.nowMs).dayNumber;
    const last = conversations[conversations.length - 1];
    if (last !== undefined && last.atMs <= facts.nowMs) {
      const day = localDayOf(zone, last.atMs).dayNumber;
      if (today < day + cooldownDays) {
        denial = later(denial, verdicts.deny('cooldown_after_conversation', {
          nextAllowedAtMs: localDay(zone,
            day + cooldownDays).startMs, detail: { conversationDay: localDay(zone, day).date },
        }));
      }
    }
    const windowStart = localDay(zone, today - 6).startMs;
    const inWindow = placed.filter((attempt) => attempt.atMs >= windowStart && attempt.atMs <= facts.nowMs);
    if (inWindow.length >= max) {
      const freeing = inWindow[inWindow.length - max]!;
      denial = later(denial, verdicts.deny('seven_calls_in_seven_days', {
        nextAllowedAtMs: localDay(zone, localDayOf(zone, freeing.atMs).dayNumber + 7).startMs,
        detail: { count: inWindow.length, limit: max },
      }));
    }
  }
  return denial ?? verdicts.allow('under_call_frequency_limits');
}

/**
 * The calls a person asked for ("call me back Thursday at 10"): for each callback they gave within 7
 * days, the first call placed from the time they asked for until the end of that local day (or the
 * agreement's end) is made with their direct prior consent (§1006.14(b)(3)(i)). Whether the call
 * now would be such a call, and which calls of the history were.
 */
function requestedCallbacks(facts: Facts, partyId: string, dialled: readonly TimedAttempt[]):
  { now: boolean; calls: ReadonlySet<TimedAttempt> } {
  const calls = new Set<TimedAttempt>();
  let now = false;
  const requests = facts.allAgreements.filter((agreement) => agreement.kind === 'callback'
    && (agreement.channel === undefined || agreement.channel === 'voice')
    && agreement.partyId === partyId && agreement.startsMs !== null && agreement.recordedMs <= facts.nowMs);
  for (const request of requests) {
    const startsMs = request.startsMs!;
    const endsMs = Math.min(request.endsMs ?? Infinity, request.recordedMs + CONSENT_DAYS * MS_PER_DAY,
      ...facts.targetZones.map((zone) => localDayOf(zone, startsMs).endMs),
      request.revokedMs ?? Infinity);
    const first = dialled.find((attempt) => attempt.atMs >= startsMs && attempt.atMs < endsMs);
    if (first !== undefined) calls.add(first);
    else if (startsMs <= facts.nowMs && facts.nowMs < endsMs) now = true;
  }
  return { now, calls };
}

/** Of two denials, the one that lasts longer (a cooldown outranks a count that frees earlier). */
function later(current: Verdict | null, candidate: Verdict): Verdict {
  if (current === null) return candidate;
  return (candidate.nextAllowedAtMs ?? Infinity) > (current.nextAllowedAtMs
    ?? Infinity) ? candidate : current;
}
