import type { Db } from '../../db/database.ts';

/** A person on file by external id, with the borrower whose file holds them. */
type PartyRef = { id: bigint; borrowerId: bigint; kind: 'borrower' | 'contact_person' };

export async function findParty(db: Db, externalId: string): Promise<PartyRef | null> {
  const [row] = await db.query<{ id: bigint; borrower_id: bigint; kind: PartyRef['kind'] }>(
    'SELECT id, borrower_id, kind FROM party WHERE external_id = $1',
    [externalId],
  );
  return row === undefined ? null : { id: row.id, borrowerId: row.borrower_id, kind: row.kind };
}

/**
 * Whether an instant given for a fact (when it was said, learned or known) is not later than now:
 * a fact cannot be known before it happens, and a future instant would hide it from every decision
 * until then.
 */
export function isNotAfter(at: Date, now: Date): boolean {
  return at.getTime() <= now.getTime();
}
