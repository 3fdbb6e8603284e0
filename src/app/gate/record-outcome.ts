import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { AuditContext } from '../audit/audit-context.ts';
import { OUTCOME_DURATION_SECONDS_MAX, OUTCOME_END_AHEAD_SECONDS_MAX } from '../../config/limits.ts';
import type { Db } from '../../db/database.ts';
import { checkInstant } from '../../domain/input/check-instant.ts';
import type { Channel, Outcome } from '../../policy/situation.ts';

/**
 * Records what happened to a reserved contact. The reservation counted against every cap; the
 * outcome decides what it counts as from now on: a conversation stays a connected call, an
 * unanswered call moves to the per-number unanswered count, a message that went out counts as a
 * message, and a cancelled reservation (never dialled or sent) counts as nothing, which releases
 * the slot. The outcome also updates what the file knows: a contact person who refuses is never
 * contacted again (CN-GBT-03), a dead number is marked invalid, and "call me at …" becomes a
 * callback agreement that blocks calls until then (R6).
 */
export const OUTCOMES_BY_CHANNEL: Readonly<Record<Channel, readonly Outcome[]>> = {
  voice: [
    'connected',
    'no_answer',
    'busy',
    'invalid_number',
    'refused',
    'wrong_party',
    'callback_requested',
    'promise_to_pay',
    'voicemail_left',
    'failed',
    'cancelled',
  ],
  sms: ['delivered', 'bounced', 'invalid_number', 'failed', 'cancelled'],
  email: ['delivered', 'bounced', 'failed', 'cancelled'],
  app_push: ['delivered', 'failed', 'cancelled'],
  letter: ['delivered', 'bounced', 'cancelled'],
  visit: [
    'connected',
    'no_answer',
    'refused',
    'wrong_party',
    'callback_requested',
    'promise_to_pay',
    'cancelled',
  ],
};

export type OutcomeReport = {
  outcome: Outcome;
  endedAt?: string;
  durationSeconds?: number;
  /** With callback_requested: when the person asked to be contacted. */
  callbackAt?: string;
};

export type CountsAs = 'connected_call' | 'unanswered_attempt' | 'message' | 'visit' | 'nothing';

export type RecordOutcomeResult =
  | {
      ok: true;
      status: 'recorded' | 'unchanged';
      attemptId: bigint;
      outcome: Outcome;
      countsAs: CountsAs;
      released: boolean;
    }
  | { ok: false; reason: 'unknown_attempt' }
  | { ok: false; reason: 'invalid_instant'; field: 'endedAt' | 'callbackAt' }
  | { ok: false; reason: 'outcome_not_for_channel'; channel: Channel; allowed: readonly Outcome[] }
  | { ok: false; reason: 'ended_at_out_of_range'; field: 'endedAt' }
  | { ok: false; reason: 'duration_out_of_range'; field: 'durationSeconds' }
  | { ok: false; reason: 'outcome_already_recorded'; recorded: Outcome }
  | { ok: false; reason: 'callback_time_required' | 'callback_time_not_in_future' };

const CONVERSATIONS = new Set<Outcome>(['connected', 'refused', 'callback_requested', 'promise_to_pay']);
const UNANSWERED = new Set<Outcome>([
  'no_answer',
  'busy',
  'failed',
  'voicemail_left',
  'invalid_number',
  'wrong_party',
]);

export function countsAs(channel: Channel, outcome: Outcome): CountsAs {
  if (outcome === 'cancelled') return 'nothing';
  if (channel === 'visit') return 'visit';
  if (channel !== 'voice') return outcome === 'delivered' ? 'message' : 'nothing';
  return CONVERSATIONS.has(outcome)
    ? 'connected_call'
    : UNANSWERED.has(outcome)
      ? 'unanswered_attempt'
      : 'nothing';
}

type AttemptState = {
  id: bigint;
  borrower_id: bigint;
  party_id: bigint;
  contact_point_id: bigint | null;
  channel: Channel;
  outcome: Outcome;
  started_at: Date;
  actor_id: string;
  party_kind: string;
};

/**
 * Who reports an outcome: recorded in the audit trail with it; `actorId`, when not null, is the
 * only actor whose attempts they may report (a collector their own calls; a dialler any).
 */
type OutcomeReporter = { audit: AuditContext; actorId: string | null };

