import type { Db } from '../../db/database.ts';
import { columnsOf, copyRowOf, type Row } from '../../db/schema.ts';
import type { CivilDate } from '../../stdx/civil-date.ts';
import type { PolicyGate } from '../gate/policy-gate.ts';
import { storeNewDecisions, storePolicyVersions } from '../gate/store-decisions.ts';
import { queuePolicyOf } from '../../policy/strategy/strategy-document.ts';
import type { ActiveStrategy } from '../strategy/active-strategy.ts';
import {
  decidePlanned, type DecideCounts, type PlannedActionRow,
} from './decide-planned.ts';

/**
 * Writes what the strategy proposes for each open case today, each with the Decision the
 * compliance gate made on it (decide-planned.ts). Nothing is sent here: a planned action is a
 * proposal, and carrying one out still needs a reservation.
 *
 * Repeating treatments fire on their cadence counted from the day the case entered its stage.
 * One-off treatments (a firm-notice letter, a bureau pre-notice) fire on the first cycle on or
 * after their start day on which they have not yet been planned in this stage, so a skipped
 * cycle date never loses a notice.
 *
 * A promise to pay changes the plan (R7). While a promise is open, or for the strategy's quiet days
 * after one was kept (fewer when the borrower's next bill falls due sooner), the case gets no
 * proposals: a borrower who gave their word or kept it is not chased. On the day a promise is found
 * broken the ladder resumes where the case stands, and a call is proposed that day
 * (`broken_promise_call`) unless the ladder already proposes one.
 *
 * A proposal is decided before it is written, so each planned action is written once, with its
 * Decision, by COPY: not inserted undecided and then updated.
 */
type Proposal = PlannedActionRow & Pick<Row<'planned_action'>, 'case_id' | 'stage'> & { detail: string };

/** The follow-up call on the day a promise is found broken. */
const BROKEN_PROMISE_CALL = 'broken_promise_call';

/**
 * The open cases whose treatments rest today ($1): an open promise made by today, or one kept within
 * the last $9 days with no bill of the borrower fallen due since.
 */
const QUIET_CASES_SQL = `SELECT DISTINCT q.case_id FROM promise_to_pay q
  WHERE (q.status = 'open' AND q.promised_on <= $1::date)
    OR (q.status = 'kept' AND $1::date < q.settled_on + $9::int
      AND NOT EXISTS (SELECT 1 FROM installment i JOIN account a ON a.id = i.account_id
        JOIN collection_case c ON c.id = q.case_id
        WHERE a.borrower_id = c.borrower_id AND i.due_date > q.settled_on AND i.due_date <= $1::date))`;

/** Every column of a planned action but its id, which the database assigns. */
const PLANNED_COLUMNS = columnsOf('planned_action', ['id']);
const plannedRow = copyRowOf(PLANNED_COLUMNS);

export async function planActions(
  tx: Db, asOf: CivilDate, active: ActiveStrategy, gate: PolicyGate,
): Promise<{ planned: number } & DecideCounts> {
  const treatments = active.strategy.treatments;
  const proposals = await tx.query<Proposal>(`WITH quiet AS (${QUIET_CASES_SQL}), due AS (
    SELECT c.id AS case_id, c.borrower_id, c.stage, t.action, t.channel, t.template,
      jsonb_build_object('strategyVersion', $2::text, 'dayInStage', $1::date - c.stage_since)::text AS detail,
      a.external_id AS account, $2::text AS strategy_version
    FROM collection_case c
    LEFT JOIN account a ON a.id = c.account_id
    JOIN unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[])
      AS t(stage, action, channel, template, start_day, every_days) ON t.stage = c.stage
    WHERE c.status = 'open' AND $1::date - c.stage_since >= t.start_day
      AND CASE WHEN t.every_days IS NULL THEN NOT EXISTS (SELECT 1 FROM planned_action p
          WHERE p.case_id = c.id AND p.action = t.action AND p.stage = c.stage
            AND p.as_of >= c.stage_since AND p.as_of < $1::date)
        ELSE ($1::date - c.stage_since - t.start_day) % t.every_days = 0 END
      AND NOT EXISTS (SELECT 1 FROM quiet q WHERE q.case_id = c.id)
  ), proposed AS (
    SELECT * FROM due
    UNION ALL
    SELECT c.id, c.borrower_id, c.stage, '${BROKEN_PROMISE_CALL}', 'voice', NULL,
      jsonb_build_object('strategyVersion', $2::text, 'dayInStage', $1::date - c.stage_since,
        'brokenPromise', (SELECT max(b.id) FROM promise_to_pay b
          WHERE b.case_id = c.id AND b.status = 'broken' AND b.settled_on = $1::date)::text)::text,
      a.external_id, $2::text
    FROM collection_case c
    LEFT JOIN account a ON a.id = c.account_id
    WHERE c.status = 'open'
      AND EXISTS (SELECT 1 FROM promise_to_pay b
        WHERE b.case_id = c.id AND b.status = 'broken' AND b.settled_on = $1::date)
      AND NOT EXISTS (SELECT 1 FROM due WHERE due.case_id = c.id AND due.channel = 'voice')
      AND NOT EXISTS (SELECT 1 FROM quiet q WHERE q.case_id = c.id)
  )
  SELECT * FROM proposed p
  WHERE NOT EXISTS (SELECT 1 FROM planned_action x
    WHERE x.as_of = $1::date AND x.case_id = p.case_id AND x.action = p.action)
  ORDER BY p.borrower_id, p.case_id, p.action`, [
    asOf, active.version,
    treatments.map((t) => t.stage), treatments.map((t) => t.action), treatments.map((t) => t.channel),
    treatments.map((t) => t.template ?? null), treatments.map((t) => t.startDay),
    treatments.map((t) => t.everyDays ?? null), queuePolicyOf(active.strategy).keptPromiseQuietDays,
  ]);
  const counts = await decidePlanned(tx, asOf, gate, proposals, async (records, decided) => {
    await storeNewDecisions(tx, gate, records);
    // The versions of actions dropped undecided, which no stored Decision has written.
    await storePolicyVersions(tx, gate, decided.map(([, disposition]) => disposition.policyVersion));
    await tx.copyRows('planned_action', PLANNED_COLUMNS, decided.map(([proposal, disposition]) =>
      plannedRow({
        as_of: asOf, case_id: String(proposal.case_id), borrower_id: String(proposal.borrower_id),
        stage: proposal.stage, action: proposal.action, channel: proposal.channel,
        template: proposal.template, detail: proposal.detail, decision_id: disposition.decision,
        status: disposition.status, next_allowed_at: disposition.next, reason: disposition.reason,
        strategy_version: active.version, policy_version: disposition.policyVersion,
      })));
  });
  return { planned: proposals.length, ...counts };
}
