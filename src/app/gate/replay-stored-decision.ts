import type { DataScope } from '../scope/load-scope.ts';
import type { Db } from '../../db/database.ts';
import { replay, type Decision } from '../../policy/index.ts';
import { loadStoredDecision } from './stored-decision.ts';

/**
 * Replays a stored Decision: its Situation is evaluated again at the recorded instant under the
 * recorded policy version (recompiled from the settings kept in `policy_version` when this process
 * has not compiled it), and the answers are compared. An auditor's proof that the decision was
 * the policy's, and that the policy still says the same.
 */
export type StoredReplay =
  | { ok: true; decision: Decision; stored: Decision; identical: boolean }
  | {
      ok: false;
      reason: 'unknown_decision' | 'unknown_policy_version' | 'unknown_pack' | 'policy_version_mismatch'
        | 'invalid_settings';
    };

export async function replayStoredDecision(
  db: Db, id: string, scope: DataScope | null = null,
): Promise<StoredReplay> {
  const stored = await loadStoredDecision(db, id, scope);
  if (stored === null) return { ok: false, reason: 'unknown_decision' };
  const result = replay(stored.decision, stored.situation, { settings: stored.settings });
  if (!result.ok) return result;
  return { ok: true, decision: result.decision, stored: stored.decision, identical: result.identical };
}
