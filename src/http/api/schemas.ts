import { Type } from '@fastify/type-provider-typebox';
import { PAGE_ROWS_DEFAULT, PAGE_ROWS_MAX } from '../../config/limits.ts';

/** Schemas shared by the API routes. Money is a string of minor units beside a currency code. */
export const MinorAmount = Type.String({
  pattern: '^-?\\d+$', description: 'Integer amount in minor units (fen, cents).',
});
/** Checked, not only shaped: the day must exist and its year be in the calendar's range. */
export const CivilDateString = Type.String({
  format: 'date', description: 'A calendar date, YYYY-MM-DD, that exists.',
});

export const ErrorResponse = Type.Object({
  error: Type.Object({
    reason: Type.String({ description: 'snake_case reason code' }),
    field: Type.Union([Type.String(), Type.Null()]),
    message: Type.String(),
  }),
});

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: PAGE_ROWS_MAX, default: PAGE_ROWS_DEFAULT })),
  after: Type.Optional(Type.String({
    pattern: '^\\d{1,18}$', description: 'Cursor: the `cursor` of the last row of the previous page.',
  })),
};
