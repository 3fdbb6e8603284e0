import type { DataScope } from '../scope/load-scope.ts';
import { accountInScopeSql } from '../scope/scope-filters.ts';
import type { Db } from '../../db/database.ts';
import type { Decision, LenderSettings, RuleOutcome, Situation } from '../../policy/index.ts';

/**
 * How a Decision is kept in the `decision` table. Every Decision lists every rule of its pack, and
 * the cycle stores one for every action it plans, so the row is kept small:
 * - the header (id, allowed, pack, version, instant, next allowed instant) lives in the row's own
 *   columns and is not repeated in the JSON;
 * - each outcome is a [ruleId, result, reason, nextAllowedAt, detail] tuple with its trailing empty
 *   fields left out;
 * - the citations, most of a Decision's bytes, are fixed by the rule id and the policy version (the
 *   version hashes the rules' citations), so they are kept once, in `policy_version`.
 * Reading a Decision joins them back, giving exactly what the engine returned. Rows written before
 * the header moved to the columns still carry it in the JSON; it is the same values.
 */
type OutcomeTuple =
  [string, RuleOutcome['result'], string, (string | null)?, (RuleOutcome['detail'] | null)?];
export type PackedDecision = { outcomes: OutcomeTuple[] };
export type DecisionHeader = Omit<Decision, 'outcomes'>;

export function packDecision(decision: Decision): PackedDecision {
  return {
    outcomes: decision.outcomes.map((outcome): OutcomeTuple => {
      const tuple: OutcomeTuple = [outcome.ruleId, outcome.result, outcome.reason];
      if (outcome.detail !== undefined) tuple.push(outcome.nextAllowedAt ?? null, outcome.detail);
      else if (outcome.nextAllowedAt !== undefined) tuple.push(outcome.nextAllowedAt);
      return tuple;
    }),
  };
}

export function unpackDecision(
  header: DecisionHeader,
  packed: PackedDecision,
  citations: Readonly<Record<string, string>>,
): Decision {
  return {
    ...header,
    outcomes: packed.outcomes.map(([ruleId, result, reason, nextAllowedAt, detail]) => ({
      ruleId,
      result,
      reason,
      citation: citations[ruleId] ?? '',
      ...(nextAllowedAt == null ? {} : { nextAllowedAt }),
      ...(detail == null ? {} : { detail }),
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

/**
 * A stored Decision by id; with a scope, only one about a borrower the scope shows (a Decision
 * carries the borrower's history, so reading one is reading their file).
 */
export async function loadStoredDecision(
  db: Db, id: string, scope: DataScope | null = null,
): Promise<StoredDecision | null> {
  const params: unknown[] = [id];
  const inScope = scope === null ? 'true' : `EXISTS (SELECT 1 FROM account scope_account
    WHERE scope_account.borrower_id = d.borrower_id
      AND ${accountInScopeSql(scope, 'scope_account', params)})`;
  const [row] = await db.query<{
    id: string;
    allowed: boolean;
    pack: Decision['pack'];
    policy_version: string;
    decided_at: Date;
    next_allowed_at: Date | null;
    decision: PackedDecision;
    situation: Situation;
    action: string;
    recorded_at: Date;
    settings: LenderSettings;
    citations: Record<string, string>;
  }>(
    `SELECT d.id, d.allowed, d.pack, d.policy_version, d.decided_at, d.next_allowed_at,
      d.decision, d.situation, d.action, d.recorded_at, v.settings, v.citations
      FROM decision d JOIN policy_version v ON v.version = d.policy_version WHERE d.id = $1 AND ${inScope}`,
    params,
  );
  if (row === undefined) return null;
  return {
    decision: unpackDecision({
      id: row.id, allowed: row.allowed, pack: row.pack, policyVersion: row.policy_version,
      evaluatedAt: row.decided_at.toISOString(), nextAllowedAt: row.next_allowed_at?.toISOString() ?? null,
    }, row.decision, row.citations),
    situation: row.situation,
    action: row.action,
    recordedAt: row.recorded_at,
    settings: row.settings,
  };
}
