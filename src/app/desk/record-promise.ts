import { PROMISE_AHEAD_DAYS_MAX } from '../../config/limits.ts';
import type { Db } from '../../db/database.ts';
import { principalName, type Principal } from '../../domain/people/principal.ts';
import { grants } from '../../domain/people/roles.ts';
import { addDays, type CivilDate } from '../../stdx/civil-date.ts';

/**
 * A promise to pay, recorded on a case from a conversation (R7): an amount in the case's currency by
 * a date. The amount may be anything up to what the borrower owes in that currency in all (a
 * borrower may promise to settle in full, which is more than is overdue), never more. The date is
 * today or later, and at most PROMISE_AHEAD_DAYS_MAX days ahead: a promise further out is a payment
 * plan, not a promise. A new promise replaces the case's open one, which is cancelled; the daily
 * cycle settles promises (settle-promises.ts).
 *
 * Scope: an agency collector records on accounts placed with their agency now; an admin on any case;
 * anyone else on the cases their own team owns (a collector without a team on none).
 */
export type RecordPromiseOptions = {
  db: Db;
  principal: Principal;
  caseId: bigint;
  amountMinor: bigint;
  dueOn: CivilDate;
  /** The conversation the promise was made in, when there was one. */
  attemptId?: bigint;
  /** The business date: the day the promise is made. */
  asOf: CivilDate;
  now: Date;
};

/** Refusals, in the order they are checked. */
type PromiseRejection =
  | { reason: 'not_permitted' }
  | { reason: 'unknown_case'; field: 'caseId' }
  | { reason: 'not_in_scope'; field: 'caseId' }
  | { reason: 'case_closed'; field: 'caseId' }
  | { reason: 'amount_not_positive' | 'amount_above_outstanding'; field: 'amountMinor' }
  | { reason: 'due_date_in_past' | 'due_date_too_far'; field: 'dueOn' }
  | { reason: 'unknown_attempt'; field: 'attemptId' };

type RecordPromiseResult =
  | { ok: true; promiseId: bigint; currency: string; replaced: bigint | null }
  | ({ ok: false } & PromiseRejection);

type CaseRow = {
  status: string; borrower_id: bigint; owner_team: string | null; currency: string; outstanding_minor: bigint;
  placed: boolean; attempt_found: boolean;
};

export async function recordPromise(options: RecordPromiseOptions): Promise<RecordPromiseResult> {
  const { principal } = options;
  if (!grants(principal.role, 'desk:work')) return { ok: false, reason: 'not_permitted' };
  return options.db.transaction(async (tx) => {
    const [found] = await tx.query<CaseRow>(`SELECT c.status, c.borrower_id, c.owner_team, c.currency,
        (SELECT coalesce(sum(d.outstanding_minor), 0)::bigint FROM delinquency d
          JOIN account a ON a.id = d.account_id
          WHERE d.borrower_id = c.borrower_id AND a.currency = c.currency) AS outstanding_minor,
        EXISTS (SELECT 1 FROM placement p WHERE p.borrower_id = c.borrower_id AND p.agency_id = $2
          AND p.recalled_on IS NULL) AS placed,
        EXISTS (SELECT 1 FROM contact_attempt x WHERE x.id = $3 AND x.borrower_id = c.borrower_id)
          AS attempt_found
      FROM collection_case c WHERE c.id = $1 FOR UPDATE`,
    [options.caseId, principal.agencyId, options.attemptId ?? null]);
    const rejection = rejectionOf(options, found);
    if (rejection !== null) return { ok: false, ...rejection } as const;
    const [cancelled] = await tx.query<{ id: bigint }>(`UPDATE promise_to_pay SET status = 'cancelled',
        settled_on = $2 WHERE case_id = $1 AND status = 'open' RETURNING id`, [options.caseId, options.asOf]);
    const [row] = await tx.query<{ id: bigint }>(`INSERT INTO promise_to_pay (case_id, borrower_id,
      attempt_id,
        amount_minor, currency, promised_on, due_on, recorded_at, recorded_by)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`, [
      options.caseId, found!.borrower_id, options.attemptId ?? null, options.amountMinor, found!.currency,
      options.asOf, options.dueOn, options.now, principalName(principal),
    ]);
    return { ok: true, promiseId: row!.id, currency: found!.currency,
      replaced: cancelled?.id ?? null } as const;
  });
}

function rejectionOf(options: RecordPromiseOptions, found: CaseRow | undefined): PromiseRejection | null {
  if (found === undefined) return { reason: 'unknown_case', field: 'caseId' };
  const { principal } = options;
  const inScope = principal.role === 'admin' ? true
    : principal.role === 'agency_collector' ? found.placed
      : principal.teamId !== null && found.owner_team === principal.teamId;
  if (!inScope) return { reason: 'not_in_scope', field: 'caseId' };
  if (found.status !== 'open') return { reason: 'case_closed', field: 'caseId' };
  if (options.amountMinor <= 0n) return { reason: 'amount_not_positive', field: 'amountMinor' };
  if (options.amountMinor > found.outstanding_minor) {
    return { reason: 'amount_above_outstanding', field: 'amountMinor' };
  }
  if (options.dueOn < options.asOf) return { reason: 'due_date_in_past', field: 'dueOn' };
  if (options.dueOn > addDays(options.asOf, PROMISE_AHEAD_DAYS_MAX)) {
    return { reason: 'due_date_too_far', field: 'dueOn' };
  }
  if (options.attemptId !== undefined && !found.attempt_found) {
    return { reason: 'unknown_attempt', field: 'attemptId' };
  }
  return null;
}
