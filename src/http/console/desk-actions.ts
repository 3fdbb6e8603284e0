import type { FastifyRequest } from 'fastify';
import type { Static } from '@fastify/type-provider-typebox';
import { Temporal } from 'temporal-polyfill';
import { businessDate } from '../../app/calendar/business-date.ts';
import { addCaseNote } from '../../app/desk/add-case-note.ts';
import { getCaseFile, type CaseFile } from '../../app/desk/get-case-file.ts';
import { recordCallOutcome } from '../../app/desk/record-call-outcome.ts';
import { reserveContact } from '../../app/gate/reserve-contact.ts';
import { resolveActor } from '../../app/identity/resolve-actor.ts';
import { principalName } from '../../domain/people/principal.ts';
import { parseMajor } from '../../stdx/money.ts';
import { AppError } from '../app-error.ts';
import { auditContextOf } from '../auth/audit-context-of.ts';
import { principalOf } from '../auth/principal-of.ts';
import { scopeOf } from '../scope-of.ts';
import type { DeskContext, NOTE_BODY, OUTCOME_BODY, RESERVE_BODY } from './desk-routes.ts';

/**
 * What the desk's forms do: reserve a call, record its outcome, add a note. Each first finds the
 * case in the principal's scope (404 otherwise), and answers with the state the case page shows
 * next: the reservation with its number, or a refusal naming its reason and field.
 */
export type CaseState =
  | { kind: 'idle' }
  | { kind: 'reserved'; attemptId: string; contactPointId: string; dialValue: string }
  | {
      kind: 'refused'; status: number; reason: string; field: string | null;
      denials: { ruleId: string; reason: string }[]; nextAllowedAt: string | null;
    }
  | { kind: 'done' };

const DATE_TIME_LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const CIVIL_DATE = /^\d{4}-\d{2}-\d{2}$/;

const refused = (status: number, reason: string, field: string | null): CaseState => ({
  kind: 'refused', status, reason, field, denials: [], nextAllowedAt: null,
});

export async function caseInScope(
  request: FastifyRequest, context: DeskContext, caseId: string,
): Promise<CaseFile> {
  const found = await getCaseFile(context.db, caseId, scopeOf(request));
  if (!found.ok) throw new AppError(404, 'unknown_case', 'no case with this id', 'id');
  return found.file;
}

export async function reserveAction(
  context: DeskContext, request: FastifyRequest, caseId: string, body: Static<typeof RESERVE_BODY>,
): Promise<CaseState> {
  const { db, gate, clock } = context;
  const file = await caseInScope(request, context, caseId);
  const point = file.accounts.flatMap((account) => account.contactPoints)
    .find((row) => row.id === body.contactPointId);
  if (point === undefined || file.accountId === null) {
    return refused(400, 'unknown_contact_point', 'contactPointId');
  }
  const actor = await resolveActor({
    db, principal: principalOf(request), agent: undefined, dialledFrom: undefined,
  });
  if (!actor.ok) return refused(403, actor.reason, null);
  const result = await reserveContact(db, gate, {
    accountId: file.accountId, action: 'contact', channel: 'voice', actor: actor.actor,
    targetPartyId: point.partyExternalId, contactPointId: point.id,
  }, clock.now(), scopeOf(request), auditContextOf(request));
  if (!result.ok) return refused(422, result.rejection.reason, result.rejection.field);
  if (!result.reserved) {
    return {
      kind: 'refused', status: 409, reason: 'denied_by_gate', field: null,
      denials: result.decision.outcomes.filter((outcome) => outcome.result === 'deny')
        .map((outcome) => ({ ruleId: outcome.ruleId, reason: outcome.reason })),
      nextAllowedAt: result.decision.nextAllowedAt,
    };
  }
  return {
    kind: 'reserved', attemptId: String(result.attemptId), contactPointId: point.id,
    dialValue: result.dialTarget?.value ?? '',
  };
}

export async function outcomeAction(
  context: DeskContext, request: FastifyRequest, caseId: string, body: Static<typeof OUTCOME_BODY>,
): Promise<CaseState> {
  const file = await caseInScope(request, context, caseId);
  const read = readOutcomeForm(file, body);
  if ('reason' in read) return refused(400, read.reason, read.field);
  const now = context.clock.now();
  const result = await recordCallOutcome({
    db: context.db, principal: principalOf(request), audit: auditContextOf(request), caseId: BigInt(caseId),
    attemptId: BigInt(body.attemptId), outcome: body.outcome, asOf: businessDate(now), now, ...read,
  });
  if (!result.ok) {
    return refused(result.reason === 'unknown_attempt' ? 404 : 400, result.reason, result.field);
  }
  return { kind: 'done' };
}

/** The form's fields as the use case takes them: a callback time in the borrower's zone, an exact amount. */
function readOutcomeForm(file: CaseFile, body: Static<typeof OUTCOME_BODY>):
  | {
      callbackAt?: string; promise?: { amountMinor: bigint; dueOn: string };
      recordingRef?: string; note?: string;
    }
  | { reason: string; field: string } {
  const recordingRef = body.recordingRef?.trim() ?? '';
  const note = body.note?.trim() ?? '';
  const extras = { ...(recordingRef === '' ? {} : { recordingRef }), ...(note === '' ? {} : { note }) };
  if (body.outcome === 'callback_requested') {
    const local = body.callbackAt ?? '';
    if (!DATE_TIME_LOCAL.test(local)) return { reason: 'callback_time_required', field: 'callbackAt' };
    const instant = instantInZone(local, file.timeZone);
    if (instant === null) return { reason: 'invalid_instant', field: 'callbackAt' };
    return { ...extras, callbackAt: instant };
  }
  if (body.outcome === 'promise_to_pay') {
    const amountMinor = parseMajor((body.amount ?? '').replaceAll(',', '').trim(), file.currency);
    if (amountMinor === null) return { reason: 'invalid_amount', field: 'amount' };
    const dueOn = body.dueOn ?? '';
    if (!CIVIL_DATE.test(dueOn) || !isRealDate(dueOn)) return { reason: 'invalid_date', field: 'dueOn' };
    return { ...extras, promise: { amountMinor, dueOn } };
  }
  return extras;
}

function instantInZone(local: string, zone: string): string | null {
  try {
    return Temporal.PlainDateTime.from(local, { overflow: 'reject' }).toZonedDateTime(zone)
      .toInstant().toString();
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

function isRealDate(text: string): boolean {
  try {
    Temporal.PlainDate.from(text, { overflow: 'reject' });
    return true;
  } catch (error) {
    if (error instanceof RangeError) return false;
    throw error;
  }
}

export async function noteAction(
  context: DeskContext, request: FastifyRequest, caseId: string, note: Static<typeof NOTE_BODY>['note'],
): Promise<void> {
  const file = await caseInScope(request, context, caseId);
  const body = note.trim();
  if (body === '') throw new AppError(400, 'note_empty', 'the note is empty', 'note');
  const now = context.clock.now();
  await context.db.transaction((tx) => addCaseNote({
    tx, audit: auditContextOf(request), caseId: BigInt(caseId), borrowerId: file.borrowerId, attemptId: null,
    body, recordedBy: principalName(principalOf(request)), now,
  }));
}
