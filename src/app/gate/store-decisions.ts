import type { Db } from '../../db/database.ts';
import type { Decision, Situation } from '../../policy/index.ts';
import { assert } from '../../stdx/assert.ts';
import { canonicalJsonKept } from '../../stdx/hash.ts';
import type { PolicyGate } from './policy-gate.ts';
import { packDecision } from './stored-decision.ts';

/**
 * Writes Decisions with the Situation they were made on (packed: stored-decision.ts), and the
 * settings and citations of each policy version they name, so any stored Decision can be explained
 * and replayed later (replay-stored-decision.ts).
 * A Decision's id is a hash of version, situation and instant: writing it twice changes nothing.
 */
export type DecisionRecord = { decision: Decision; situation: Situation; borrowerId: bigint };

const COLUMNS = ['id', 'borrower_id', 'decided_at', 'policy_version', 'pack', 'action', 'channel',
  'allowed', 'next_allowed_at', 'situation', 'decision'] as const;
const TYPES = ['text', 'bigint', 'timestamptz', 'text', 'text', 'text', 'text', 'boolean', 'timestamptz',
  'json', 'json'] as const;

export async function storeDecisions(
  tx: Db,
  gate: PolicyGate,
  records: readonly DecisionRecord[],
): Promise<void> {
  if (records.length === 0) return;
  await storePolicyVersions(tx, gate, records);
  const rows = records.map(rowOf);
  await tx.query(
    `INSERT INTO decision (${COLUMNS.join(', ')})
    SELECT * FROM unnest(${TYPES.map((type, index) => `$${index + 1}::${type}[]`).join(', ')})
    ON CONFLICT (id) DO NOTHING`,
    COLUMNS.map((_, column) => rows.map((row) => row[column])),
  );
}

/**
 * The same for Decisions that cannot be stored yet: made in this transaction at an instant no
 * earlier run of it reached (the daily cycle's, at its planned time on its date). They go by COPY,
 * which costs about half as much per row as an INSERT for rows of this size; a row that is somehow
 * there already fails the copy, and with it the transaction, rather than being skipped. Identical
 * Decisions within the batch (two planned actions of one borrower on the same situation) are
 * written once.
 */
export async function storeNewDecisions(
  tx: Db,
  gate: PolicyGate,
  records: readonly DecisionRecord[],
): Promise<void> {
  if (records.length === 0) return;
  await storePolicyVersions(tx, gate, records);
  const unique = new Map(records.map((record) => [record.decision.id, record]));
  await tx.copyRows('decision', COLUMNS, [...unique.values()].map(rowOf));
}

/**
 * The versions already written through each database handle. A transaction's handle lives as long
 * as the transaction, so the cycle writes each version once per step instead of once per batch;
 * a handle outside a transaction commits each write at once.
 */
const storedVersions = new WeakMap<Db, Set<string>>();

async function storePolicyVersions(
  tx: Db, gate: PolicyGate, records: readonly DecisionRecord[],
): Promise<void> {
  const stored = storedVersions.get(tx) ?? new Set<string>();
  storedVersions.set(tx, stored);
  const versions = new Map<string, Decision['pack']>();
  for (const { decision } of records) {
    if (!stored.has(decision.policyVersion)) versions.set(decision.policyVersion, decision.pack);
  }
  for (const [version, pack] of versions) {
    const evaluator = gate.evaluators[pack];
    assert(evaluator.version === version, 'decisions are stored under the gate that made them');
    const citations = Object.fromEntries(evaluator.rules.map((rule) => [rule.rule.id, rule.citation]));
    await tx.query(
      `INSERT INTO policy_version (version, pack, settings, citations) VALUES ($1, $2, $3, $4)
      ON CONFLICT (version) DO NOTHING`,
      [version, pack, JSON.stringify(gate.settings[pack]), JSON.stringify(citations)],
    );
    stored.add(version);
  }
}

/** One row in the order of COLUMNS, as text. */
function rowOf({ decision, situation, borrowerId }: DecisionRecord): (string | null)[] {
  return [
    decision.id,
    String(borrowerId),
    decision.evaluatedAt,
    decision.policyVersion,
    decision.pack,
    situation.action,
    situation.channel ?? situation.action,
    decision.allowed ? 'true' : 'false',
    decision.nextAllowedAt,
    // The text the Decision's id hashed (evaluate-compiled.ts), not a second serialisation.
    canonicalJsonKept(situation),
    JSON.stringify(packDecision(decision)),
  ];
}
