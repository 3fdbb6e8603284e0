import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { AuditContext } from '../audit/audit-context.ts';
import type { Db } from '../../db/database.ts';
import type { Row } from '../../db/schema.ts';
import { paymentBodyHash } from '../../domain/payment/payment-body-hash.ts';
import type { PaymentRecord } from '../../domain/import/import-records.ts';
import {
  PAYMENT_AMOUNT_MINOR_MAX, PAYMENT_AMOUNT_MINOR_MAX_DEFAULT, PAYMENT_VALUE_DATE_AHEAD_DAYS_MAX,
} from '../../config/limits.ts';
import { checkCivilDateText } from '../../domain/input/check-civil-date-text.ts';
import { findInvalidCharacter } from '../../domain/input/find-invalid-character.ts';
import { assert } from '../../stdx/assert.ts';
import { addDays, civilDateInZone } from '../../stdx/civil-date.ts';
import { isCurrency } from '../../stdx/money.ts';

/**
 * Records a payment idempotently (R16). The lender's idempotency key names the payment: a retry
 * with the same key and body returns the payment already recorded, never a second one; the same
 * key with a different body is refused (`payment_key_conflict`) because one of the two requests is
 * wrong and guessing which would corrupt the ledger. Posting (allocation) happens in the daily
 * cycle, or at once when the caller asks to post.
 *
 * An absurd payment is refused rather than posted, because posting it would put a credit balance
 * on the account that no borrower ever paid: an amount above the currency's bound
 * (`PAYMENT_AMOUNT_MINOR_MAX`), or a value date before the account was opened or more than
 * `PAYMENT_VALUE_DATE_AHEAD_DAYS_MAX` days after today in the borrower's zone (a bank may
 * value-date a transfer a few days ahead, never years).
 */
export type ReceivedPayment = {
  id: bigint; idempotencyKey: string; accountExternalId: string; amountMinor: bigint; currency: string;
  valueDate: string; channel: string; status: 'received' | 'posted'; creditedMinor: bigint;
};

/** In precedence order: the request's own fields first, then what depends on the account. */
export type ReceivePaymentRejection =
  | { reason: 'invalid_value'; field: 'currency' | 'channel' | 'idempotencyKey' }
  | { reason: 'invalid_character'; field: 'accountExternalId' }
  | { reason: 'invalid_amount'; field: 'amountMinor' }
  | { reason: 'amount_out_of_range'; field: 'amountMinor' }
  | { reason: 'invalid_date'; field: 'valueDate' }
  | { reason: 'unknown_account'; field: 'accountExternalId' }
  | { reason: 'currency_mismatch'; field: 'currency' }
  | { reason: 'value_date_out_of_range'; field: 'valueDate' }
  | { reason: 'payment_key_conflict'; field: 'idempotencyKey' };

export type ReceivePaymentOptions = {
  /** The instant the payment is received; its date in the borrower's zone bounds the value date. */
  now: Date;
  /** Who sent it, for the audit trail; a new payment is recorded there (a replay changes nothing). */
  audit: AuditContext | null;
};

export type ReceivePaymentResult =
  | { ok: true; payment: ReceivedPayment; replayed: boolean }
  | { ok: false; rejection: ReceivePaymentRejection };

export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;
export const PAYMENT_CHANNEL_PATTERN = /^[a-z][a-z0-9_]{0,31}$/;

