import Type from 'typebox';
import {
  CALENDAR_YEAR_MAX, CALENDAR_YEAR_MIN, CONTENT_TEXT_CHARS_MAX, SITUATION_HISTORY_ITEMS_MAX,
  SITUATION_LIST_ITEMS_MAX, SITUATION_ZONES_MAX,
} from '../config/limits.ts';
import { checkInstant } from '../domain/input/check-instant.ts';

/**
 * The Situation: everything the compliance engine needs to decide one proposed action, and
 * nothing it has to fetch. The caller (the desk, the dispatcher, the daily cycle, the CLI) loads
 * the borrower's whole contact history across the lender and all its agencies, the agreements,
 * opt-outs, holds and placements, and passes them in with the instant of the decision, so the
 * engine stays pure and a stored Decision can be replayed from its Situation alone.
 *
 * The vocabularies match the database's check constraints (migrations 0001 and 0002): channels,
 * attempt outcomes, actor kinds, agreement kinds, hold kinds and party relationships. Instants
 * are ISO 8601 strings with an offset or `Z`; time zones are IANA names.
 */

/** Why an instant was refused: the shape, a day that exists, the year range, the offset. */
export const INSTANT_MESSAGE = 'is not an ISO 8601 instant YYYY-MM-DDTHH:MM:SS with an offset or Z, on a '
  + `real day of the years ${CALENDAR_YEAR_MIN}–${CALENDAR_YEAR_MAX} (e.g. 2026-03-08T09:30:00+08:00)`;

/**
 * Every instant a situation (or a policy test) carries. `format: 'date-time'` alone only checks
 * the shape, and lets through a year 0001 or 9999 the time-zone arithmetic cannot handle, and a
 * leap second; the refinement reads the text with `checkInstant`, so a value the schema accepts is
 * one `new Date` reads as written. Define new instant fields with this schema, never a bare string:
 * parse-situation.test.ts walks the schema and fails on a date-time field without the refinement.
 */
export const InstantSchema = Type.Refine(
  Type.String({ format: 'date-time', description: 'ISO 8601 instant with offset or Z' }),
  (value) => typeof value === 'string' && checkInstant(value) !== null,
  () => INSTANT_MESSAGE,
);


export const PACK_IDS = ['CN', 'US'] as const;
export type PackId = (typeof PACK_IDS)[number];

/** What the action is: a contact through a channel, a bureau report, a lawsuit, an agency placement. */
export const ACTIONS = ['contact', 'credit_report', 'legal_action', 'placement'] as const;
export type Action = (typeof ACTIONS)[number];

export const CHANNELS = ['voice', 'sms', 'email', 'app_push', 'letter', 'visit'] as const;
export type Channel = (typeof CHANNELS)[number];
export const ELECTRONIC_CHANNELS: ReadonlySet<Channel> = new Set(['sms', 'email', 'app_push']);

/**
 * Why the contact is made. `collect` is the default. Third parties may only be asked for the
 * borrower's contact details or given a message to pass on (CN), or asked for location
 * information (US). Notices and dispute answers are what a hold still lets through.
 */
export const PURPOSES = [
  'collect', 'obtain_contact', 'relay_message', 'location_information', 'validation_notice',
  'adverse_credit_notice', 'dispute_response', 'opt_out_confirmation', 'service',
] as const;
export type Purpose = (typeof PURPOSES)[number];

/** Who is contacted: the borrower, a contact person (any relationship), a guarantor, counsel. */
export const TARGET_ROLES = ['borrower', 'contact_person', 'guarantor', 'attorney'] as const;
export type TargetRole = (typeof TARGET_ROLES)[number];

export const RELATIONSHIPS = [
  'self', 'spouse', 'parent', 'child', 'sibling', 'relative', 'friend', 'colleague', 'guarantor', 'other',
] as const;

