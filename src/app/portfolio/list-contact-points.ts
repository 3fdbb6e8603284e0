import { ACCOUNT_CONTACT_POINTS_SHOWN_MAX } from '../../config/limits.ts';
import type { Db } from '../../db/database.ts';
import type { Row } from '../../db/schema.ts';
import { maskContactValue } from '../../domain/people/mask-contact-value.ts';

/**
 * A number or address on a borrower's file as a page shows it: always masked. The full value
 * leaves the database only through a reveal (audited) or an allowed reservation's dial target.
 */
export type ContactPointView = {
  /** The contact point's external id: what a reveal or a reservation names. */
  id: string;
  partyExternalId: string; partyName: string;
  /** The borrower, or a third party on the file (an emergency contact, a relative, a guarantor). */
  partyRole: 'borrower' | 'third_party';
  relationship: string | null;
  kind: string; maskedValue: string; status: string;
};

type ContactPointRow = Pick<Row<'contact_point'>, 'external_id' | 'kind' | 'value' | 'status'>
  & { party: string; party_kind: string; relationship: string | null; full_name: string };

/**
 * The borrower's contact points, then (when `thirdPartiesShown`) those of the other persons on the
 * file. Third parties the scope hides are left out by the query, so their numbers and names are
 * never read.
 */
export async function listContactPoints(
  db: Db, borrowerId: bigint, thirdPartiesShown: boolean,
): Promise<ContactPointView[]> {
  const rows = await db.query<ContactPointRow>(`SELECT cp.external_id, cp.kind, cp.value, cp.status,
      p.external_id AS party, p.kind AS party_kind, p.relationship, p.full_name
    FROM contact_point cp JOIN party p ON p.id = cp.party_id
    WHERE cp.borrower_id = $1 AND (p.kind = 'borrower' OR $2::boolean)
    ORDER BY p.kind = 'borrower' DESC, p.id, cp.id LIMIT $3`,
  [borrowerId, thirdPartiesShown, ACCOUNT_CONTACT_POINTS_SHOWN_MAX]);
  return rows.map((row) => ({
    id: row.external_id, partyExternalId: row.party, partyName: row.full_name,
    partyRole: row.party_kind === 'borrower' ? 'borrower' : 'third_party', relationship: row.relationship,
    kind: row.kind, maskedValue: maskContactValue(row.kind, row.value), status: row.status,
  }));
}
