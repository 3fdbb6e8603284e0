import type { QueueOrderKey } from '../../policy/strategy/strategy-document.ts';

/**
 * A team's work queue as SQL, shared by the queue list, "next case" and the board so that all three
 * count the same cases. A case is in the queue when it is open, owned by the team ($1), and either a
 * callback its borrower's side asked for is due at $3 and no call was made since, or the cycle of $2
 * planned it a call the gate allowed (a `planned` voice action, or a `deferred` one whose
 * `next_allowed_at` has come by $3) and nobody has called the borrower since the start of $2 in the
 * borrower's own time zone. $4 narrows to a stage and $5 to one
 * collector (the staff user id, as `owner_agent` holds it); either may be null.
 *
 * A promise counts as broken for the queue from the day the cycle found it broken until the next
 * call to the borrower after that day began.
 */
export const QUEUE_CASES_SQL = `SELECT c.id AS case_id, c.borrower_id, a.external_id AS account, c.stage,
    c.owner_agent, c.max_dpd, c.overdue_minor, c.currency, callback.due_at AS callback_due_at,
    CASE WHEN promise.status = 'broken' AND NOT EXISTS (SELECT 1 FROM contact_attempt x
      WHERE x.borrower_id = c.borrower_id AND x.channel = 'voice' AND x.direction = 'outbound'
        AND x.outcome <> 'cancelled'
        AND x.started_at >= (promise.settled_on::timestamp AT TIME ZONE b.time_zone))
      THEN promise.settled_on END AS broken_promise_on
  FROM collection_case c
  JOIN party b ON b.id = c.borrower_id
  LEFT JOIN account a ON a.id = c.account_id
  LEFT JOIN LATERAL (SELECT min(g.starts_at) AS due_at FROM agreement g
    WHERE g.borrower_id = c.borrower_id AND g.kind = 'callback' AND g.revoked_at IS NULL
      AND g.starts_at <= $3::timestamptz
      AND NOT EXISTS (SELECT 1 FROM contact_attempt x
        WHERE x.borrower_id = g.borrower_id AND x.party_id = g.party_id AND x.channel = 'voice'
          AND x.direction = 'outbound' AND x.outcome <> 'cancelled' AND x.started_at >= g.starts_at)
  ) callback ON true
  LEFT JOIN LATERAL (SELECT q.status, q.settled_on FROM promise_to_pay q
    WHERE q.case_id = c.id ORDER BY q.promised_on DESC, q.id DESC LIMIT 1) promise ON true
  WHERE c.status = 'open' AND c.owner_team = $1::text
    AND ($4::text IS NULL OR c.stage = $4::text) AND ($5::text IS NULL OR c.owner_agent = $5::text)
    AND (callback.due_at IS NOT NULL
      OR (EXISTS (SELECT 1 FROM planned_action p WHERE p.case_id = c.id AND p.as_of = $2::date
          AND p.channel = 'voice'
          AND (p.status = 'planned' OR (p.status = 'deferred' AND p.next_allowed_at <= $3::timestamptz)))
        AND NOT EXISTS (SELECT 1 FROM contact_attempt x
          WHERE x.borrower_id = c.borrower_id AND x.channel = 'voice' AND x.direction = 'outbound'
            AND x.outcome <> 'cancelled'
              AND x.started_at >= ($2::date::timestamp AT TIME ZONE b.time_zone))))`;

/** Each order key as the ORDER BY terms that put the cases it favours first (columns of QUEUE_CASES_SQL). */
const ORDER_TERMS: Readonly<Record<QueueOrderKey, string>> = {
  callback_due: 'callback_due_at IS NULL, callback_due_at',
  broken_promise: 'broken_promise_on IS NULL',
  amount_x_dpd: 'overdue_minor::numeric * max_dpd DESC',
  dpd: 'max_dpd DESC',
  amount: 'overdue_minor DESC',
};

/** The ORDER BY of a queue in the strategy's order; the case id settles the rest, so the order is total. */
export function queueOrderSql(order: readonly QueueOrderKey[]): string {
  return [...order.map((key) => ORDER_TERMS[key]), 'case_id'].join(', ');
}
