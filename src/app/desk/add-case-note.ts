import { CASE_NOTE_CHARS_MAX } from '../../config/limits.ts';
import type { Db } from '../../db/database.ts';
import { assert } from '../../stdx/assert.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { AuditContext } from '../audit/audit-context.ts';

/**
 * Adds a collector's note to a case, with the call it belongs to when there is one, audited in the
 * caller's transaction. The audit event records the note's length, not its text: a note may hold
 * what a borrower said about their life, which the trail has no need to copy.
 */
type AddCaseNoteOptions = {
  tx: Db;
  audit: AuditContext;
  caseId: bigint;
  borrowerId: bigint;
  attemptId: bigint | null;
  body: string;
  recordedBy: string;
  now: Date;
};

export async function addCaseNote(options: AddCaseNoteOptions): Promise<bigint> {
  assert(options.body.length >= 1 && options.body.length <= CASE_NOTE_CHARS_MAX, 'the edge bounds a note');
  const [row] = await options.tx.query<{ id: bigint }>(`INSERT INTO case_note (case_id, borrower_id,
      attempt_id, body, recorded_at, recorded_by)
    VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, [
    options.caseId, options.borrowerId, options.attemptId, options.body, options.now, options.recordedBy,
  ]);
  await appendAuditEvent(options.tx, {
    context: options.audit, action: 'note.added', subjectKind: 'case_note', subjectId: String(row!.id),
    borrowerId: options.borrowerId, at: options.now,
    detail: {
      caseId: String(options.caseId),
      attemptId: options.attemptId === null ? null : String(options.attemptId),
      characters: options.body.length,
    },
  });
  return row!.id;
}
