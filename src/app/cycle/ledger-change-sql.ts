import { FIGURE_COLUMNS, oldFigure } from '../../db/schema.ts';

/** A delinquency row's figures (`d`) as the recompute_scope columns of the last ones. */
const OLD_FIGURES = FIGURE_COLUMNS.map((column) => `d.${column} AS ${oldFigure(column)}`).join(', ');

/**
 * The accounts whose figures can differ on the cycle date `$1` from those last computed (`d`),
 * each with its borrower, product, mark (if any) and last figures (none for a new account): marked
 * ones (every new account is: migration 0008), those with something past due, those whose next
 * unpaid installment has fallen due since, and those `orWhen` (a condition on `d`) selects. Any
 * other account's figures stand: nothing of it is past due, so neither its DPD (0) nor its penalty
 * interest (none) moves with the date. Only a marked account's own row is read: an unmarked
 * account's product is the one its figures were computed under (a change of product marks it).
 * A marked account's rows are looked up by key (OFFSET 0 keeps the planner from turning the lookup
 * into a join, which it plans as a hash of every account and every delinquency row: more than the
 * marks of a day, a few thousand, are worth). The columns are recompute_scope's, in its declared
 * order (schema.ts), so the recompute inserts the rows under `columnsOf('recompute_scope')`.
 */
export function recomputeScopeSql(orWhen = 'false'): string {
  return `SELECT d.account_id, NULL::bigint AS marked, d.borrower_id, d.product_id, true AS has_figures,
      ${OLD_FIGURES}
    FROM delinquency d
    WHERE NOT EXISTS (SELECT 1 FROM ledger_change l WHERE l.account_id = d.account_id)
      AND (d.oldest_unpaid_due IS NOT NULL OR d.next_unpaid_due < $1::date OR ${orWhen})
    UNION ALL
    SELECT l.account_id, l.marked, a.borrower_id, a.product_id, d.account_id IS NOT NULL, ${OLD_FIGURES}
    FROM ledger_change l
    CROSS JOIN LATERAL (SELECT borrower_id, product_id FROM account WHERE id = l.account_id OFFSET 0) a
    LEFT JOIN LATERAL (SELECT * FROM delinquency WHERE account_id = l.account_id OFFSET 0) d ON true`;
}

/**
 * The accounts that may have an unpaid installment due before `before` (a SQL date expression):
 * those whose last figures show something past due, or a next unpaid due date before it, and those
 * changed since (marked). No other account can, so the steps that act on what has fallen due (the
 * credit balances, the late fees) look only at these instead of at every installment.
 */
export function mayHaveDueSql(before: string): string {
  return `SELECT d.account_id FROM delinquency d
    WHERE d.oldest_unpaid_due IS NOT NULL OR d.next_unpaid_due < ${before}
    UNION SELECT l.account_id FROM ledger_change l`;
}