export async function receivePayment(
  db: Db, payment: PaymentRecord, options: ReceivePaymentOptions,
): Promise<ReceivePaymentResult> {
  const invalid = validatePayment(payment);
  if (invalid !== null) return { ok: false, rejection: invalid };
  const hash = paymentBodyHash(payment);
  return db.transaction(async (tx) => {
    const [account] = await tx.query<PaidAccount>(`SELECT a.id, a.borrower_id, a.currency, a.opened_on,
        b.time_zone
      FROM account a JOIN party b ON b.id = a.borrower_id WHERE a.external_id = $1`,
    [payment.accountExternalId]);
    const refused = refuseForAccount(payment, account, options.now);
    if (refused !== null) return { ok: false, rejection: refused };
    assert(account !== undefined, 'an account was found when nothing refused the payment');
    const inserted = await tx.query<Pick<Row<'payment'>, 'id'>>(`INSERT INTO payment (idempotency_key,
        account_id, borrower_id, amount_minor, currency, value_date, channel, body_hash)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
      ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
    [payment.idempotencyKey, account.id, account.borrower_id, payment.amountMinor, payment.currency,
      payment.valueDate, payment.channel, hash]);
    const stored = await findPayment(tx, payment.idempotencyKey);
    if (stored === null || stored.hash !== hash) {
      return { ok: false, rejection: { reason: 'payment_key_conflict', field: 'idempotencyKey' } };
    }
    const replayed = inserted.length === 0;
    if (!replayed && options.audit !== null) {
      await appendAuditEvent(tx, {
        context: options.audit, action: 'payment.received', subjectKind: 'payment',
        subjectId: String(stored.payment.id), borrowerId: BigInt(account.borrower_id), at: options.now,
        detail: {
          amountMinor: String(payment.amountMinor), currency: payment.currency, valueDate: payment.valueDate,
        },
      });
    }
    return { ok: true, payment: stored.payment, replayed };
  });
}

function validatePayment(payment: PaymentRecord): ReceivePaymentRejection | null {
  if (!IDEMPOTENCY_KEY_PATTERN.test(payment.idempotencyKey)) {
    return { reason: 'invalid_value', field: 'idempotencyKey' };
  }
  if (!isCurrency(payment.currency)) return { reason: 'invalid_value', field: 'currency' };
  if (!PAYMENT_CHANNEL_PATTERN.test(payment.channel)) return { reason: 'invalid_value', field: 'channel' };
  if (findInvalidCharacter(payment.accountExternalId) >= 0) {
    return { reason: 'invalid_character', field: 'accountExternalId' };
  }
  if (payment.amountMinor <= 0n) return { reason: 'invalid_amount', field: 'amountMinor' };
  const amountMax = PAYMENT_AMOUNT_MINOR_MAX[payment.currency] ?? PAYMENT_AMOUNT_MINOR_MAX_DEFAULT;
  if (payment.amountMinor > amountMax) return { reason: 'amount_out_of_range', field: 'amountMinor' };
  if (checkCivilDateText(payment.valueDate) !== payment.valueDate) {
    return { reason: 'invalid_date', field: 'valueDate' };
  }
  return null;
}

type PaidAccount = Pick<Row<'account'>, 'id' | 'borrower_id' | 'currency' | 'opened_on'>
  & Pick<Row<'party'>, 'time_zone'>;

function refuseForAccount(
  payment: PaymentRecord, account: PaidAccount | undefined, now: Date,
): ReceivePaymentRejection | null {
  if (account === undefined) return { reason: 'unknown_account', field: 'accountExternalId' };
  if (account.currency !== payment.currency) return { reason: 'currency_mismatch', field: 'currency' };
  const latest = addDays(civilDateInZone(now, account.time_zone), PAYMENT_VALUE_DATE_AHEAD_DAYS_MAX);
  if (payment.valueDate < account.opened_on || payment.valueDate > latest) {
    return { reason: 'value_date_out_of_range', field: 'valueDate' };
  }
  return null;
}

type PaymentRow = Pick<Row<'payment'>, 'id' | 'idempotency_key' | 'amount_minor' | 'currency' | 'value_date'
  | 'channel' | 'credited_minor' | 'body_hash'> & Pick<Row<'account'>, 'external_id'>
  // The statuses payment's check constraint allows.
  & { status: 'received' | 'posted' };

export async function findPayment(
  db: Db, key: string,
): Promise<{ payment: ReceivedPayment; hash: string } | null> {
  const [row] = await db.query<PaymentRow>(`SELECT p.id, p.idempotency_key, a.external_id, p.amount_minor,
      p.currency, p.value_date, p.channel, p.status, p.credited_minor, p.body_hash
    FROM payment p JOIN account a ON a.id = p.account_id WHERE p.idempotency_key = $1`, [key]);
  if (row === undefined) return null;
  return {
    hash: row.body_hash,
    payment: {
      id: row.id, idempotencyKey: row.idempotency_key, accountExternalId: row.external_id,
      amountMinor: row.amount_minor, currency: row.currency, valueDate: row.value_date, channel: row.channel,
      status: row.status, creditedMinor: row.credited_minor,
    },
  };
}
