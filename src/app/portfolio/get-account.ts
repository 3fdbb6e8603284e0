import type { Db } from '../../db/database.ts';
import type { Row } from '../../db/schema.ts';
import type { ProductTerms } from '../../domain/product/product-terms.ts';
import { checkProductCost, type ProductCostCheck } from '../../domain/product/check-product-cost.ts';
import {
  LAST_ACCRUAL_SQL, penaltyThroughDateSql, penaltyThroughSql, remainingThroughSql,
} from '../cycle/penalty-sql.ts';
import { loadProductTerms } from '../product/load-product-terms.ts';
import type { DataScope } from '../scope/load-scope.ts';
import { accountInScopeSql, thirdPartiesShownSql } from '../scope/scope-filters.ts';
import { listContactPoints, type ContactPointView } from './list-contact-points.ts';

/**
 * One account as the borrower and the collector should both be able to see it (R17): every
 * installment with what was due and paid per component, how penalty interest was computed, the
 * allocation of each payment, and whether the product's all-in cost is above its cap; and the
 * borrower's contact points, masked, with those of the third parties on the file when the scope
 * shows them.
 */
export type AccountDetail = {
  externalId: string; borrowerExternalId: string; productId: string; currency: string; status: string;
  frozenReason: string | null; frozenOn: string | null; openedOn: string; principalMinor: string;
  creditBalanceMinor: string;
  delinquency: { dpd: number; bucket: string; oldestUnpaidDue: string | null; overduePrincipalMinor: string;
    overdueInterestMinor: string; overduePenaltyMinor: string; overdueFeeMinor: string;
    outstandingMinor: string; changedOn: string } | null;
  penaltyTerms: {
    ratePpmPerDay: number; basis: string; graceDays: number; lateFeeMinor: string; explanation: string;
  };
  costCheck: ProductCostCheck;
  installments: { seq: number; dueDate: string; principalDueMinor: string; interestDueMinor: string;
    feeDueMinor: string; penaltyAccruedMinor: string; principalPaidMinor: string; interestPaidMinor: string;
    feePaidMinor: string; penaltyPaidMinor: string; penaltyThrough: string | null; remainingMinor: string;
    paidOffOn: string | null }[];
  payments: { idempotencyKey: string; amountMinor: string; valueDate: string; channel: string; status: string;
    creditedMinor: string;
    allocations: { installmentSeq: number | null; component: string; amountMinor: string }[] }[];
  contactPoints: ContactPointView[];
  /**
   * Whether the scope shows the third parties on the file (false for an agency whose placement does
   * not allow it); says nothing about whether there are any.
   */
  thirdPartiesShown: boolean;
};

/**
 * An account outside the principal's scope is answered exactly as an unknown one: saying it
 * exists would tell the reader that this person is in debt with the lender.
 */
type AccountLookup =
  | { ok: true; account: AccountDetail }
  | { ok: false; reason: 'unknown_account'; field: 'externalId' };

/** An account with its borrower's external id, and whether the scope shows the file's third parties. */
type AccountRow = Row<'account'> & { borrower: string; shows_third_parties: boolean };
/** An installment with its penalty charged, and so its remainder, through the last cycle date. */
type InstallmentRow = Pick<Row<'installment'>, 'seq' | 'due_date' | 'principal_due_minor'
  | 'interest_due_minor' | 'fee_due_minor' | 'penalty_accrued_minor' | 'principal_paid_minor'
  | 'interest_paid_minor' | 'fee_paid_minor' | 'penalty_paid_minor' | 'penalty_through' | 'remaining_minor'
  | 'paid_off_on'>;

