import { PAGE_ROWS_MAX } from '../../config/limits.ts';
import type { Db } from '../../db/database.ts';
import { assert } from '../../stdx/assert.ts';

/**
 * A team's open cases with who owns each, for the supervisor's board: the cases the team owns, a
 * collector's or not yet anyone's, most money furthest behind first (overdue amount × days past due,
 * the order assignment hands them out in), so the cases that matter most are on the first page.
 * `total` counts them all, so a page can say how many it leaves out. A supervisor narrows the list
 * to one person's cases (to spread a sick collector's desk) or to the unowned ones.
 */
type ListTeamCasesOptions = {
  db: Db;
  teamId: string;
  /** Only one collector's cases (their staff user id), or with `null` only those no collector owns. */
  owner?: string | null;
  limit: number;
};

type TeamCase = {
  caseId: bigint;
  /** The lender's id of the account the case is worked on (its most delinquent). */
  accountId: string | null;
  stage: string;
  maxDpd: number;
  overdueMinor: bigint;
  currency: string;
  /** The owning collector's staff user id and login name; null while only the team owns the case. */
  ownerUserId: string | null;
  ownerUsername: string | null;
};

type TeamCaseRow = {
  case_id: bigint; account: string | null; stage: string; max_dpd: number; overdue_minor: bigint;
  currency: string; owner_agent: string | null; username: string | null; total: number;
};

export async function listTeamCases(
  options: ListTeamCasesOptions,
): Promise<{ cases: TeamCase[]; total: number }> {
  assert(Number.isInteger(options.limit) && options.limit >= 1 && options.limit <= PAGE_ROWS_MAX,
    'a page of cases is bounded');
  const rows = await options.db.query<TeamCaseRow>(`SELECT c.id AS case_id, a.external_id AS account, c.stage,
      c.max_dpd, c.overdue_minor, c.currency, c.owner_agent, u.username, count(*) OVER ()::int AS total
    FROM collection_case c
    LEFT JOIN account a ON a.id = c.account_id
    LEFT JOIN staff_user u ON u.id::text = c.owner_agent
    WHERE c.status = 'open' AND c.owner_team = $1
      AND (NOT $3::boolean OR c.owner_agent IS NOT DISTINCT FROM $4::text)
    ORDER BY c.overdue_minor::numeric * c.max_dpd DESC, c.id
    LIMIT $2`, [options.teamId, options.limit, options.owner !== undefined, options.owner ?? null]);
  return {
    total: rows[0]?.total ?? 0,
    cases: rows.map((row) => ({
      caseId: row.case_id, accountId: row.account, stage: row.stage, maxDpd: row.max_dpd,
      overdueMinor: row.overdue_minor, currency: row.currency, ownerUserId: row.owner_agent,
      ownerUsername: row.username,
    })),
  };
}
