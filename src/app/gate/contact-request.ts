import Type from 'typebox';
import { ACTIONS, ACTOR_KINDS, CHANNELS, ContentSchema, PURPOSES } from '../../policy/situation.ts';

/**
 * What a caller knows when it asks the gate: which debt, whom, how, who is acting, and for a
 * message its text. Everything else the rules need (the borrower's zones, the whole contact history
 * of the lender and its agencies, agreements, opt-outs, holds, placements, notices) the gate loads
 * itself, so no caller can leave out the inconvenient part. Ids are the lender's external ids.
 */
const Id = Type.String({ minLength: 1, maxLength: 120 });

export const ContactRequestSchema = Type.Object(
  {
    accountId: Id,
    action: Type.Optional(Type.Enum(ACTIONS, { description: 'default contact' })),
    channel: Type.Optional(Type.Enum(CHANNELS, { description: 'required for a contact' })),
    purpose: Type.Optional(Type.Enum(PURPOSES, { description: 'default collect' })),
    voicemail: Type.Optional(Type.Boolean({ description: 'a voice call that leaves a recorded message' })),
    targetPartyId: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 120,
        description: 'the person contacted; the borrower when absent',
      }),
    ),
    contactPointId: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 120,
        description: 'the number or address used; must belong to the target',
      }),
    ),
    actor: Type.Object(
      {
        kind: Type.Enum(ACTOR_KINDS),
        id: Id,
        agencyId: Type.Optional(Id),
        dialledFrom: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
      },
      { additionalProperties: false },
    ),
    visit: Type.Optional(
      Type.Object(
        {
          staff: Type.Integer({ minimum: 0, maximum: 20 }),
          identityConfirmed: Type.Boolean(),
          authorisationConfirmed: Type.Boolean(),
          entersPremises: Type.Optional(Type.Boolean()),
        },
        { additionalProperties: false },
      ),
    ),
    content: Type.Optional(ContentSchema),
  },
  { additionalProperties: false },
);

export type ContactRequest = Type.Static<typeof ContactRequestSchema>;
