import type { Db } from '../../src/db/database.ts';
import { appendAuditEvent, type AuditEvent } from '../../src/app/audit/append-audit-event.ts';
import type { AuditContext } from '../../src/app/audit/audit-context.ts';

/** A collector at her desk, and the daily cycle: the two kinds of actor most events have. */
export const COLLECTOR: AuditContext = {
  actorKind: 'user', actor: 'li.na', sourceIp: '10.1.2.3', requestId: 'req-7',
};
export const CYCLE: AuditContext = { actorKind: 'system', actor: 'cycle', sourceIp: null, requestId: null };

/** The `index`-th payment of a day, received from the collector's desk for borrower 1 or 2. */
export function paymentEvent(index: number, context: AuditContext = COLLECTOR): AuditEvent {
  return {
    context, action: 'payment.received', subjectKind: 'payment', subjectId: `P${index}`,
    borrowerId: BigInt(1 + (index % 2)), at: new Date(Date.UTC(2026, 2, 1, 2, index)),
    detail: { amountMinor: BigInt(10_000 + index), currency: 'CNY', channel: 'bank_transfer' },
  };
}

/** Appends `count` payment events, one transaction each, as separate requests would. */
export async function appendPaymentEvents(db: Db, count: number, first = 1): Promise<void> {
  for (let index = first; index < first + count; index += 1) {
    await db.transaction((tx) => appendAuditEvent(tx, paymentEvent(index)));
  }
}
