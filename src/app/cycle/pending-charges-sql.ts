/**
 * Late charges not yet written to an installment, as SQL over `installment i` and its
 * `product p`: the rules of domain/delinquency/accrue-penalty.ts and late-fee-due.ts (the
 * references the tests compare against).
 *
 * The cycle does not write them daily. Penalty interest per day depends only on the basis, which
 * changes only when a payment is allocated, and the late fee only on the date; allocation writes
 * what had accrued before it (allocate-batch.ts). So the stored amounts plus these expressions
 * are what is owed, and the daily cycle reads them instead of rewriting every overdue installment.
 * `through` is an SQL date expression, e.g. `$1::date`.
 */
const BASIS = `(CASE p.penalty_basis
  WHEN 'overdue_principal' THEN i.principal_due_minor - i.principal_paid_minor
  ELSE i.principal_due_minor - i.principal_paid_minor + i.interest_due_minor - i.interest_paid_minor END)`;
/** The last day already charged; before any charge, the due date itself. */
const CHARGED_THROUGH = 'greatest(coalesce(i.penalty_through, i.due_date), i.due_date)';

/** Penalty interest since `penalty_through`: nothing inside grace, then each day rounded half up. */
export function pendingPenaltySql(through: string): string {
  return `(CASE WHEN i.due_date < ${through} - p.grace_days
    THEN (${BASIS} * p.penalty_rate_ppm_per_day + 500000) / 1000000
      * greatest(0, ${through} - ${CHARGED_THROUGH})
    ELSE 0 END)`;
}

/** The late fee, once the installment is past grace and it has not been charged. */
export function pendingLateFeeSql(through: string): string {
  return `(CASE WHEN NOT i.late_fee_charged AND i.due_date < ${through} - p.grace_days
    THEN p.late_fee_minor ELSE 0 END)`;
}
