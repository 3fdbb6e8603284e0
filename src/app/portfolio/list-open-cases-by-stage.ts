import type { Db } from '../../db/database.ts';

/**
 * Open cases per stage, in stage-name order, each with the number of actions the strategy planned
 * in that stage on one cycle date. Only stages that hold an open case appear.
 */
export type OpenStageCount = { stage: string; openCases: number; plannedActions: number };

type ListOpenCasesByStageOptions = {
  /** The cycle date whose planned actions are counted; null (before the first cycle) counts none. */
  plannedOn: string | null;
};

export async function listOpenCasesByStage(
  db: Db, options: ListOpenCasesByStageOptions,
): Promise<OpenStageCount[]> {
  const rows = await db.query<Record<string, unknown>>(`SELECT c.stage,
      count(*)::int AS open_cases,
      (SELECT count(*)::int FROM planned_action p WHERE p.stage = c.stage AND p.as_of = $1)
        AS planned_actions
    FROM collection_case c WHERE c.status = 'open' GROUP BY c.stage ORDER BY c.stage`,
  [options.plannedOn]);
  return rows.map((row) => ({
    stage: String(row.stage), openCases: Number(row.open_cases), plannedActions: Number(row.planned_actions),
  }));
}
