import type { Db } from '../../db/database.ts';

type TeamListed = { id: string; name: string; supervisor: string | null; members: number };

export async function listTeams(db: Db): Promise<TeamListed[]> {
  return db.query<TeamListed>(`SELECT t.id, t.name, s.username AS supervisor,
      (SELECT count(*)::int FROM staff_user m WHERE m.team_id = t.id AND m.disabled_at IS NULL) AS members
    FROM team t LEFT JOIN staff_user s ON s.id = t.supervisor_id ORDER BY t.id`);
}
