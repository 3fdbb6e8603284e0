import type { Db } from '../../db/database.ts';
import { queuePolicyOf } from '../../policy/strategy/strategy-document.ts';
import type { CivilDate } from '../../stdx/civil-date.ts';
import type { ActiveStrategy } from '../strategy/active-strategy.ts';

/**
 * Settles the open promises to pay (R7). A promise is kept as soon as the payments of its borrower
 * in its currency, value-dated from the day it was made to its date plus the strategy's grace days
 * and posted by this cycle date, reach its amount; it is broken on the first cycle date after that
 * last grace day when they do not. Either way the amount paid towards it is kept with it.
 *
 * Only posted payments count, so the answer depends on the ledger as of this date and not on when
 * the step runs; settled promises are never read again, so a rerun for the date changes nothing. A
 * promise recorded after this date (a catch-up run of an earlier date) is left for its own dates.
 */
export async function settlePromises(
  tx: Db, asOf: CivilDate, active: ActiveStrategy,
): Promise<{ kept: number; broken: number }> {
  const graceDays = queuePolicyOf(active.strategy).promiseGraceDays;
  const rows = await tx.query<{ status: string; n: number }>(`WITH paid AS (
      SELECT p.id, p.amount_minor, p.due_on + $2::int AS last_day,
        (SELECT coalesce(sum(pay.amount_minor), 0)::bigint FROM payment pay
          WHERE pay.borrower_id = p.borrower_id AND pay.currency = p.currency AND pay.status = 'posted'
            AND pay.posted_on <= $1::date
            AND pay.value_date BETWEEN p.promised_on AND p.due_on + $2::int) AS paid_minor
      FROM promise_to_pay p
      WHERE p.status = 'open' AND p.promised_on <= $1::date
    ), settled AS (
      UPDATE promise_to_pay p
      SET status = CASE WHEN s.paid_minor >= s.amount_minor THEN 'kept' ELSE 'broken' END,
        settled_on = $1::date, paid_minor = s.paid_minor
      FROM paid s
      WHERE p.id = s.id AND (s.paid_minor >= s.amount_minor OR $1::date > s.last_day)
      RETURNING p.status
    )
    SELECT status, count(*)::int AS n FROM settled GROUP BY status`, [asOf, graceDays]);
  const count = (status: string) => rows.find((row) => row.status === status)?.n ?? 0;
  return { kept: count('kept'), broken: count('broken') };
}