export const ACTOR_KINDS = ['agent', 'agency', 'system', 'ai_voice'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const OUTCOMES = [
  'reserved', 'connected', 'no_answer', 'busy', 'invalid_number', 'refused', 'wrong_party',
  'callback_requested', 'promise_to_pay', 'voicemail_left', 'delivered', 'bounced', 'failed', 'cancelled',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Agreement kinds of the database, except `channel_opt_out`, which arrives as `optOuts`. */
export const AGREEMENT_KINDS = [
  'contact_time', 'callback', 'visit_consent', 'entry_consent', 'channel_consent', 'stop_third_party_contact',
] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

export const HOLD_KINDS = [
  'dispute', 'complaint_review', 'hardship', 'deceased', 'incapacitated', 'litigation', 'bankruptcy',
  'legal_moratorium',
] as const;
export type HoldKind = (typeof HOLD_KINDS)[number];

/** Account events the reporting and notice rules look at. */
export const EVENT_KINDS = [
  'adverse_credit_notice', 'validation_notice', 'debt_message', 'undeliverable',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const Instant = InstantSchema;
const Id = Type.String({ minLength: 1, maxLength: 120 });
const Zones = Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1,
  maxItems: SITUATION_ZONES_MAX });
const list = <T extends Type.TSchema>(item: T, maxItems = SITUATION_LIST_ITEMS_MAX) =>
  Type.Array(item, { maxItems });
const strict = { additionalProperties: false } as const;
const LocalTime = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'HH:MM local time' });
const Amount = Type.String({ pattern: '^\\d{1,12}(\\.\\d{1,2})?$' });

export const AttemptSchema = Type.Object({
  at: Instant,
  channel: Type.Enum(CHANNELS),
  direction: Type.Optional(Type.Enum(['outbound', 'inbound'])),
  partyId: Id,
  contactPointId: Type.Optional(Id),
  actorKind: Type.Enum(ACTOR_KINDS),
  actorId: Type.Optional(Id),
  agencyId: Type.Optional(Id),
  outcome: Type.Enum(OUTCOMES),
  accountId: Type.Optional(Id),
  purpose: Type.Optional(Type.Enum(PURPOSES)),
  decisionId: Type.Optional(Id),
}, strict);

export const AgreementSchema = Type.Object({
  kind: Type.Enum(AGREEMENT_KINDS),
  partyId: Id,
  channel: Type.Optional(Type.Enum(CHANNELS)),
  startsAt: Type.Optional(Instant),
  endsAt: Type.Optional(Instant),
  recordedAt: Instant,
  revokedAt: Type.Optional(Instant),
  /**
   * A contact time that recurs every day ("between 6 and 9 pm"), in the person's local time, within
   * startsAt–endsAt when those are given. Both or neither.
   */
  dailyFrom: Type.Optional(LocalTime),
  dailyUntil: Type.Optional(LocalTime),
  /** A contact_time the person gave as the only convenient time: every other time is inconvenient. */
  onlyThen: Type.Optional(Type.Boolean()),
}, strict);

/**
 * A time of day the person said is inconvenient ("not before noon"), in their local time; it wraps
 * midnight when `until` is not after `from`.
 */
const InconvenientTimeSchema = Type.Object({
  partyId: Id, from: LocalTime, until: LocalTime, statedAt: Instant,
}, strict);

/** A place the person said is inconvenient: their workplace, or one number or address. */
export const INCONVENIENT_PLACES = ['workplace', 'contact_point'] as const;
const InconvenientPlaceSchema = Type.Object({
  partyId: Id,
  place: Type.Enum(INCONVENIENT_PLACES),
  /** With place "contact_point": the number or address. */
  contactPointId: Type.Optional(Id),
  statedAt: Instant,
}, strict);

/** An attorney known to represent the borrower about a debt (every debt when accountId is absent). */
const AttorneySchema = Type.Object({
  id: Id,
  accountId: Type.Optional(Id),
  /** When the lender or its collector learned of the representation. */
  learnedAt: Instant,
  /** The attorney did not respond within a reasonable period to a communication about the debt. */
  failedToRespond: Type.Optional(Type.Boolean()),
  /** The attorney consented to communication with the borrower directly. */
  consentsToDirectContact: Type.Optional(Type.Boolean()),
  endedAt: Type.Optional(Instant),
}, strict);

export const OptOutSchema = Type.Object({ partyId: Id, channel: Type.Enum(CHANNELS), at: Instant }, strict);

export const HoldSchema = Type.Object({
  kind: Type.Enum(HOLD_KINDS),
  accountId: Type.Optional(Id),
  startedAt: Instant,
  endedAt: Type.Optional(Instant),
  /** For a complaint: the agent or agency the complaint is about. */
  subjectActorId: Type.Optional(Id),
  subjectAgencyId: Type.Optional(Id),
}, strict);

export const PlacementSchema = Type.Object({
  accountId: Id, agencyId: Id, placedAt: Instant, recalledAt: Type.Optional(Instant),
}, strict);

export const EventSchema = Type.Object({
  kind: Type.Enum(EVENT_KINDS), at: Instant, accountId: Type.Optional(Id),
    channel: Type.Optional(Type.Enum(CHANNELS)),
}, strict);

