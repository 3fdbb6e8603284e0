import type { Db } from '../../src/db/database.ts';
import type { StaffPrincipal } from '../../src/domain/people/principal.ts';
import type { StaffRole } from '../../src/domain/people/roles.ts';
import { addDays } from '../../src/stdx/civil-date.ts';
import { insertAccount, insertBorrower, insertProduct } from './ledger-fixture.ts';

/**
 * The collectors' desk in a database test: teams, staff users, and a small portfolio whose cases are
 * all in phone collection on DESK_DATE, each with a different amount × days past due, so that the
 * ladder plans every one of them a call that day. Borrower `d<i>` owes 1,000.00 + i × 101.00, due
 * (i mod 5) days before 2026-03-02: i = 4 (1,404.00, 12 days past due) leads on amount × DPD.
 */
export const DESK_DATE = '2026-03-10';

export async function insertDeskBorrowers(db: Db, count: number): Promise<bigint[]> {
  await insertProduct(db, { id: 'desk-loan', interestRateBp: 0, penaltyRatePpmPerDay: 0, graceDays: 0 });
  const borrowers: bigint[] = [];
  for (let index = 0; index < count; index += 1) {
    const borrower = await insertBorrower(db, `d${index}`);
    await db.query(`INSERT INTO contact_point (external_id, party_id, borrower_id, kind, value)
      VALUES ($1, $2, $2, 'mobile', $3)`, [`d${index}-mobile`, borrower, `1380000${String(index).padStart(4, '0')}`]);
    await insertAccount(db, { externalId: `desk-${index}`, borrowerId: borrower, productId: 'desk-loan',
      openedOn: '2026-01-01',
      installments: [{ dueDate: addDays('2026-03-02', -(index % 5)), principal: 100000n + BigInt(index) * 10100n }] });
    borrowers.push(borrower);
  }
  return borrowers;
}

export async function insertTeam(db: Db, id: string): Promise<void> {
  await db.query('INSERT INTO team (id, name) VALUES ($1, $2)', [id, `Team ${id}`]);
}

export type StaffFixture = {
  username: string; role: StaffRole; teamId: string | null; capacity?: number; agencyId?: string;
  disabled?: boolean;
};

export async function insertStaff(db: Db, staff: StaffFixture): Promise<StaffPrincipal> {
  const [row] = await db.query<{ id: bigint }>(`INSERT INTO staff_user (username, display_name, role, team_id,
      agency_id, capacity, password_hash, disabled_at)
    VALUES ($1, $1, $2, $3, $4, $5, 'not-a-hash', $6) RETURNING id`, [
    staff.username, staff.role, staff.teamId, staff.agencyId ?? null, staff.capacity ?? 60,
    staff.disabled === true ? new Date('2026-03-01T00:00:00Z') : null,
  ]);
  return {
    kind: 'user', userId: String(row!.id), username: staff.username, displayName: staff.username,
    role: staff.role, teamId: staff.teamId, agencyId: staff.agencyId ?? null,
  };
}

/** Each open case's owner as the case mirrors it and as the open assignment row says, by borrower. */
export async function owners(db: Db): Promise<{ borrower: string; team: string | null; agent: string | null;
  openTeam: string | null; openUser: string | null }[]> {
  return db.query(`SELECT b.external_id AS borrower, c.owner_team AS team, c.owner_agent AS agent,
      a.team_id AS "openTeam", a.user_id::text AS "openUser"
    FROM collection_case c JOIN party b ON b.id = c.borrower_id
    LEFT JOIN case_assignment a ON a.case_id = c.id AND a.ended_at IS NULL
    WHERE c.status = 'open' ORDER BY b.external_id`);
}
