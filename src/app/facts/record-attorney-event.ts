import type { Db } from '../../db/database.ts';
import { isNotAfter } from './find-party.ts';

/**
 * What happened with a representation since it was recorded: the attorney failed to respond within a
 * reasonable period to the collector's communication, or consented to direct contact with the
 * borrower (either lifts US-17), or no longer represents the borrower. Whether a period was
 * reasonable is the collector's judgment, recorded here with the instant it was made.
 */
export const ATTORNEY_EVENTS = ['failed_to_respond', 'consented_to_direct_contact', 'ended'] as const;
type AttorneyEvent = (typeof ATTORNEY_EVENTS)[number];

type RecordAttorneyEventResult =
  | { ok: true }
  | { ok: false; reason: 'unknown_representation'; field: 'id' }
  | { ok: false; reason: 'instant_in_future'; field: 'at' };

const COLUMN: Readonly<Record<AttorneyEvent, string>> = {
  failed_to_respond: 'failed_to_respond_at',
  consented_to_direct_contact: 'consents_to_direct_contact_at',
  ended: 'ended_at',
};

export async function recordAttorneyEvent(db: Db, id: bigint, event: AttorneyEvent, at: string | undefined,
  now: Date): Promise<RecordAttorneyEventResult> {
  const when = at === undefined ? now : new Date(at);
  if (!isNotAfter(when, now)) return { ok: false, reason: 'instant_in_future', field: 'at' };
  // The first instant recorded stands: repeating the event changes nothing.
  const column = COLUMN[event];
  const rows = await db.query<{ id: bigint }>(
    `UPDATE attorney_representation SET ${column} = COALESCE(${column}, $2) WHERE id = $1 RETURNING id`,
    [id, when],
  );
  return rows.length === 0 ? { ok: false, reason: 'unknown_representation', field: 'id' } : { ok: true };
}
