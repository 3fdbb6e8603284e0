import type { Db } from '../../db/database.ts';
import { columnsLike, copyRowOf } from '../../db/schema.ts';
import type { PaymentRecord } from '../../domain/import/import-records.ts';
import { paymentBodyHash } from '../../domain/payment/payment-body-hash.ts';
import type { AccountRef, Item } from './load-records.ts';
import {
  rejectStaged, stageRows, text, upsertStaged, type BatchResult, type StageCheck,
} from './stage-rows.ts';

/**
 * Inserts payments by idempotency key, as received: the daily cycle posts each on its value date.
 * The same key with the same body (paymentBodyHash) is a retry and changes nothing; the same key
 * with another body is refused (payment_key_conflict), never a second payment or an overwrite.
 * A value date before the account was opened is refused (value_date_out_of_range): the cycle would
 * post money on a day the account did not exist, and no bill of it could have been due.
 */
const STAGE = 'import_stage_payment';
/** What a payment is received with; the database fills the rest (status, received_at, …). */
const NAMES = [
  'idempotency_key', 'account_id', 'borrower_id', 'amount_minor', 'currency', 'value_date', 'channel',
  'body_hash',
] as const;
const COLUMNS = columnsLike('payment', NAMES);
const stagedRow = copyRowOf(['line', ...NAMES]);

const CHECKS: readonly StageCheck[] = [{
  sql: `DELETE FROM ${STAGE} s
    WHERE s.value_date < (SELECT a.opened_on FROM account a WHERE a.id = s.account_id)
    RETURNING s.line`,
  field: 'value_date', reason: 'value_date_out_of_range',
  message: 'The value date is before the account was opened.',
}, {
  sql: `DELETE FROM ${STAGE} s
    WHERE (SELECT p.body_hash FROM payment p WHERE p.idempotency_key = s.idempotency_key) <> s.body_hash
    RETURNING s.line`,
  field: 'idempotency_key', reason: 'payment_key_conflict',
  message: 'This idempotency key was already used for a different payment.',
}];

export async function loadPayments(tx: Db, items: readonly Item<PaymentRecord>[],
  accounts: ReadonlyMap<string, AccountRef>): Promise<BatchResult> {
  await stageRows(tx, STAGE, COLUMNS, items.map(({ line, record: r }) => {
    const account = accounts.get(r.accountExternalId)!;
    return stagedRow({
      line: String(line),
      idempotency_key: r.idempotencyKey, account_id: text(account.id), borrower_id: text(account.borrowerId),
      amount_minor: text(r.amountMinor), currency: r.currency, value_date: r.valueDate, channel: r.channel,
      body_hash: paymentBodyHash(r),
    });
  }));
  const errors = await rejectStaged(tx, CHECKS);
  return upsertStaged(tx, `INSERT INTO payment (${NAMES.join(', ')})
    SELECT ${NAMES.join(', ')} FROM ${STAGE} ORDER BY line
    ON CONFLICT (idempotency_key) DO NOTHING RETURNING 1`, items.length, errors);
}
