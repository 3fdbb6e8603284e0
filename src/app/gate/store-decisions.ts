import type { Db } from '../../db/database.ts';
import type { Decision, Situation } from '../../policy/index.ts';
import { assert } from '../../stdx/assert.ts';
import type { PolicyGate } from './policy-gate.ts';
import { packDecision } from './stored-decision.ts';

/**
 * Writes Decisions with the Situation they were made on (packed: stored-decision.ts), and the
 * settings and citations of each policy version they name, so any stored Decision can be explained
 * and replayed later (replay-stored-decision.ts).
 * A Decision's id is a hash of version, situation and instant: writing it twice changes nothing.
 */
export type DecisionRecord = { decision: Decision; situation: Situation; borrowerId: bigint };

export async function storeDecisions(
  tx: Db,
  gate: PolicyGate,
  records: readonly DecisionRecord[],
): Promise<void> {
  if (records.length === 0) return;
  const versions = new Map<string, Decision['pack']>();
  for (const { decision } of records) versions.set(decision.policyVersion, decision.pack);
  for (const [version, pack] of versions) {
    const evaluator = gate.evaluators[pack];
    assert(evaluator.version === version, 'decisions are stored under the gate that made them');
    const citations = Object.fromEntries(evaluator.rules.map((rule) => [rule.rule.id, rule.citation]));
    await tx.query(
      `INSERT INTO policy_version (version, pack, settings, citations) VALUES ($1, $2, $3, $4)
      ON CONFLICT (version) DO NOTHING`,
      [version, pack, JSON.stringify(gate.settings[pack]), JSON.stringify(citations)],
    );
  }
  await tx.query(
    `INSERT INTO decision (id, borrower_id, decided_at, policy_version, pack, action, channel,
      allowed, next_allowed_at, situation, decision)
    SELECT * FROM unnest($1::text[], $2::bigint[], $3::timestamptz[], $4::text[], $5::text[], $6::text[],
      $7::text[], $8::boolean[], $9::timestamptz[], $10::json[], $11::json[])
    ON CONFLICT (id) DO NOTHING`,
    [
      records.map((r) => r.decision.id),
      records.map((r) => r.borrowerId),
      records.map((r) => r.decision.evaluatedAt),
      records.map((r) => r.decision.policyVersion),
      records.map((r) => r.decision.pack),
      records.map((r) => r.situation.action),
      records.map((r) => r.situation.channel ?? r.situation.action),
      records.map((r) => r.decision.allowed),
      records.map((r) => r.decision.nextAllowedAt),
      records.map((r) => JSON.stringify(r.situation)),
      records.map((r) => JSON.stringify(packDecision(r.decision))),
    ],
  );
}
