import { canonicalJson, sha256Hex } from '../../stdx/hash.ts';
import type { PaymentRecord } from '../import/import-records.ts';

/**
 * The fingerprint of a payment request. A retry with the same idempotency key must carry the same
 * body; the same key with a different body is a conflict (`payment_key_conflict`), never a second
 * posting and never a silent overwrite. The API and the importer hash the same fields.
 */
export function paymentBodyHash(payment: Omit<PaymentRecord, 'idempotencyKey'>): string {
  return sha256Hex(canonicalJson({
    accountExternalId: payment.accountExternalId,
    amountMinor: payment.amountMinor.toString(),
    currency: payment.currency,
    valueDate: payment.valueDate,
    channel: payment.channel,
  }));
}
