import type { Db } from '../../src/db/database.ts';

/**
 * A small, hand-written portfolio for database tests of the ledger and the cycle: exact amounts
 * chosen so expected figures can be worked out by hand. (The synthetic generator is for volume.)
 */
export type FixtureProduct = {
  id: string; currency?: string; jurisdiction?: string; interestRateBp?: number; penaltyRatePpmPerDay?: number;
  penaltyBasis?: string; graceDays?: number; lateFeeMinor?: bigint; allocationMode?: string;
};

export async function insertProduct(db: Db, product: FixtureProduct): Promise<void> {
  await db.query(`INSERT INTO product (id, name, kind, jurisdiction, currency, interest_rate_bp, penalty_rate_ppm_per_day,
      penalty_basis, grace_days, late_fee_minor, allocation_mode)
    VALUES ($1, $1, 'cash_loan', $2, $3, $4, $5, $6, $7, $8, $9)`, [
    product.id, product.jurisdiction ?? 'CN', product.currency ?? 'CNY', product.interestRateBp ?? 1800,
    product.penaltyRatePpmPerDay ?? 500, product.penaltyBasis ?? 'overdue_principal', product.graceDays ?? 3,
    product.lateFeeMinor ?? 0n, product.allocationMode ?? 'installment_first']);
}

export async function insertBorrower(db: Db, externalId: string, timeZone = 'Asia/Shanghai'): Promise<bigint> {
  const [row] = await db.query<{ id: bigint }>(`INSERT INTO party (external_id, kind, borrower_id, relationship, full_name,
      time_zone, country) VALUES ($1, 'borrower', 0, 'self', $1, $2, 'CN') RETURNING id`, [externalId, timeZone]);
  await db.query('UPDATE party SET borrower_id = id WHERE id = $1', [row!.id]);
  return row!.id;
}

export type FixtureInstallment = { dueDate: string; principal: bigint; interest?: bigint; fee?: bigint };

export async function insertAccount(db: Db, options: {
  externalId: string; borrowerId: bigint; productId: string; openedOn: string; installments: FixtureInstallment[];
  currency?: string;
}): Promise<bigint> {
  const principal = options.installments.reduce((total, item) => total + item.principal, 0n);
  const [row] = await db.query<{ id: bigint }>(`INSERT INTO account (external_id, borrower_id, product_id, currency,
      credit_limit_minor, principal_minor, opened_on) VALUES ($1, $2, $3, $4, $5, $5, $6) RETURNING id`,
  [options.externalId, options.borrowerId, options.productId, options.currency ?? 'CNY', principal, options.openedOn]);
  for (const [index, item] of options.installments.entries()) {
    await db.query(`INSERT INTO installment (account_id, seq, borrower_id, due_date, principal_due_minor,
        interest_due_minor, fee_due_minor) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [row!.id, index + 1, options.borrowerId, item.dueDate, item.principal, item.interest ?? 0n, item.fee ?? 0n]);
  }
  return row!.id;
}

/**
 * Every table the cycle writes, as sorted text, for equality checks. Wall-clock columns are left
 * out, and so are ids drawn from sequences for rows the cycle creates (PostgreSQL never rolls a
 * sequence back, so a rerun after a crash may number rows differently); such rows are compared by
 * their natural keys instead.
 */
/**
 * One Shanghai borrower, Zhou, with one mobile (`zhou-mobile`) and one interest-free loan (`zhou-1`)
 * whose only bill fell due on 2026-02-25: 13 days past due on 2026-03-10, in phone collection, so
 * the default strategy plans a collector call that day and the next.
 */
export async function insertPhoneCollectionBorrower(db: Db): Promise<void> {
  await insertProduct(db, { id: 'loan', interestRateBp: 0, penaltyRatePpmPerDay: 0, graceDays: 0 });
  const borrower = await insertBorrower(db, 'zhou');
  await db.query(`INSERT INTO contact_point (external_id, party_id, borrower_id, kind, value)
    VALUES ('zhou-mobile', $1, $1, 'mobile', '13800000000')`, [borrower]);
  await insertAccount(db, { externalId: 'zhou-1', borrowerId: borrower, productId: 'loan',
    openedOn: '2026-01-01', installments: [{ dueDate: '2026-02-25', principal: 100000n }] });
}

export async function dumpLedger(db: Db): Promise<string> {
  const tables: [string, string, string[]][] = [
    ['installment', 'account_id, seq', []],
    ['payment', 'id', ['received_at']],
    ['allocation', 'payment_id, account_id, installment_seq, component, amount_minor', ['id']],
    ['account', 'id', ['created_at']],
    ['delinquency', 'account_id', []],
    ['collection_case', 'borrower_id, opened_on', ['id']],
    ['planned_action', 'as_of, borrower_id, action', ['id', 'case_id']],
    ['promise_to_pay', 'borrower_id, promised_on, due_on', ['id', 'case_id', 'attempt_id', 'recorded_at']],
    ['snapshot_bucket', 'as_of, currency, bucket', []],
    ['snapshot_roll', 'as_of, from_bucket, to_bucket', []],
    ['cycle_step', 'as_of, step', ['completed_at']],
  ];
  const parts: string[] = [];
  for (const [table, order, skip] of tables) {
    const rows = await db.query(`SELECT * FROM ${table} ORDER BY ${order}`);
    const text = rows.map((row) => Object.entries(row)
      .filter(([key]) => !skip.includes(key))
      .map(([key, value]) => `${key}=${value instanceof Date ? value.toISOString() : JSON.stringify(value, (_k, v) => typeof v === 'bigint' ? v.toString() : v)}`)
      .join(' '));
    parts.push(`## ${table}\n${text.join('\n')}`);
  }
  return parts.join('\n');
}
