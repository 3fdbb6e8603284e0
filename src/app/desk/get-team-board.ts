import type { Db } from '../../db/database.ts';
import { STAGES } from '../../policy/strategy/strategy-document.ts';
import type { CivilDate } from '../../stdx/civil-date.ts';
import { QUEUE_CASES_SQL } from './queue-sql.ts';

/**
 * A supervisor's board for one team on one business day: the team's queues per stage (cases waiting
 * and how many of them no collector owns yet), and for each active member their open cases against
 * their capacity and their day: outbound attempts made (a reservation counts until its outcome
 * cancels it), conversations (the attempts that count as a connected
 * call: connected, refused, a callback or a promise asked for), promises recorded, and of the
 * promises they recorded that the cycle settled that day, how many were kept.
 *
 * The day runs from midnight to midnight in `timeZone` (teams have no zone of their own; the lender's
 * business zone). People are matched to attempts and promises by the name the principal records,
 * `user:<username>` (principalName).
 */
type GetTeamBoardOptions = {
  db: Db;
  teamId: string;
  asOf: CivilDate;
  timeZone: string;
  now: Date;
};

type TeamBoard = {
  team: { id: string; name: string; supervisorId: string | null };
  queues: { stage: string; cases: number; unassigned: number }[];
  members: {
    userId: string; username: string; displayName: string; role: string; capacity: number; openCases: number;
    attempts: number; contacts: number; promisesMade: number; promisesKept: number; promisesBroken: number;
    /** Kept of settled, 0 to 1; null when none of theirs was settled that day. */
    keptRate: number | null;
  }[];
};

type MemberRow = {
  id: bigint; username: string; display_name: string; role: string; capacity: number; open_cases: number;
  attempts: number; contacts: number; promises_made: number; promises_kept: number; promises_broken: number;
};

const MEMBERS_SQL = `WITH day AS (
    SELECT ($2::date::timestamp AT TIME ZONE $3) AS starts,
      (($2::date + 1)::timestamp AT TIME ZONE $3) AS ends
  )
  SELECT u.id, u.username, u.display_name, u.role, u.capacity,
    (SELECT count(*) FROM collection_case c WHERE c.status = 'open' AND c.owner_agent = u.id::text)::int
      AS open_cases,
    (SELECT count(*) FROM contact_attempt x, day WHERE x.actor_id = 'user:' || u.username
      AND x.started_at >= day.starts AND x.started_at < day.ends AND x.direction = 'outbound'
      AND x.outcome <> 'cancelled')::int AS attempts,
    (SELECT count(*) FROM contact_attempt x, day WHERE x.actor_id = 'user:' || u.username
      AND x.started_at >= day.starts AND x.started_at < day.ends AND x.direction = 'outbound'
      AND x.channel = 'voice' AND x.outcome IN ('connected', 'refused', 'callback_requested',
        'promise_to_pay'))::int AS contacts,
    (SELECT count(*) FROM promise_to_pay p, day WHERE p.recorded_by = 'user:' || u.username
      AND p.recorded_at >= day.starts AND p.recorded_at < day.ends)::int AS promises_made,
    (SELECT count(*) FROM promise_to_pay p WHERE p.recorded_by = 'user:' || u.username
      AND p.settled_on = $2::date AND p.status = 'kept')::int AS promises_kept,
    (SELECT count(*) FROM promise_to_pay p WHERE p.recorded_by = 'user:' || u.username
      AND p.settled_on = $2::date AND p.status = 'broken')::int AS promises_broken
  FROM staff_user u
  WHERE u.team_id = $1 AND u.disabled_at IS NULL
  ORDER BY u.username`;

export async function getTeamBoard(options: GetTeamBoardOptions): Promise<TeamBoard | null> {
  const { db, teamId } = options;
  const [team] = await db.query<{ id: string; name: string; supervisor_id: bigint | null }>(
    'SELECT id, name, supervisor_id FROM team WHERE id = $1', [teamId]);
  if (team === undefined) return null;
  const queues = await db.query<{ stage: string; cases: number; unassigned: number }>(`SELECT stage,
      count(*)::int AS cases, count(*) FILTER (WHERE owner_agent IS NULL)::int AS unassigned
    FROM (${QUEUE_CASES_SQL}) queue GROUP BY stage ORDER BY array_position($6::text[], stage), stage`,
  [teamId, options.asOf, options.now, null, null, STAGES]);
  const members = await db.query<MemberRow>(MEMBERS_SQL, [teamId, options.asOf, options.timeZone]);
  return {
    team: { id: team.id, name: team.name,
      supervisorId: team.supervisor_id === null ? null : String(team.supervisor_id) },
    queues,
    members: members.map((row) => {
      const settled = row.promises_kept + row.promises_broken;
      return {
        userId: String(row.id), username: row.username, displayName: row.display_name, role: row.role,
        capacity: row.capacity, openCases: row.open_cases, attempts: row.attempts, contacts: row.contacts,
        promisesMade: row.promises_made, promisesKept: row.promises_kept, promisesBroken: row.promises_broken,
        keptRate: settled === 0 ? null : row.promises_kept / settled,
      };
    }),
  };
}
