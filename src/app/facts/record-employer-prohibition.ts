import type { Db } from '../../db/database.ts';
import { findParty, isNotAfter } from './find-party.ts';

/**
 * Records that a person's employer prohibits them from receiving collection communications at work
 * (known since `knownSince`), or that it no longer does. The gate then refuses contact on the person's
 * workplace numbers and addresses (US-02).
 */
type RecordEmployerProhibitionResult =
  | { ok: true }
  | { ok: false; reason: 'unknown_party'; field: 'partyId' }
  | { ok: false; reason: 'instant_in_future'; field: 'knownSince' };

export async function recordEmployerProhibition(db: Db, partyId: string, prohibits: boolean,
  knownSince: string | undefined, now: Date): Promise<RecordEmployerProhibitionResult> {
  const since = knownSince === undefined ? now : new Date(knownSince);
  if (!isNotAfter(since, now)) return { ok: false, reason: 'instant_in_future', field: 'knownSince' };
  const party = await findParty(db, partyId);
  if (party === null) return { ok: false, reason: 'unknown_party', field: 'partyId' };
  await db.query('UPDATE party SET employer_prohibits_contact_since = $2 WHERE id = $1',
    [party.id, prohibits ? since : null]);
  return { ok: true };
}