export const ContentSchema = Type.Object({
  text: Type.String({ minLength: 1, maxLength: CONTENT_TEXT_CHARS_MAX }),
  locale: Type.Enum(LOCALES),
  templateId: Type.Optional(Id),
  /** The lender's name as the borrower knows it; the text must carry it. */
  institution: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
  /** The reference the borrower can check on the portal (R12); the text must carry it. */
  verificationRef: Type.Optional(Type.String({ minLength: 4, maxLength: 64 })),
  /** The amounts the message states, in major units; each non-zero one must appear in the text. */
  amounts: Type.Optional(Type.Object({
    principal: Amount, interest: Amount, penalty: Type.Optional(Amount), fees: Type.Optional(Amount),
  }, strict)),
}, strict);

export const SituationSchema = Type.Object({
  pack: Type.Enum(PACK_IDS),
  action: Type.Enum(ACTIONS),
  channel: Type.Optional(Type.Enum(CHANNELS)),
  /** A voice contact that leaves a recorded message rather than speaking to someone. */
  voicemail: Type.Optional(Type.Boolean()),
  purpose: Type.Optional(Type.Enum(PURPOSES)),
  /** The debt the action is about; holds, placements and US per-debt counts are per account. */
  accountId: Type.Optional(Id),
  borrower: Type.Object({
    id: Id,
    timeZones: Zones,
    /** Every known number of the borrower is invalid (contact_point.status). */
    allNumbersInvalid: Type.Optional(Type.Boolean()),
  }, strict),
  target: Type.Optional(Type.Object({
    partyId: Id,
    role: Type.Enum(TARGET_ROLES),
    relationship: Type.Optional(Type.Enum(RELATIONSHIPS)),
    /** The contacted person's zones; the borrower's when absent. */
    timeZones: Type.Optional(Zones),
    contactPointId: Type.Optional(Id),
    contactPointStatus: Type.Optional(Type.Enum(['valid', 'invalid', 'wrong_person'])),
    /** The person refused contact earlier (party.do_not_contact_since). */
    doNotContact: Type.Optional(Type.Boolean()),
    /** The number, address or email reaches the person at their place of work. */
    workplace: Type.Optional(Type.Boolean()),
    /** The email address was provided to the person by their employer. */
    employerProvided: Type.Optional(Type.Boolean()),
    /** The person's employer prohibits them from receiving such communications at work. */
    employerProhibitsContact: Type.Optional(Type.Boolean()),
  }, strict)),
  actor: Type.Object({
    kind: Type.Enum(ACTOR_KINDS),
    id: Id,
    agencyId: Type.Optional(Id),
    /** The number a call or SMS goes out from, and the numbers registered for the agency. */
    dialledFrom: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
    registeredNumbers: Type.Optional(list(Type.String({ minLength: 1, maxLength: 32 }))),
  }, strict),
  debt: Type.Optional(Type.Object({ timeBarred: Type.Optional(Type.Boolean()) }, strict)),
  visit: Type.Optional(Type.Object({
    staff: Type.Integer({ minimum: 0, maximum: 20 }),
    identityConfirmed: Type.Boolean(),
    authorisationConfirmed: Type.Boolean(),
    entersPremises: Type.Optional(Type.Boolean()),
  }, strict)),
  history: list(AttemptSchema, SITUATION_HISTORY_ITEMS_MAX),
  agreements: list(AgreementSchema),
  optOuts: list(OptOutSchema),
  holds: list(HoldSchema),
  placements: Type.Optional(list(PlacementSchema)),
  events: Type.Optional(list(EventSchema)),
  inconvenientTimes: Type.Optional(list(InconvenientTimeSchema)),
  inconvenientPlaces: Type.Optional(list(InconvenientPlaceSchema)),
  attorneys: Type.Optional(list(AttorneySchema)),
  content: Type.Optional(ContentSchema),
}, strict);

export type Situation = Type.Static<typeof SituationSchema>;
export type Attempt = Type.Static<typeof AttemptSchema>;
export type Agreement = Type.Static<typeof AgreementSchema>;
export type OptOut = Type.Static<typeof OptOutSchema>;
export type Hold = Type.Static<typeof HoldSchema>;
export type Placement = Type.Static<typeof PlacementSchema>;
export type AccountEvent = Type.Static<typeof EventSchema>;
export type Content = Type.Static<typeof ContentSchema>;
export type InconvenientTime = Type.Static<typeof InconvenientTimeSchema>;
export type InconvenientPlace = Type.Static<typeof InconvenientPlaceSchema>;
export type Attorney = Type.Static<typeof AttorneySchema>;
export type Target = NonNullable<Situation['target']>;
export type Relationship = (typeof RELATIONSHIPS)[number];
