import type { Db } from '../../db/database.ts';
import { findParty, isNotAfter } from './find-party.ts';

/**
 * Records a time of day or a place a person said is inconvenient ("not before noon", "don't call me
 * at work", "not at my mother's house"). The gate refuses contact then or there (US-01, US-02,
 * CN-CIVIL-01) until the statement is withdrawn.
 */
type InconvenienceInput =
  | { kind: 'time'; from: string; until: string; statedAt?: string }
  | { kind: 'workplace'; statedAt?: string }
  | { kind: 'contact_point'; contactPointId: string; statedAt?: string };

type RecordInconvenienceResult =
  | { ok: true; id: bigint }
  | { ok: false; reason: 'unknown_party'; field: 'partyId' }
  | { ok: false; reason: 'unknown_contact_point'; field: 'contactPointId' }
  | { ok: false; reason: 'empty_time_range'; field: 'until' }
  | { ok: false; reason: 'instant_in_future'; field: 'statedAt' };

export async function recordInconvenience(db: Db, partyId: string, input: InconvenienceInput,
  recordedBy: string, now: Date): Promise<RecordInconvenienceResult> {
  const statedAt = input.statedAt === undefined ? now : new Date(input.statedAt);
  if (!isNotAfter(statedAt, now)) return { ok: false, reason: 'instant_in_future', field: 'statedAt' };
  if (input.kind === 'time' && input.from === input.until) {
    return { ok: false, reason: 'empty_time_range', field: 'until' };
  }
  const party = await findParty(db, partyId);
  if (party === null) return { ok: false, reason: 'unknown_party', field: 'partyId' };
  let contactPointId: bigint | null = null;
  if (input.kind === 'contact_point') {
    const [point] = await db.query<{ id: bigint }>(
      'SELECT id FROM contact_point WHERE external_id = $1 AND party_id = $2',
      [input.contactPointId, party.id],
    );
    if (point === undefined) return { ok: false, reason: 'unknown_contact_point', field: 'contactPointId' };
    contactPointId = point.id;
  }
  const [row] = await db.query<{ id: bigint }>(
    `INSERT INTO stated_inconvenience (borrower_id, party_id, kind, from_time, until_time, contact_point_id,
      stated_at, recorded_at, recorded_by)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [party.borrowerId, party.id, input.kind, input.kind === 'time' ? input.from : null,
      input.kind === 'time' ? input.until : null, contactPointId, statedAt, now, recordedBy],
  );
  return { ok: true, id: row!.id };
}