export async function recordOutcome(
  db: Db,
  attemptId: bigint,
  report: OutcomeReport,
  now: Date,
  by: OutcomeReporter | null = null,
): Promise<RecordOutcomeResult> {
  const instants = readInstants(report);
  if (!instants.ok) return instants;
  return db.transaction(async (tx) => {
    const [attempt] = await tx.query<AttemptState>(
      `SELECT a.id, a.borrower_id, a.party_id, a.contact_point_id,
        a.channel, a.outcome, a.started_at, a.actor_id, p.kind AS party_kind
      FROM contact_attempt a JOIN party p ON p.id = a.party_id WHERE a.id = $1 FOR UPDATE OF a`,
      [attemptId],
    );
    // Another caller's attempt is answered as unknown: its existence is not the reporter's to learn.
    if (attempt === undefined || (by !== null && by.actorId !== null && by.actorId !== attempt.actor_id)) {
      return { ok: false, reason: 'unknown_attempt' };
    }
    const allowed = OUTCOMES_BY_CHANNEL[attempt.channel];
    if (!allowed.includes(report.outcome)) {
      return { ok: false, reason: 'outcome_not_for_channel', channel: attempt.channel, allowed };
    }
    const bounds = checkTimes(attempt.started_at, instants.endedAt, report.durationSeconds, now);
    if (bounds !== null) return bounds;
    const result = (status: 'recorded' | 'unchanged') => ({
      ok: true as const,
      status,
      attemptId,
      outcome: report.outcome,
      countsAs: countsAs(attempt.channel, report.outcome),
      released: attempt.channel === 'voice' && !CONVERSATIONS.has(report.outcome),
    });
    if (attempt.outcome !== 'reserved') {
      return attempt.outcome === report.outcome
        ? result('unchanged')
        : { ok: false, reason: 'outcome_already_recorded', recorded: attempt.outcome };
    }
    if (report.outcome === 'callback_requested') {
      if (report.callbackAt === undefined) return { ok: false, reason: 'callback_time_required' };
      if (instants.callbackAt!.getTime() <= now.getTime())
        return { ok: false, reason: 'callback_time_not_in_future' };
    }
    await tx.query(
      `UPDATE contact_attempt SET outcome = $2, ended_at = $3, duration_seconds = $4,
        outcome_recorded_at = $5 WHERE id = $1`,
      [attemptId, report.outcome, instants.endedAt ?? now, report.durationSeconds ?? null, now],
    );
    await updateFile(tx, attempt, report, now);
    if (by !== null) {
      await appendAuditEvent(tx, {
        context: by.audit, action: 'contact.outcome_recorded', subjectKind: 'contact_attempt',
        subjectId: String(attemptId), borrowerId: BigInt(attempt.borrower_id), at: now,
        detail: { outcome: report.outcome, channel: attempt.channel },
      });
    }
    return result('recorded');
  });
}

/** The report's instants, read and checked (a real date and time, in the calendar's range). */
function readInstants(
  report: OutcomeReport,
):
  | { ok: true; endedAt: Date | null; callbackAt: Date | null }
  | Extract<RecordOutcomeResult, { reason: 'invalid_instant' }> {
  const endedAt = report.endedAt === undefined ? null : checkInstant(report.endedAt);
  if (endedAt === null && report.endedAt !== undefined) {
    return { ok: false, reason: 'invalid_instant', field: 'endedAt' };
  }
  const callbackAt = report.callbackAt === undefined ? null : checkInstant(report.callbackAt);
  if (callbackAt === null && report.callbackAt !== undefined) {
    return { ok: false, reason: 'invalid_instant', field: 'callbackAt' };
  }
  return { ok: true, endedAt, callbackAt };
}

/**
 * A reported end lies after the attempt's start and not later than now, give or take a dialler's
 * clock skew; without one, the attempt ends now. It lasts a whole number of seconds, at most a
 * working day and at most the time from its start to its end. The start is stored to the microsecond
 * and a dialler counts whole seconds, so the duration may round up the last second.
 */
function checkTimes(
  startedAt: Date,
  reportedEnd: Date | null,
  durationSeconds: number | undefined,
  now: Date,
): Extract<RecordOutcomeResult, { reason: 'ended_at_out_of_range' | 'duration_out_of_range' }> | null {
  if (reportedEnd !== null && (reportedEnd.getTime() < startedAt.getTime() ||
    reportedEnd.getTime() > now.getTime() + OUTCOME_END_AHEAD_SECONDS_MAX * 1000)) {
    return { ok: false, reason: 'ended_at_out_of_range', field: 'endedAt' };
  }
  if (durationSeconds === undefined) return null;
  const endedAt = reportedEnd ?? now;
  const elapsedSeconds = Math.ceil((endedAt.getTime() - startedAt.getTime()) / 1000);
  if (!Number.isSafeInteger(durationSeconds) || durationSeconds < 0 ||
    durationSeconds > Math.min(OUTCOME_DURATION_SECONDS_MAX, elapsedSeconds)) {
    return { ok: false, reason: 'duration_out_of_range', field: 'durationSeconds' };
  }
  return null;
}

async function updateFile(tx: Db, attempt: AttemptState, report: OutcomeReport, now: Date): Promise<void> {
  if (report.outcome === 'refused' && attempt.party_kind === 'contact_person') {
    await tx.query(
      `UPDATE party SET do_not_contact_since = $2, do_not_contact_reason = 'refused_contact'
      WHERE id = $1 AND do_not_contact_since IS NULL`,
      [attempt.party_id, now],
    );
  }
  if (
    (report.outcome === 'invalid_number' || report.outcome === 'wrong_party') &&
    attempt.contact_point_id !== null
  ) {
    await tx.query('UPDATE contact_point SET status = $2 WHERE id = $1', [
      attempt.contact_point_id,
      report.outcome === 'invalid_number' ? 'invalid' : 'wrong_person',
    ]);
  }
  if (report.outcome === 'callback_requested') {
    await tx.query(
      `INSERT INTO agreement (borrower_id, party_id, kind, channel, starts_at, recorded_at,
        recorded_by, detail)
      VALUES ($1, $2, 'callback', $3, $4, $5, $6, $7)`,
      [
        attempt.borrower_id,
        attempt.party_id,
        attempt.channel,
        report.callbackAt,
        now,
        attempt.actor_id,
        JSON.stringify({ attemptId: String(attempt.id) }),
      ],
    );
  }
}
