import type { Db } from '../../db/database.ts';
import { columnLike, columnsLike, copyRowOf } from '../../db/schema.ts';
import type { ContactPointRecord } from '../../domain/import/import-records.ts';
import type { Item } from './load-records.ts';
import {
  rejectStaged, stageRows, updateChanged, upsertStaged, type BatchResult,
} from './stage-rows.ts';

/**
 * Upserts contact points by external id, each under its party and that party's borrower. A contact
 * point cannot move to another party: the contact history recorded against it would move with it.
 */
const STAGE = 'import_stage_contact_point';
const UPDATED = ['kind', 'value', 'status', 'employer_provided', 'workplace'] as const;
const NAMES = ['external_id', 'party_id', 'borrower_id', ...UPDATED] as const;
const COLUMNS = [
  ...columnsLike('contact_point', NAMES), columnLike('party', 'external_id', 'party_external_id'),
];
const stagedRow = copyRowOf(['line', ...COLUMNS.map(([name]) => name)]);

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
  await stageRows(tx, STAGE, COLUMNS, items.map(({ line, record: r }) => stagedRow({
    line: String(line),
    external_id: r.externalId, party_external_id: r.partyExternalId, kind: r.kind, value: r.value,
    status: r.status, employer_provided: String(r.employerProvided), workplace: String(r.workplace),
    party_id: null, borrower_id: null,
  })));
  await tx.query(`UPDATE ${STAGE} s SET (party_id, borrower_id) =
    (SELECT p.id, p.borrower_id FROM party p WHERE p.external_id = s.party_external_id)`);
  const errors = await rejectStaged(tx, CHECKS);
  return upsertStaged(tx, `INSERT INTO contact_point AS t (${NAMES.join(', ')})
    SELECT ${NAMES.join(', ')} FROM ${STAGE} ORDER BY line
    ON CONFLICT (external_id) ${updateChanged('t', UPDATED)} RETURNING 1`, items.length, errors);
}
