import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../db/database.ts';
import type { Clock } from '../../stdx/clock.ts';
import { auditContextOf } from '../auth/audit-context-of.ts';
import { receivePayment, type ReceivedPayment } from '../../app/payment/receive-payment.ts';
import { AppError } from '../app-error.ts';
import { CivilDateString, ErrorResponse, MinorAmount } from './schemas.ts';

const Payment = Type.Object({
  idempotencyKey: Type.String(), accountExternalId: Type.String(), amountMinor: MinorAmount,
  currency: Type.String(), valueDate: CivilDateString, channel: Type.String(), status: Type.String(),
  creditedMinor: MinorAmount,
});

const REJECTION_STATUS: Record<string, number> = {
  payment_key_conflict: 409, unknown_account: 422, currency_mismatch: 422,
};

export function paymentsRoutes(db: Db, clock: Clock): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post('/api/v1/payments', {
      config: { permission: 'payments:write' },
      schema: {
        tags: ['payments'],
        summary: 'Record a payment idempotently; the daily cycle allocates it',
        description: 'A retry with the same idempotencyKey and body returns the recorded payment (200). '
          + 'The same key with a different body is refused with 409 payment_key_conflict. An amount above '
          + "the currency's bound, or a value date before the account's opening or more than a few days "
          + 'after today, is refused with 400 amount_out_of_range or value_date_out_of_range.',
        body: Type.Object({
          idempotencyKey: Type.String({ pattern: '^[A-Za-z0-9._:-]{1,128}$' }),
          accountExternalId: Type.String({ minLength: 1, maxLength: 128 }),
          amountMinor: Type.String({
            pattern: '^[1-9]\\d{0,17}$', description: 'Positive integer amount in minor units.',
          }),
          currency: Type.String({ pattern: '^[A-Z]{3}$' }),
          valueDate: CivilDateString,
          channel: Type.String({ pattern: '^[a-z][a-z0-9_]{0,31}$' }),
        }, { additionalProperties: false }),
        response: {
          200: Payment, 201: Payment, 400: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse,
        },
      },
    }, async (request, reply) => {
      const result = await receivePayment(db, {
        ...request.body, amountMinor: BigInt(request.body.amountMinor),
      }, { now: clock.now(), audit: auditContextOf(request) });
      if (!result.ok) {
        const { reason, field } = result.rejection;
        throw new AppError(REJECTION_STATUS[reason] ?? 400, reason, describe(reason), field);
      }
      reply.code(result.replayed ? 200 : 201);
      return serialise(result.payment);
    });
  };
}

function describe(reason: string): string {
  if (reason === 'payment_key_conflict') {
    return 'this idempotency key was already used for a different payment';
  }
  if (reason === 'unknown_account') return 'no account with this external id';
  if (reason === 'currency_mismatch') return 'the payment currency differs from the account currency';
  if (reason === 'amount_out_of_range') return 'the amount is larger than any payment this currency accepts';
  if (reason === 'value_date_out_of_range') {
    return "the value date must lie between the account's opening and a few days after today";
  }
  return reason.replaceAll('_', ' ');
}

function serialise(payment: ReceivedPayment) {
  return {
    ...payment, id: undefined, amountMinor: String(payment.amountMinor),
    creditedMinor: String(payment.creditedMinor),
  };
}
