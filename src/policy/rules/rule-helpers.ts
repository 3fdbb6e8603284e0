import type { ContentReason } from '../content/scan-content.ts';
import type { Facts, TimedAttempt } from '../engine/facts.ts';
import type { OutcomeDetail } from '../decision.ts';
import type { Verdict, Verdicts } from '../rule.ts';
import type { Outcome } from '../situation.ts';
import { localDayOf, MS_PER_DAY, MS_PER_MINUTE, offsetMsAt } from '../time/zone-clock.ts';

/**
 * Vocabulary and counting shared by the rules: which attempt outcomes are conversations, which
 * are unanswered, how many attempts fall on the borrower's local day in each candidate zone.
 * A reservation (a call being dialled now) counts against every cap, so two collectors dialling
 * the same borrower at once cannot both pass.
 */

/** The person was reached and spoke: a conversation. */
export const CONVERSATION_OUTCOMES: ReadonlySet<Outcome> = new Set([
  'connected', 'promise_to_pay', 'callback_requested', 'refused',
]);
/** Counts as a connected call against a daily cap: a conversation, or a call being dialled now. */
export const CONNECTED_OR_RESERVED: ReadonlySet<Outcome> = new Set([...CONVERSATION_OUTCOMES, 'reserved']);
/** The call went out and nobody answered (or a machine did), or it is being dialled now. */
export const UNANSWERED_OR_RESERVED: ReadonlySet<Outcome> = new Set([
  'no_answer', 'busy', 'failed', 'voicemail_left', 'reserved',
]);
/** An attempt to reach the borrower that failed. */
export const FAILED_TO_REACH: ReadonlySet<Outcome> = new Set([
  'no_answer', 'busy', 'failed', 'invalid_number', 'voicemail_left', 'wrong_party',
]);

export function isOutboundVoice(attempt: TimedAttempt): boolean {
  return attempt.channel === 'voice' && attempt.direction !== 'inbound';
}

export type DailyCount = { readonly count: number; readonly zone: string; readonly dayEndMs: number };

/**
 * The largest number of matching attempts on the local day of `nowMs`, over the candidate zones
 * (a cap must hold on the borrower's day wherever they are), with the end of that day.
 */
export function worstDailyCount(
  facts: Facts, zones: readonly string[], matches: (attempt: TimedAttempt) => boolean,
): DailyCount {
  let worst: DailyCount | null = null;
  for (const zone of zones) {
    const day = localDayOf(zone, facts.nowMs);
    let count = 0;
    for (const attempt of facts.attempts) {
      if (attempt.atMs >= day.startMs && attempt.atMs < day.endMs && matches(attempt)) count += 1;
    }
    if (worst === null || count > worst.count || (count === worst.count && day.endMs > worst.dayEndMs)) {
      worst = { count, zone, dayEndMs: day.endMs };
    }
  }
  return worst!;
}

/** "21:59" local time of an instant in a zone. */
export function localTimeText(zone: string, epochMs: number): string {
  const local = epochMs + offsetMsAt(zone, epochMs);
  const minutes = Math.floor((((local % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY) / MS_PER_MINUTE);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * The content rules' shared verdict: the first blocking finding of the guard among this rule's
 * reasons denies, naming the span and the pattern behind it; a low-confidence finding alone warns
 * (a person reviews it); no content means the rule has nothing to check.
 */
export function contentVerdict<R extends string>(
  facts: Facts, verdicts: Verdicts<R>, reasons: readonly (ContentReason & R)[], clean: R,
): Verdict {
  const findings = facts.contentFindings();
  if (findings === null) return verdicts.notApplicable('no_content');
  const own = findings.filter((item) => (reasons as readonly string[]).includes(item.reason));
  const finding = own.find((item) => item.level !== 'warn') ?? own[0];
  if (finding === undefined) return verdicts.allow(clean);
  const found: Record<string, string | number> = { phrase: finding.phrase, at: finding.at };
  if (finding.pattern !== undefined) found.pattern = finding.pattern;
  const detail: OutcomeDetail = finding.at === -1 ? { missing: finding.phrase } : found;
  return finding.level === 'warn' ? verdicts.warn(finding.reason as R, detail)
    : verdicts.deny(finding.reason as R, { detail });
}

/** Whether the most recent outbound voice attempts to the borrower failed, `needed` times in a row. */
export function consecutiveFailures(facts: Facts, borrowerId: string): number {
  let failures = 0;
  for (let index = facts.attempts.length - 1; index >= 0; index -= 1) {
    const attempt = facts.attempts[index]!;
    if (attempt.atMs > facts.nowMs || attempt.partyId !== borrowerId || !isOutboundVoice(attempt)) continue;
    if (attempt.outcome === 'reserved' || attempt.outcome === 'cancelled') continue;
    if (!FAILED_TO_REACH.has(attempt.outcome)) break;
    failures += 1;
  }
  return failures;
}
