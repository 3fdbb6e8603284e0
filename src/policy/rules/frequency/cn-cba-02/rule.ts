import type { Facts, TimedAttempt } from '../../../engine/facts.ts';
import { defineRule } from '../../../rule.ts';
import type { Target } from '../../../situation.ts';
import {
  isOutboundVoice, UNANSWERED_OR_RESERVED, worstDailyCount, type DailyCount,
} from '../../rule-helpers.ts';

/** Unanswered attempts on one number per day: a soft limit of 6, deny or warn by setting. */
export const rule = defineRule({
  id: 'CN-CBA-02',
  title: 'At most 6 unanswered call attempts per number per day (soft limit)',
  category: 'frequency',
  jurisdiction: 'CN',
  kind: 'law',
  citation: {
    source: 'CBA 《金融机构个人消费类贷款催收工作指引（试行）》 (2026-01-30)', section: 'attempt frequency article',
    grade: 'B', requirements: ['R5'],
  },
  effective: { from: '2026-01-30' },
  summary: 'When calls go unanswered, no more than 6 attempts on the same number in a local day, unless the '
    + 'person agreed otherwise. The guideline says "should not" (不宜), so the lender chooses whether reaching '
    + 'the limit denies the call (the default) or only warns.',
  rationale: 'Repeated ringing of one number is harassment even when nobody answers. The limit is '
    + 'per contact '
    + 'number, pooled across the lender and its agencies; a call being dialled counts. An earlier attempt '
    + 'to the same person whose number was not recorded counts against the number asked about, since it '
    + 'may have gone to it; when the number asked about is not named, the busiest of the person\'s numbers '
    + 'is counted.',
  reasons: {
    under_daily_attempt_cap: 'Fewer unanswered attempts on this number today than the limit.',
    agreed_with_person: 'The person agreed to more calls (a voice consent covering now).',
    daily_unanswered_attempt_cap_reached: 'This number already had the maximum unanswered attempts today.',
  },
  parameters: [
    {
      key: 'unanswered_attempts.per_number_per_day_max', kind: 'count', default: 6, legalBound: 6,
        stricter: 'lower',
      range: [0, 6], unit: 'attempts per contact number per local day',
      description: 'Unanswered outbound call attempts on one contact number per local day.',
    },
    {
      key: 'unanswered_attempts.level', kind: 'level', default: 'deny', legalBound: 'warn',
        stricter: 'higher',
      description: 'Whether reaching the limit denies the call ("deny") or only warns ("warn").',
    },
  ],
  levelParameter: 'unanswered_attempts.level',
  // The person's local day of now, which began at most 25 hours ago (a day of a clock change).
  lookBackDays: 2,
  build(params, verdicts) {
    const cap = params.count('unanswered_attempts.per_number_per_day_max');
    return (facts) => {
      const target = facts.target;
      if (facts.situation.action !== 'contact' || facts.channel !== 'voice' || target === null) {
        return verdicts.notApplicable('channel_not_covered');
      }
      const consent = facts.agreements('channel_consent', target.partyId)
        .some((agreement) => agreement.channel === undefined || agreement.channel === 'voice');
      if (consent) return verdicts.allow('agreed_with_person');
      const worst = worstNumberCount(facts, target, cap);
      const detail = { count: worst.count, limit: cap, zone: worst.zone };
      if (worst.count >= cap) {
        return verdicts.deny('daily_unanswered_attempt_cap_reached', { nextAllowedAtMs: worst.dayEndMs,
          detail });
      }
      return verdicts.allow('under_daily_attempt_cap', detail);
    };
  },
});

/**
 * Today's count of unanswered attempts on the number asked about, in the worst candidate zone. An
 * attempt to the same person whose number was not recorded (history written before every call
 * recorded its number) may have gone to this number, so it counts against it: an unknown number
 * never lets an attempt escape the count. When the number asked about is itself unknown, it may be
 * any of the person's numbers, so the count is that of the busiest one.
 */
function worstNumberCount(facts: Facts, target: Target, cap: number): DailyCount {
  const unanswered = (attempt: TimedAttempt) => isOutboundVoice(attempt) &&
    UNANSWERED_OR_RESERVED.has(attempt.outcome);
  const countOn = (point: string | undefined) => worstDailyCount(facts, facts.targetZones, (attempt) =>
    unanswered(attempt) && (attempt.contactPointId === undefined
      ? attempt.partyId === target.partyId
      : attempt.contactPointId === point));
  if (target.contactPointId !== undefined) return countOn(target.contactPointId);
  const candidates = new Set<string | undefined>([undefined]);
  for (const attempt of facts.attempts) {
    if (attempt.partyId === target.partyId && unanswered(attempt)) candidates.add(attempt.contactPointId);
  }
  // Of several numbers at the cap, the one whose day ends last: only then are all of them free.
  const worse = (a: DailyCount, b: DailyCount) =>
    a.count >= cap && b.count >= cap ? a.dayEndMs > b.dayEndMs : a.count > b.count;
  let worst: DailyCount | null = null;
  for (const point of candidates) {
    const count = countOn(point);
    if (worst === null || worse(count, worst)) worst = count;
  }
  return worst!;
}
