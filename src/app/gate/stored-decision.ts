import type { Db } from '../../db/database.ts';
import type { Decision, LenderSettings, RuleOutcome, Situation } from '../../policy/index.ts';

/**
 * How a Decision is kept in the `decision` table. Every Decision lists every rule of its pack, and
 * the citations are most of its bytes, yet a citation is fixed by the rule id and the policy version
 * (the version hashes the rules' citations). So the row keeps each outcome as a
 * [ruleId, result, reason, nextAllowedAt, detail] tuple and the version's citations are kept once,
 * in `policy_version`; reading a Decision joins them back, giving exactly what the engine returned.
 */
type OutcomeTuple = [string, RuleOutcome['result'], string, string | null, RuleOutcome['detail'] | null];
export type PackedDecision = Omit<Decision, 'outcomes'> & { outcomes: OutcomeTuple[] };

export function packDecision(decision: Decision): PackedDecision {
  return {
    ...decision,
    outcomes: decision.outcomes.map((outcome) => [
      outcome.ruleId,
      outcome.result,
      outcome.reason,
      outcome.nextAllowedAt ?? null,
      outcome.detail ?? null,
    ]),
  };
}

export function unpackDecision(
  packed: PackedDecision,
  citations: Readonly<Record<string, string>>,
): Decision {
  return {
    ...packed,
    outcomes: packed.outcomes.map(([ruleId, result, reason, nextAllowedAt, detail]) => ({
      ruleId,
      result,
      reason,
      citation: citations[ruleId] ?? '',
      ...(nextAllowedAt === null ? {} : { nextAllowedAt }),
      ...(detail === null ? {} : { detail }),
    })),
  };
}

export type StoredDecision = {
  decision: Decision;
  situation: Situation;
  action: string;
  recordedAt: Date;
  settings: LenderSettings;
};

export async function loadStoredDecision(db: Db, id: string): Promise<StoredDecision | null> {
  const [row] = await db.query<{
    decision: PackedDecision;
    situation: Situation;
    action: string;
    recorded_at: Date;
    settings: LenderSettings;
    citations: Record<string, string>;
  }>(
    `SELECT d.decision, d.situation, d.action, d.recorded_at, v.settings, v.citations
      FROM decision d JOIN policy_version v ON v.version = d.policy_version WHERE d.id = $1`,
    [id],
  );
  if (row === undefined) return null;
  return {
    decision: unpackDecision(row.decision, row.citations),
    situation: row.situation,
    action: row.action,
    recordedAt: row.recorded_at,
    settings: row.settings,
  };
}
