import type { Db } from '../../db/database.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { AuditContext } from '../audit/audit-context.ts';

/**
 * Opens a hold on a borrower's account from the desk: a dispute the borrower raised (collection
 * pauses until it is answered: the packs' hold rules read it) or hardship they stated (escalation
 * pauses while contact to arrange a plan stays allowed). Recorded under the collector's name, with
 * the call it came from, and audited in the caller's transaction.
 */
type OpenHoldOptions = {
  /** The caller's transaction: the hold and its audit event are written with the outcome. */
  tx: Db;
  audit: AuditContext;
  kind: 'dispute' | 'hardship';
  borrowerId: bigint;
  /** The account's internal id, or null for a hold on the borrower as a whole. */
  accountId: bigint | null;
  caseId: bigint;
  attemptId: bigint | null;
  recordedBy: string;
  now: Date;
};

export async function openHold(options: OpenHoldOptions): Promise<bigint> {
  const detail = {
    caseId: String(options.caseId), attemptId: options.attemptId === null ? null : String(options.attemptId),
  };
  const [row] = await options.tx.query<{ id: bigint }>(`INSERT INTO hold (borrower_id, account_id, kind,
      started_at, detail, recorded_by)
    VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, [
    options.borrowerId, options.accountId, options.kind, options.now, JSON.stringify(detail),
    options.recordedBy,
  ]);
  await appendAuditEvent(options.tx, {
    context: options.audit, action: 'hold.opened', subjectKind: 'hold', subjectId: String(row!.id),
    borrowerId: options.borrowerId, at: options.now, detail: { kind: options.kind, ...detail },
  });
  return row!.id;
}
