import type { Db } from '../../db/database.ts';
import { findParty, isNotAfter } from './find-party.ts';

/**
 * Records that an attorney represents a borrower about one debt (or all of them): from `learnedAt`,
 * the gate sends no communication about the debt to the borrower or to third parties (US-17) until
 * the attorney fails to respond or consents to direct contact. The name and contact details are for
 * the collector who must now write to the attorney.
 */
type AttorneyInput = {
  borrowerId: string;
  accountId?: string;
  name: string;
  firm?: string;
  phone?: string;
  email?: string;
  address?: string;
  learnedAt?: string;
};

type RecordAttorneyResult =
  | { ok: true; id: bigint }
  | { ok: false; reason: 'unknown_borrower'; field: 'borrowerId' }
  | { ok: false; reason: 'unknown_account'; field: 'accountId' }
  | { ok: false; reason: 'instant_in_future'; field: 'learnedAt' };

export async function recordAttorney(db: Db, input: AttorneyInput, recordedBy: string,
  now: Date): Promise<RecordAttorneyResult> {
  const learnedAt = input.learnedAt === undefined ? now : new Date(input.learnedAt);
  if (!isNotAfter(learnedAt, now)) return { ok: false, reason: 'instant_in_future', field: 'learnedAt' };
  const borrower = await findParty(db, input.borrowerId);
  if (borrower === null || borrower.kind !== 'borrower') {
    return { ok: false, reason: 'unknown_borrower', field: 'borrowerId' };
  }
  let accountId: bigint | null = null;
  if (input.accountId !== undefined) {
    const [account] = await db.query<{ id: bigint }>(
      'SELECT id FROM account WHERE external_id = $1 AND borrower_id = $2',
      [input.accountId, borrower.id],
    );
    if (account === undefined) return { ok: false, reason: 'unknown_account', field: 'accountId' };
    accountId = account.id;
  }
  const [row] = await db.query<{ id: bigint }>(
    `INSERT INTO attorney_representation (borrower_id, account_id, attorney_name, firm, phone, email, address,
      learned_at, recorded_at, recorded_by)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [borrower.id, accountId, input.name, input.firm ?? null, input.phone ?? null, input.email ?? null,
      input.address ?? null, learnedAt, now, recordedBy],
  );
  return { ok: true, id: row!.id };
}
