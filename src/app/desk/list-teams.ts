import type { Db } from '../../db/database.ts';

/** Every team by id, for a manager choosing whose board to open; teams are few (one per supervisor). */
export async function listTeams(db: Db): Promise<{ id: string; name: string }[]> {
  return db.query<{ id: string; name: string }>('SELECT id, name FROM team ORDER BY id');
}
