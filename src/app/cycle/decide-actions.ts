import type { Db } from '../../db/database.ts';
import type { Row } from '../../db/schema.ts';
import type { CivilDate } from '../../stdx/civil-date.ts';
import type { PolicyGate } from '../gate/policy-gate.ts';
import { storeNewDecisions, storePolicyVersions } from '../gate/store-decisions.ts';
import { decidePlanned, type DecideCounts, type PlannedActionRow } from './decide-planned.ts';

/**
 * Decides the day's planned actions that have no Decision yet. The planning step decides what it
 * plans as it writes it (plan-actions.ts), so on a cycle run by this version there are none; this
 * step is there for a date whose planning committed under an earlier version, which planned first
 * and decided in a step of its own, and was interrupted between the two.
 */
type PlannedRow = PlannedActionRow & Pick<Row<'planned_action'>, 'id'>;

export async function decideActions(tx: Db, asOf: CivilDate, gate: PolicyGate): Promise<DecideCounts> {
  const planned = await tx.query<PlannedRow>(
    `SELECT pa.id, pa.borrower_id, pa.action, pa.channel, pa.template, a.external_id AS account,
      COALESCE(pa.strategy_version, pa.detail->>'strategyVersion') AS strategy_version
    FROM planned_action pa JOIN collection_case c ON c.id = pa.case_id
    LEFT JOIN account a ON a.id = c.account_id
    WHERE pa.as_of = $1 AND pa.status = 'planned' AND pa.decision_id IS NULL
    ORDER BY pa.borrower_id, pa.id`,
    [asOf],
  );
  return decidePlanned(tx, asOf, gate, planned, async (records, decided) => {
    await storeNewDecisions(tx, gate, records);
    await storePolicyVersions(tx, gate, decided.map(([, v]) => v.policyVersion));
    await tx.query(
      `UPDATE planned_action p SET decision_id = u.decision, status = u.status,
        next_allowed_at = u.next, reason = u.reason, policy_version = u.policy,
        strategy_version = u.strategy
      FROM unnest($1::bigint[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::text[],
          $7::text[])
        AS u(id, decision, status, next, reason, policy, strategy)
      WHERE p.id = u.id`,
      [decided.map(([row]) => row.id), decided.map(([, v]) => v.decision), decided.map(([, v]) => v.status),
        decided.map(([, v]) => v.next), decided.map(([, v]) => v.reason),
        decided.map(([, v]) => v.policyVersion), decided.map(([row]) => row.strategy_version)],
    );
  });
}
