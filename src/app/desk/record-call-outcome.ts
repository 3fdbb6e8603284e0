import type { Db } from '../../db/database.ts';
import { principalName, type Principal } from '../../domain/people/principal.ts';
import type { Outcome } from '../../policy/situation.ts';
import type { CivilDate } from '../../stdx/civil-date.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { AuditContext } from '../audit/audit-context.ts';
import { recordOutcome } from '../gate/record-outcome.ts';
import { addCaseNote } from './add-case-note.ts';
import { openHold } from './open-hold.ts';
import { recordPromise } from './record-promise.ts';

/**
 * What came of a call the collector reserved from the desk, recorded at once: the attempt's outcome
 * (record-outcome.ts: the caps, a callback agreement the gate respects, a dead number), and with it
 * what the conversation produced: a promise to pay (record-promise.ts), a dispute or hardship hold
 * (open-hold.ts), a recording reference and a note. Everything commits together or not at all, so a
 * promise refused for its amount leaves the call unreported and the form can be sent again.
 *
 * A dispute and a hardship statement are conversations, recorded on the attempt as `connected`.
 * Hardship opens a `hardship` hold rather than only a note: the packs' hold rules read holds, so the
 * ladder stops escalating while calls to agree a plan stay allowed; a note alone would change nothing
 * the gate sees.
 */
export const DESK_OUTCOMES = [
  'connected', 'no_answer', 'busy', 'invalid_number', 'refused', 'wrong_party', 'callback_requested',
  'promise_to_pay', 'dispute_raised', 'hardship_stated',
] as const;
type DeskOutcome = (typeof DESK_OUTCOMES)[number];

type RecordCallOutcomeOptions = {
  db: Db;
  principal: Principal;
  audit: AuditContext;
  caseId: bigint;
  attemptId: bigint;
  outcome: DeskOutcome;
  /** With callback_requested: the instant the person asked to be called (RFC 3339). */
  callbackAt?: string;
  /** With promise_to_pay: the amount in the case's currency and the date. */
  promise?: { amountMinor: bigint; dueOn: CivilDate };
  recordingRef?: string;
  note?: string;
  /** The business date (the day a promise is made). */
  asOf: CivilDate;
  now: Date;
};

type Rejection = { reason: string; field: string | null };
type RecordCallOutcomeResult =
  | { ok: true; promiseId: bigint | null; holdId: bigint | null; noteId: bigint | null }
  | ({ ok: false } & Rejection);

const GATE_OUTCOME: Readonly<Record<DeskOutcome, Outcome>> = {
  connected: 'connected', no_answer: 'no_answer', busy: 'busy', invalid_number: 'invalid_number',
  refused: 'refused', wrong_party: 'wrong_party', callback_requested: 'callback_requested',
  promise_to_pay: 'promise_to_pay', dispute_raised: 'connected', hardship_stated: 'connected',
};

/** Thrown inside the transaction to roll it back; turned into a rejection value outside it. */
class Refused extends Error {
  readonly rejection: Rejection;

  constructor(rejection: Rejection) {
    super(rejection.reason);
    this.rejection = rejection;
  }
}

export async function recordCallOutcome(options: RecordCallOutcomeOptions): Promise<RecordCallOutcomeResult> {
  if (options.outcome === 'promise_to_pay' && options.promise === undefined) {
    return { ok: false, reason: 'promise_required', field: 'amount' };
  }
  try {
    return await options.db.transaction((tx) => recordInTransaction(tx, options));
  } catch (error) {
    if (error instanceof Refused) return { ok: false, ...error.rejection };
    throw error;
  }
}

async function recordInTransaction(
  tx: Db, options: RecordCallOutcomeOptions,
): Promise<Extract<RecordCallOutcomeResult, { ok: true }>> {
  const { principal, audit, caseId, attemptId, now } = options;
  const [attempt] = await tx.query<{ borrower_id: bigint; account_id: bigint | null }>(`SELECT c.borrower_id,
      coalesce(a.account_id, c.account_id) AS account_id
    FROM contact_attempt a JOIN collection_case c ON c.id = a.case_id WHERE a.id = $1 AND a.case_id = $2`,
  [attemptId, caseId]);
  if (attempt === undefined) throw new Refused({ reason: 'unknown_attempt', field: 'attemptId' });
  const by = principalName(principal);
  const recorded = await recordOutcome(tx, attemptId, {
    outcome: GATE_OUTCOME[options.outcome],
    ...(options.callbackAt === undefined ? {} : { callbackAt: options.callbackAt }),
  }, now, { audit, actorId: by });
  if (!recorded.ok) {
    const field = 'field' in recorded ? recorded.field
      : recorded.reason.startsWith('callback') ? 'callbackAt'
        : recorded.reason === 'unknown_attempt' ? 'attemptId' : 'outcome';
    throw new Refused({ reason: recorded.reason, field });
  }
  let promiseId: bigint | null = null;
  if (options.outcome === 'promise_to_pay') {
    const promised = await recordPromise({ db: tx, principal, caseId, attemptId, asOf: options.asOf, now,
      amountMinor: options.promise!.amountMinor, dueOn: options.promise!.dueOn });
    if (!promised.ok) {
      throw new Refused({ reason: promised.reason, field: 'field' in promised ? promised.field : null });
    }
    promiseId = promised.promiseId;
    await appendAuditEvent(tx, { context: audit, action: 'promise.recorded', subjectKind: 'promise_to_pay',
      subjectId: String(promiseId), borrowerId: attempt.borrower_id, at: now,
      detail: { caseId: String(caseId), attemptId: String(attemptId),
        amountMinor: String(options.promise!.amountMinor), currency: promised.currency,
        dueOn: options.promise!.dueOn } });
  }
  const holdKind = options.outcome === 'dispute_raised' ? 'dispute'
    : options.outcome === 'hardship_stated' ? 'hardship' : null;
  const holdId = holdKind === null ? null : await openHold({ tx, audit, kind: holdKind,
    borrowerId: attempt.borrower_id, accountId: attempt.account_id, caseId, attemptId, recordedBy: by, now });
  if (options.recordingRef !== undefined) {
    await tx.query('UPDATE contact_attempt SET recording_ref = $2 WHERE id = $1',
      [attemptId, options.recordingRef]);
    await appendAuditEvent(tx, { context: audit, action: 'contact.recording_linked',
      subjectKind: 'contact_attempt',
      subjectId: String(attemptId), borrowerId: attempt.borrower_id, at: now,
      detail: { recordingRef: options.recordingRef } });
  }
  const noteId = options.note === undefined ? null : await addCaseNote({ tx, audit, caseId,
    borrowerId: attempt.borrower_id, attemptId, body: options.note, recordedBy: by, now });
  return { ok: true, promiseId, holdId, noteId };
}
