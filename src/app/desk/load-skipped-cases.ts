import type { Db } from '../../db/database.ts';
import type { DataScope } from '../scope/load-scope.ts';
import { caseInScopeSql } from '../scope/scope-filters.ts';
import type { PackedDecision } from '../gate/stored-decision.ts';

/**
 * The cases "next case" passed over (take-next-case.ts), read back from their stored Decisions so
 * the page the collector lands on can say why each was skipped and when it opens. The page names
 * them by (case, decision) in its address; only pairs whose Decision was made on that case's
 * borrower, on a case in the reader's scope, are answered, so an edited address shows nothing new.
 */
type SkippedCaseView = {
  caseId: string;
  nextAllowedAt: Date | null;
  denials: { ruleId: string; reason: string }[];
};

export async function loadSkippedCases(
  db: Db, scope: DataScope, pairs: readonly { caseId: string; decisionId: string }[],
): Promise<SkippedCaseView[]> {
  if (pairs.length === 0) return [];
  const params: unknown[] = [pairs.map((pair) => pair.caseId), pairs.map((pair) => pair.decisionId)];
  const inScope = caseInScopeSql(scope, 'c', params);
  const rows = await db.query<{ case_id: bigint; next_allowed_at: Date | null; decision: PackedDecision }>(
    `SELECT c.id AS case_id, d.next_allowed_at, d.decision
    FROM unnest($1::bigint[], $2::text[]) WITH ORDINALITY AS s (case_id, decision_id, n)
    JOIN collection_case c ON c.id = s.case_id
    JOIN decision d ON d.id = s.decision_id AND d.borrower_id = c.borrower_id AND NOT d.allowed
    WHERE ${inScope} ORDER BY s.n`, params);
  return rows.map((row) => ({
    caseId: String(row.case_id), nextAllowedAt: row.next_allowed_at,
    denials: row.decision.outcomes.filter(([, result]) => result === 'deny')
      .map(([ruleId, , reason]) => ({ ruleId, reason })),
  }));
}
