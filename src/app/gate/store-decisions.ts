import type { Db } from '../../db/database.ts';
import { columnsOf, copyRowOf, sqlTypeOf } from '../../db/schema.ts';
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
export type DecisionRecord = {
  decision: Decision; situation: Situation; borrowerId: bigint;
  /** The strategy whose proposal was judged (the daily cycle's); none for a check or a reservation. */
  strategyVersion?: string | null;
};

/** Every column of a Decision but the instant it was written, which the database fills. */
const COLUMNS = columnsOf('decision', ['recorded_at']);
const decisionRow = copyRowOf(COLUMNS);
const ARRAYS = COLUMNS.map((column, index) => `$${index + 1}::${sqlTypeOf('decision', column)}[]`).join(', ');

export async function storeDecisions(
  tx: Db,
  gate: PolicyGate,
  records: readonly DecisionRecord[],
): Promise<void> {
  if (records.length === 0) return;
  await storePolicyVersions(tx, gate, records.map(({ decision }) => decision.policyVersion));
  const rows = records.map(rowOf);
  await tx.query(
    `INSERT INTO decision (${COLUMNS.join(', ')}) SELECT * FROM unnest(${ARRAYS})
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
  await storePolicyVersions(tx, gate, records.map(({ decision }) => decision.policyVersion));
  const unique = new Map(records.map((record) => [record.decision.id, record]));
  await tx.copyRows('decision', COLUMNS, [...unique.values()].map(rowOf));
}

/**
 * The versions already written through each database handle. A transaction's handle lives as long
 * as the transaction, so the cycle writes each version once per step instead of once per batch;
 * a handle outside a transaction commits each write at once.
 */
const storedVersions = new WeakMap<Db, Set<string>>();

/**
 * Writes the settings and citations of each of `versions`, which are versions of the gate's
 * evaluators: those of the Decisions stored, and those a planned action names without a Decision
 * (dropped before any rule ran).
 */
export async function storePolicyVersions(
  tx: Db, gate: PolicyGate, versions: Iterable<string | null>,
): Promise<void> {
  const stored = storedVersions.get(tx) ?? new Set<string>();
  storedVersions.set(tx, stored);
  const missing = new Set<string>();
  for (const version of versions) if (version !== null && !stored.has(version)) missing.add(version);
  for (const version of missing) {
    const packs = Object.keys(gate.evaluators) as Decision['pack'][];
    const pack = packs.find((id) => gate.evaluators[id].version === version);
    assert(pack !== undefined, 'decisions are stored under the gate that made them');
    const evaluator = gate.evaluators[pack];
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
function rowOf({ decision, situation, borrowerId, strategyVersion }: DecisionRecord): (string | null)[] {
  return decisionRow({
    id: decision.id,
    borrower_id: String(borrowerId),
    decided_at: decision.evaluatedAt,
    policy_version: decision.policyVersion,
    pack: decision.pack,
    action: situation.action,
    channel: situation.channel ?? situation.action,
    allowed: decision.allowed ? 'true' : 'false',
    next_allowed_at: decision.nextAllowedAt,
    // The text the Decision's id hashed (evaluate-compiled.ts), not a second serialisation.
    situation: canonicalJsonKept(situation),
    decision: JSON.stringify(packDecision(decision)),
    strategy_version: strategyVersion ?? null,
  });
}
