import type { Db } from '../../db/database.ts';
import { columnLike, columnsLike, copyRowOf, type Row } from '../../db/schema.ts';
import type { PartyRecord } from '../../domain/import/import-records.ts';
import type { Item } from './load-records.ts';
import {
  rejectStaged, stageRows, updateChanged, type BatchResult, type StageCheck,
} from './stage-rows.ts';

/**
 * Upserts parties by external id. A borrower's borrower_id is its own id, set right after it is
 * inserted; a contact person's is the id of the borrower it names. Borrowers of the batch go in
 * before its contact persons, so a contact person may come before or after its borrower within a
 * batch, and after it across batches and files. Who a party is cannot change afterwards (its kind,
 * a contact person's borrower): accounts, contact points and contact history hang on it.
 */
const STAGE = 'import_stage_party';
const UPDATED = [
  'relationship', 'full_name', 'time_zone', 'extra_time_zones', 'city', 'country', 'locale',
] as const;
const COLUMNS = [
  ...columnsLike('party', ['external_id', 'kind', ...UPDATED]),
  columnLike('party', 'external_id', 'borrower_external_id'),
];
const stagedRow = copyRowOf(['line', ...COLUMNS.map(([name]) => name)]);

const BORROWER_ID = `(SELECT b.id FROM party b WHERE b.external_id = s.borrower_external_id
  AND b.kind = 'borrower')`;

const KIND_CHANGED: StageCheck = {
  sql: `DELETE FROM ${STAGE} s
    WHERE (SELECT p.kind FROM party p WHERE p.external_id = s.external_id) <> s.kind
    RETURNING s.line`,
  field: 'kind', reason: 'immutable_field', message: 'An existing party cannot change its kind.',
};

const CONTACT_CHECKS: StageCheck[] = [{
  sql: `DELETE FROM ${STAGE} s WHERE s.kind = 'contact_person' AND ${BORROWER_ID} IS NULL RETURNING s.line`,
  field: 'borrower_external_id', reason: 'unknown_borrower', message: 'No borrower has this external id.',
}, {
  sql: `DELETE FROM ${STAGE} s WHERE s.kind = 'contact_person'
    AND (SELECT p.borrower_id FROM party p WHERE p.external_id = s.external_id) <> ${BORROWER_ID}
    RETURNING s.line`,
  field: 'borrower_external_id', reason: 'immutable_field',
  message: 'An existing contact person cannot move to another borrower.',
}];

export async function loadParties(tx: Db, items: readonly Item<PartyRecord>[]): Promise<BatchResult> {
  await stageRows(tx, STAGE, COLUMNS, items.map(({ line, record: r }) => stagedRow({
    line: String(line),
    external_id: r.externalId, kind: r.kind, borrower_external_id: r.borrowerExternalId,
    relationship: r.relationship, full_name: r.fullName, time_zone: r.timeZone,
    extra_time_zones: `{${r.extraTimeZones.join(',')}}`, city: r.city, country: r.country, locale: r.locale,
  })));
  const errors = await rejectStaged(tx, [KIND_CHANGED]);
  const borrowers = await tx.query<Pick<Row<'party'>, 'id'> & { fresh: boolean }>(
    upsert('borrower', '0', 'id, borrower_id = 0 AS fresh'),
  );
  const fresh = borrowers.filter((row) => row.fresh).map((row) => String(row.id));
  if (fresh.length > 0) {
    await tx.query('UPDATE party SET borrower_id = id WHERE id = ANY($1::bigint[])', [fresh]);
  }
  errors.push(...await rejectStaged(tx, CONTACT_CHECKS));
  const contacts = await tx.query(upsert('contact_person', BORROWER_ID, '1'));
  const loaded = borrowers.length + contacts.length;
  return { loaded, unchanged: items.length - errors.length - loaded, errors };
}

/** One kind of the staged parties; returns a row per inserted or changed party. */
function upsert(kind: PartyRecord['kind'], borrowerId: string, returning: string): string {
  return `INSERT INTO party AS t (external_id, kind, borrower_id, ${UPDATED.join(', ')})
    SELECT s.external_id, s.kind, ${borrowerId}, ${UPDATED.map((column) => `s.${column}`).join(', ')}
    FROM ${STAGE} s WHERE s.kind = '${kind}' ORDER BY s.line
    ON CONFLICT (external_id) ${updateChanged('t', UPDATED)} RETURNING ${returning}`;
}
