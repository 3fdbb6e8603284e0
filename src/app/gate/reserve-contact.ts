import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { AuditContext } from '../audit/audit-context.ts';
import type { Db } from '../../db/database.ts';
import { sha256Hex } from '../../stdx/hash.ts';
import type { Decision } from '../../policy/index.ts';
import type { ContactRequest } from './contact-request.ts';
import { decideContact, type DecideResult } from './decide-contact.ts';
import type { PolicyGate } from './policy-gate.ts';
import { findAccountInScope } from '../scope/find-account-in-scope.ts';
import type { DataScope } from '../scope/load-scope.ts';

/**
 * Reserves the right to make one contact now. The decision and the reservation happen in one
 * transaction that first locks the borrower's row, so reservations for the same borrower, from the
 * lender's desk and from every agency, are decided one after another, each seeing the ones before
 * it. A reservation is a contact attempt with outcome `reserved`: it counts against every cap until
 * its outcome is recorded (record-outcome.ts), so fifty collectors pressing "call" at once still
 * get at most the daily cap of calls.
 *
 * Only an account in the caller's scope can be reserved on (another is answered as unknown), and
 * only a person the scope shows. An allowed reservation carries its dial target: the full number
 * or address, the one place a collector's tools receive it unmasked ("the dial gets it"). It is
 * never logged.
 */
export type ReserveResult =
  | { ok: true; reserved: true; attemptId: bigint; decision: Decision; dialTarget: DialTarget | null }
  | { ok: true; reserved: false; decision: Decision }
  | {
      ok: false;
      rejection:
        | Extract<DecideResult, { ok: false }>['rejection']
        | { reason: 'not_a_contact'; field: 'action' };
    };

/** The contact point to dial or write to; null for a contact that uses none (a visit without one). */
type DialTarget = { contactPointId: string; kind: string; value: string };

/** The reserved attempt, with its contact point's id, kind and value when it has one. */
type ReservedRow = { id: bigint; external_id: string | null; kind: string | null; value: string | null };

export async function reserveContact(
  db: Db,
  gate: PolicyGate,
  request: ContactRequest,
  now: Date,
  scope: DataScope,
  /** Who reserves, for the audit trail; null only for callers outside a request (tests, benches). */
  audit: AuditContext | null = null,
): Promise<ReserveResult> {
  if ((request.action ?? 'contact') !== 'contact') {
    return { ok: false, rejection: { reason: 'not_a_contact', field: 'action' } };
  }
  const account = await findAccountInScope(db, scope, request);
  if (!account.ok) return account;
  const borrower = account.borrowerId;
  return db.transaction(async (tx) => {
    await tx.query('SELECT id FROM party WHERE id = $1 FOR UPDATE', [borrower]);
    const decided = await decideContact(tx, gate, request, now, borrower);
    if (!decided.ok) return decided;
    const { decision, built } = decided;
    if (!decision.allowed) return { ok: true, reserved: false, decision };
    const content = request.content;
    // The dial target is read in the same statement, from the contact point the Decision names.
    const [row] = await tx.query<ReservedRow>(
      `WITH attempt AS (INSERT INTO contact_attempt (borrower_id, case_id, party_id,
        contact_point_id, actor_kind, actor_id, agency_id, channel, direction, started_at, outcome,
        template_id, content_hash, verification_ref, decision_id, dialled_from, purpose, account_id)
      VALUES ($1, (SELECT id FROM collection_case WHERE borrower_id = $1 AND status = 'open'), $2, $3, $4, $5,
        $6, $7, 'outbound', $8, 'reserved', $9, $10, $11, $12, $13, $14, $15)
      RETURNING id, contact_point_id)
      SELECT attempt.id, cp.external_id, cp.kind, cp.value
      FROM attempt LEFT JOIN contact_point cp ON cp.id = attempt.contact_point_id`,
      [
        borrower,
        built.target.id,
        built.contactPointId,
        request.actor.kind,
        request.actor.id,
        request.actor.agencyId ?? null,
        built.situation.channel,
        now,
        content?.templateId ?? null,
        content === undefined ? null : sha256Hex(content.text),
        content?.verificationRef ?? null,
        decision.id,
        request.actor.dialledFrom ?? null,
        request.purpose ?? 'collect',
        built.accountId,
      ],
    );
    const dialTarget = row!.external_id === null
      ? null
      : { contactPointId: row!.external_id, kind: row!.kind!, value: row!.value! };
    if (audit !== null) {
      // The dial target's number is handed to the dialler, not recorded: the event names its id only.
      await appendAuditEvent(tx, {
        context: audit, action: 'contact.reserved', subjectKind: 'contact_attempt',
        subjectId: String(row!.id), borrowerId: BigInt(borrower), at: now,
        detail: {
          decisionId: decision.id, channel: built.situation.channel,
          contactPointId: dialTarget?.contactPointId ?? null,
        },
      });
    }
    return { ok: true, reserved: true, attemptId: row!.id, decision, dialTarget };
  });
}
