import type { Db } from '../../db/database.ts';

/**
 * Marks a number, address or email as reaching its person at work (`workplace`, read by US-02), or
 * an email address as provided by their employer (`employerProvided`, read by US-06). A flag left out
 * keeps its value.
 */
type ContactPointFlags = { workplace?: boolean; employerProvided?: boolean };

type SetContactPointFlagsResult =
  | { ok: true; workplace: boolean; employerProvided: boolean }
  | { ok: false; reason: 'unknown_contact_point'; field: 'contactPointId' };

export async function setContactPointFlags(db: Db, contactPointId: string,
  flags: ContactPointFlags): Promise<SetContactPointFlagsResult> {
  const [row] = await db.query<{ workplace: boolean; employer_provided: boolean }>(
    `UPDATE contact_point SET workplace = COALESCE($2, workplace),
      employer_provided = COALESCE($3, employer_provided)
    WHERE external_id = $1 RETURNING workplace, employer_provided`,
    [contactPointId, flags.workplace ?? null, flags.employerProvided ?? null],
  );
  if (row === undefined) return { ok: false, reason: 'unknown_contact_point', field: 'contactPointId' };
  return { ok: true, workplace: row.workplace, employerProvided: row.employer_provided };
}
