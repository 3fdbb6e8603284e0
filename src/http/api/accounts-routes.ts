import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { PAGE_ROWS_DEFAULT } from '../../config/limits.ts';
import type { Db } from '../../db/database.ts';
import { getAccount } from '../../app/portfolio/get-account.ts';
import { listAccounts } from '../../app/portfolio/list-accounts.ts';
import { AppError } from '../app-error.ts';
import { scopeOf } from '../scope-of.ts';
import { CivilDateString, ErrorResponse, MinorAmount, PageQuery } from './schemas.ts';

const AccountSummary = Type.Object({
  externalId: Type.String(), borrowerExternalId: Type.String(), productId: Type.String(),
  currency: Type.String(), status: Type.String(), openedOn: CivilDateString, principalMinor: MinorAmount,
  creditBalanceMinor: MinorAmount, dpd: Type.Integer(), bucket: Type.String(), overdueMinor: MinorAmount,
  outstandingMinor: MinorAmount, cursor: Type.String(),
});

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

const AccountDetail = Type.Object({
  externalId: Type.String(), borrowerExternalId: Type.String(), productId: Type.String(),
  currency: Type.String(), status: Type.String(), frozenReason: Nullable(Type.String()),
  frozenOn: Nullable(CivilDateString), openedOn: CivilDateString,
  principalMinor: MinorAmount, creditBalanceMinor: MinorAmount,
  delinquency: Nullable(Type.Object({
    dpd: Type.Integer(), bucket: Type.String(), oldestUnpaidDue: Nullable(CivilDateString),
    overduePrincipalMinor: MinorAmount, overdueInterestMinor: MinorAmount, overduePenaltyMinor: MinorAmount,
    overdueFeeMinor: MinorAmount, outstandingMinor: MinorAmount, changedOn: CivilDateString,
  })),
  penaltyTerms: Type.Object({
    ratePpmPerDay: Type.Integer(), basis: Type.String(), graceDays: Type.Integer(),
    lateFeeMinor: MinorAmount, explanation: Type.String(),
  }),
  costCheck: Type.Object({
    productId: Type.String(), annualisedCostBp: Type.Integer(), costCapBp: Type.Integer(),
    exceedsCap: Type.Boolean(), reason: Type.String(), citation: Type.String(),
  }),
  installments: Type.Array(Type.Object({
    seq: Type.Integer(), dueDate: CivilDateString, principalDueMinor: MinorAmount,
    interestDueMinor: MinorAmount, feeDueMinor: MinorAmount, penaltyAccruedMinor: MinorAmount,
    principalPaidMinor: MinorAmount, interestPaidMinor: MinorAmount, feePaidMinor: MinorAmount,
    penaltyPaidMinor: MinorAmount,
    penaltyThrough: Nullable(CivilDateString), remainingMinor: MinorAmount,
    paidOffOn: Nullable(CivilDateString),
  })),
  payments: Type.Array(Type.Object({
    idempotencyKey: Type.String(), amountMinor: MinorAmount, valueDate: CivilDateString,
    channel: Type.String(), status: Type.String(), creditedMinor: MinorAmount,
    allocations: Type.Array(Type.Object({
      installmentSeq: Nullable(Type.Integer()), component: Type.String(), amountMinor: MinorAmount,
    })),
  })),
  contactPoints: Type.Array(Type.Object({
    id: Type.String(), partyExternalId: Type.String(), partyName: Type.String(),
    partyRole: Type.Union([Type.Literal('borrower'), Type.Literal('third_party')]),
    relationship: Nullable(Type.String()), kind: Type.String(), maskedValue: Type.String(),
    status: Type.String(),
  })),
  thirdPartiesShown: Type.Boolean(),
});

export function accountsRoutes(db: Db): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/api/v1/accounts', {
      config: { permission: 'portfolio:read' },
      schema: {
        tags: ['portfolio'], summary: 'List accounts with their current delinquency',
        querystring: Type.Object({
          ...PageQuery, bucket: Type.Optional(Type.String({ maxLength: 16 })),
          status: Type.Optional(Type.String({ maxLength: 16 })),
          borrower: Type.Optional(Type.String({ maxLength: 128 })),
        }),
        response: {
          200: Type.Object({ accounts: Type.Array(AccountSummary), nextCursor: Nullable(Type.String()) }),
        },
      },
    }, async (request) => {
      const limit = request.query.limit ?? PAGE_ROWS_DEFAULT;
      const accounts = await listAccounts(db, { ...request.query, limit, scope: scopeOf(request) });
      return {
        accounts, nextCursor: accounts.length === limit ? accounts[accounts.length - 1]!.cursor : null,
      };
    });

    app.get('/api/v1/accounts/:externalId', {
      config: { permission: 'portfolio:read' },
      schema: {
        tags: ['portfolio'],
        summary: 'One account: installments, penalty computation, payments and their allocation',
        params: Type.Object({ externalId: Type.String({ minLength: 1, maxLength: 128 }) }),
        response: { 200: AccountDetail, 404: ErrorResponse },
      },
    }, async (request) => {
      const found = await getAccount(db, request.params.externalId, scopeOf(request));
      // Unknown and outside the scope are one answer (ARCHITECTURE.md, "Data scopes").
      if (!found.ok) {
        throw new AppError(404, found.reason, `no account ${request.params.externalId}`, found.field);
      }
      return found.account;
    });
  };
}
