import type { Db } from '../../db/database.ts';

type StaffUserListed = {
  id: string; username: string; displayName: string; role: string; teamId: string | null;
  agencyId: string | null; capacity: number; disabled: boolean;
};

export async function listUsers(db: Db): Promise<StaffUserListed[]> {
  const rows = await db.query<{
    id: string; username: string; display_name: string; role: string; team_id: string | null;
    agency_id: string | null; capacity: number; disabled: boolean;
  }>(`SELECT id::text, username, display_name, role, team_id, agency_id, capacity,
        disabled_at IS NOT NULL AS disabled
      FROM staff_user ORDER BY username`);
  return rows.map((row) => ({
    id: row.id, username: row.username, displayName: row.display_name, role: row.role, teamId: row.team_id,
    agencyId: row.agency_id, capacity: row.capacity, disabled: row.disabled,
  }));
}
