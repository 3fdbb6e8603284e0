/**
 * Marks accounts whose installments changed, so the next recompute of delinquency reads them
 * (migration 0007). `accounts` is a query whose rows have an `account_id`; duplicates are fine. A
 * mark that exists is renewed, so a recompute running meanwhile does not remove it as read.
 */
export function markLedgerChangeSql(accounts: string): string {
  return `INSERT INTO ledger_change (account_id) SELECT DISTINCT account_id FROM (${accounts}) m
    ON CONFLICT (account_id) DO UPDATE SET marked = nextval('ledger_change_mark')`;
}

/**
 * The accounts whose figures can differ on the cycle date `$1` from those last computed (`d`),
 * with their mark if any: new ones, marked ones, those with something past due, those whose next
 * unpaid installment has fallen due since, and those `orWhen` (a condition on `d`) selects. Any
 * other account's figures stand: nothing of it is past due, so neither its DPD (0) nor its
 * penalty interest (none) moves with the date.
 */
export function recomputeScopeSql(orWhen = 'false'): string {
  return `SELECT a.id AS account_id, l.marked FROM account a
    LEFT JOIN delinquency d ON d.account_id = a.id
    LEFT JOIN ledger_change l ON l.account_id = a.id
    WHERE d.account_id IS NULL OR l.account_id IS NOT NULL OR d.oldest_unpaid_due IS NOT NULL
      OR d.next_unpaid_due < $1::date OR ${orWhen}`;
}
