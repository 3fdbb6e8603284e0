/**
 * Penalty interest as SQL, the formula of domain/delinquency/accrue-penalty.ts. Penalty interest
 * is not written daily: an installment stores what was charged up to `penalty_through`, and what
 * has accrued since is computed from the product's terms when it is read. It is written (charged)
 * only when its basis is about to change, i.e. when a payment or a credit is allocated to the
 * installment (allocate-batch.ts). Writing it daily rewrote every overdue installment every day,
 * the largest write of the cycle, for a figure a formula gives.
 *
 * The expressions read the installment as `i` and its product as `p`; `through` is a SQL date
 * expression, the last day charged (a cycle date).
 */
const BASIS = `(CASE p.penalty_basis
  WHEN 'overdue_principal' THEN i.principal_due_minor - i.principal_paid_minor
  ELSE i.principal_due_minor - i.principal_paid_minor + i.interest_due_minor - i.interest_paid_minor END)`;
/** The last day already charged; before any charge, the due date itself. */
const CHARGED_THROUGH = 'greatest(coalesce(i.penalty_through, i.due_date), i.due_date)';

/**
 * Whether penalty has accrued on the installment since its last charge, up to `through`. At a rate
 * of 0 it accrues nothing but the days still count as charged, as in accruePenalty.
 */
function accruing(through: string): string {
  return `(i.due_date < (${through}) - p.grace_days
    AND ${CHARGED_THROUGH} < (${through}) AND ${BASIS} > 0)`;
}

/**
 * Basis × rate, in parts per million of a minor unit per day. It fits a bigint (imported amounts
 * and rates are bounded); multiplied by decades of days it would not, so the charge is taken
 * apart: whole minor units per day times days, plus the rounded rest.
 */
const PER_DAY_PPM = `(${BASIS} * p.penalty_rate_ppm_per_day)`;

/** The installment's penalty interest charged through `through`: stored plus accrued since. */
export function penaltyThroughSql(through: string): string {
  const days = `((${through}) - ${CHARGED_THROUGH})`;
  return `(i.penalty_accrued_minor + CASE WHEN ${accruing(through)}
    THEN ${PER_DAY_PPM} / 1000000 * ${days} + (${PER_DAY_PPM} % 1000000 * ${days} + 500000) / 1000000
    ELSE 0 END)`;
}

/** The installment's `penalty_through` once charged through `through`. */
export function penaltyThroughDateSql(through: string): string {
  return `(CASE WHEN ${accruing(through)} THEN (${through}) ELSE i.penalty_through END)`;
}

/**
 * What is left to pay on the installment with its penalty charged through `through`
 * (`remaining_minor` counts only the penalty stored).
 */
export function remainingThroughSql(through: string): string {
  return `(i.remaining_minor - i.penalty_accrued_minor + ${penaltyThroughSql(through)})`;
}

/**
 * The last cycle date whose charges have been made, on or before the statement's `$1` (a date):
 * the day through which a payment posted on `$1` finds penalty charged (the cycle accrues after it
 * posts payments).
 */
export const LAST_ACCRUAL_SQL = `(SELECT max(as_of) FROM cycle_step
  WHERE step = 'accrue_charges' AND as_of <= $1::date)`;
