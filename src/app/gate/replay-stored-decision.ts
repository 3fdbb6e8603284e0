import type { Db } from '../../db/database.ts';
import { replay, type Decision, type LenderSettings, type Situation } from '../../policy/index.ts';

/**
 * Replays a stored Decision: its Situation is evaluated again at the recorded instant under the
 * recorded policy version (recompiled from the settings kept in `policy_version` when this process
 * has not compiled it), and the answers are compared. An auditor's proof that the decision was
 * the policy's, and that the policy still says the same.
 */
export type StoredReplay =
  | { ok: true; decision: Decision; stored: Decision; identical: boolean }
  | { ok: false; reason: 'unknown_decision' | 'unknown_policy_version' | 'policy_version_mismatch'
    | 'invalid_settings' };

export async function replayStoredDecision(db: Db, id: string): Promise<StoredReplay> {
  const [row] = await db.query<{ situation: Situation; decision: Decision; settings: LenderSettings | null }>(
    `SELECT d.situation, d.decision, v.settings FROM decision d
      LEFT JOIN policy_version v ON v.version = d.policy_version WHERE d.id = $1`, [id]);
  if (row === undefined) return { ok: false, reason: 'unknown_decision' };
  const result = replay(row.decision, row.situation, row.settings === null ? {} : { settings: row.settings });
  if (!result.ok) return result;
  return { ok: true, decision: result.decision, stored: row.decision, identical: result.identical };
}