export async function getAccount(db: Db, externalId: string, scope: DataScope): Promise<AccountLookup> {
  const params: unknown[] = [externalId];
  const inScope = accountInScopeSql(scope, 'a', params);
  const thirdParties = thirdPartiesShownSql(scope, 'a', params);
  const [account] = await db.query<AccountRow>(`SELECT a.*, b.external_id AS borrower,
      ${thirdParties} AS shows_third_parties
    FROM account a
    JOIN party b ON b.id = a.borrower_id WHERE a.external_id = $1 AND ${inScope}`, params);
  if (account === undefined) return { ok: false, reason: 'unknown_account', field: 'externalId' };
  const terms = (await loadProductTerms(db)).get(account.product_id)!;
  const [delinquency] = await db.query<Row<'delinquency'>>(
    'SELECT * FROM delinquency WHERE account_id = $1', [account.id]);
  // Penalty interest as charged through the last cycle date (penalty-sql.ts).
  const installments = await db.query<InstallmentRow>(`SELECT i.seq, i.due_date,
      i.principal_due_minor, i.interest_due_minor, i.fee_due_minor,
      ${penaltyThroughSql(LAST_ACCRUAL_SQL)} AS penalty_accrued_minor,
      i.principal_paid_minor, i.interest_paid_minor, i.fee_paid_minor, i.penalty_paid_minor,
      ${penaltyThroughDateSql(LAST_ACCRUAL_SQL)} AS penalty_through,
      ${remainingThroughSql(LAST_ACCRUAL_SQL)} AS remaining_minor, i.paid_off_on
    FROM installment i JOIN account a ON a.id = i.account_id JOIN product p ON p.id = a.product_id
    WHERE i.account_id = $2 ORDER BY i.seq`, ['infinity', account.id]);
  const payments = await db.query<Row<'payment'>>(
    'SELECT * FROM payment WHERE account_id = $1 ORDER BY value_date, id', [account.id]);
  const allocations = await db.query<
    Pick<Row<'allocation'>, 'payment_id' | 'installment_seq' | 'component' | 'amount_minor'>>(
    `SELECT payment_id, installment_seq, component, amount_minor FROM allocation
    WHERE account_id = $1 ORDER BY id`, [account.id]);
  const contactPoints = await listContactPoints(db, account.borrower_id, account.shows_third_parties);
  return {
    ok: true,
    account: {
      ...toAccountDetail(account, terms, delinquency, installments, payments, allocations),
      contactPoints, thirdPartiesShown: account.shows_third_parties,
    },
  };
}

function toAccountDetail(
  account: AccountRow, terms: ProductTerms, delinquency: Row<'delinquency'> | undefined,
  installments: InstallmentRow[], payments: Row<'payment'>[],
  allocations: Pick<Row<'allocation'>, 'payment_id' | 'installment_seq' | 'component' | 'amount_minor'>[],
): Omit<AccountDetail, 'contactPoints' | 'thirdPartiesShown'> {
  const basis = terms.penaltyBasis === 'overdue_principal'
    ? 'overdue principal'
    : 'overdue principal and interest';
  return {
    externalId: account.external_id, borrowerExternalId: account.borrower, productId: terms.id,
    currency: account.currency,
    status: account.status, frozenReason: account.frozen_reason, frozenOn: account.frozen_on,
    openedOn: account.opened_on, principalMinor: String(account.principal_minor),
    creditBalanceMinor: String(account.credit_balance_minor),
    delinquency: delinquency === undefined ? null : {
      dpd: delinquency.dpd, bucket: delinquency.bucket, oldestUnpaidDue: delinquency.oldest_unpaid_due,
      overduePrincipalMinor: String(delinquency.overdue_principal_minor),
      overdueInterestMinor: String(delinquency.overdue_interest_minor),
      overduePenaltyMinor: String(delinquency.overdue_penalty_minor),
      overdueFeeMinor: String(delinquency.overdue_fee_minor),
      outstandingMinor: String(delinquency.outstanding_minor), changedOn: delinquency.changed_on,
    },
    penaltyTerms: {
      ratePpmPerDay: terms.penaltyRatePpmPerDay, basis: terms.penaltyBasis, graceDays: terms.graceDays,
      lateFeeMinor: String(terms.lateFeeMinor),
      explanation: `Penalty interest is ${terms.penaltyRatePpmPerDay / 10_000}% a day of the ${basis}, `
        + 'charged for each day after the due date once an installment is more than '
        + `${terms.graceDays} days late; paid within the grace days, `
        + 'nothing is charged. The charge is rounded half up to the minor unit each time it is settled '
        + '(when a payment is applied to the installment).',
    },
    costCheck: checkProductCost(terms),
    installments: installments.map((row) => ({
      seq: row.seq, dueDate: row.due_date, principalDueMinor: String(row.principal_due_minor),
      interestDueMinor: String(row.interest_due_minor), feeDueMinor: String(row.fee_due_minor),
      penaltyAccruedMinor: String(row.penalty_accrued_minor),
      principalPaidMinor: String(row.principal_paid_minor),
      interestPaidMinor: String(row.interest_paid_minor), feePaidMinor: String(row.fee_paid_minor),
      penaltyPaidMinor: String(row.penalty_paid_minor), penaltyThrough: row.penalty_through,
      remainingMinor: String(row.remaining_minor), paidOffOn: row.paid_off_on,
    })),
    payments: payments.map((row) => ({
      idempotencyKey: row.idempotency_key, amountMinor: String(row.amount_minor), valueDate: row.value_date,
      channel: row.channel, status: row.status, creditedMinor: String(row.credited_minor),
      allocations: allocations.filter((line) => line.payment_id === row.id).map((line) => ({
        installmentSeq: line.installment_seq, component: line.component,
        amountMinor: String(line.amount_minor),
      })),
    })),
  };
}
