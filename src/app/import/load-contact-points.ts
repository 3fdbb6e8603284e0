import type { Db } from '../../db/database.ts';
import type { ContactPointRecord } from '../../domain/import/import-records.ts';
import type { Item } from './load-records.ts';
import { rejectStaged, stageRows, updateChanged, upsertStaged, type BatchResult } from './stage-rows.ts';

/**
 * Upserts contact points by external id, each under its party and that party's borrower. A contact
 * point cannot move to another party: the contact history recorded against it would move with it.
 */
const STAGE = 'import_stage_contact_point';
const COLUMNS = [
  ['external_id', 'text'], ['party_external_id', 'text'], ['kind', 'text'], ['value', 'text'],
  ['status', 'text'], ['employer_provided', 'boolean'], ['party_id', 'bigint'], ['borrower_id', 'bigint'],
] as const;

const UPDATED = ['kind', 'value', 'status', 'employer_provided'];
const NAMES = ['external_id', 'party_id', 'borrower_id', ...UPDATED];

const CHECKS = [{
  sql: `DELETE FROM ${STAGE} s WHERE s.party_id IS NULL RETURNING s.line`,
  field: 'party_external_id', reason: 'unknown_party', message: 'No party has this external id.',
}, {
  sql: `DELETE FROM ${STAGE} s
    WHERE (SELECT c.party_id FROM contact_point c WHERE c.external_id = s.external_id) <> s.party_id
    RETURNING s.line`,
  field: 'party_external_id', reason: 'immutable_field',
  message: 'An existing contact point cannot move to another party.',
}];

export async function loadContactPoints(
  tx: Db, items: readonly Item<ContactPointRecord>[],
): Promise<BatchResult> {
  await stageRows(tx, STAGE, COLUMNS, items.map(({ line, record: r }) => [String(line), r.externalId,
    r.partyExternalId, r.kind, r.value, r.status, String(r.employerProvided), null, null]));
  await tx.query(`UPDATE ${STAGE} s SET (party_id, borrower_id) =
    (SELECT p.id, p.borrower_id FROM party p WHERE p.external_id = s.party_external_id)`);
  const errors = await rejectStaged(tx, CHECKS);
  return upsertStaged(tx, `INSERT INTO contact_point AS t (${NAMES.join(', ')})
    SELECT ${NAMES.join(', ')} FROM ${STAGE} ORDER BY line
    ON CONFLICT (external_id) ${updateChanged('t', UPDATED)} RETURNING 1`, items.length, errors);
}
