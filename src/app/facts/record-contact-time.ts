import type { Db } from '../../db/database.ts';
import type { Channel } from '../../policy/situation.ts';
import { findParty } from './find-party.ts';

/**
 * Records a daily contact time a person gave ("call me between 6 and 9 pm"), as a contact_time
 * agreement in their local time. With `onlyThen` ("only evenings") every other time becomes
 * inconvenient (US-01, CN-CIVIL-01); without it, the time is a permission the quiet-hours rules honour.
 */
type ContactTimeInput = { from: string; until: string; onlyThen: boolean; channel?: Channel };

type RecordContactTimeResult =
  | { ok: true; id: bigint }
  | { ok: false; reason: 'unknown_party'; field: 'partyId' }
  | { ok: false; reason: 'empty_time_range'; field: 'until' };

export async function recordContactTime(db: Db, partyId: string, input: ContactTimeInput,
  recordedBy: string, now: Date): Promise<RecordContactTimeResult> {
  // A daily time does not wrap midnight: "from 22:00 until 02:00" is two statements.
  if (input.from >= input.until) return { ok: false, reason: 'empty_time_range', field: 'until' };
  const party = await findParty(db, partyId);
  if (party === null) return { ok: false, reason: 'unknown_party', field: 'partyId' };
  const [row] = await db.query<{ id: bigint }>(
    `INSERT INTO agreement (borrower_id, party_id, kind, channel, recorded_at, recorded_by, daily_from,
      daily_until, only_then)
    VALUES ($1, $2, 'contact_time', $3, $4, $5, $6, $7, $8) RETURNING id`,
    [party.borrowerId, party.id, input.channel ?? null, now, recordedBy, input.from, input.until,
      input.onlyThen],
  );
  return { ok: true, id: row!.id };
}
