import Type from 'typebox';
import { Value } from 'typebox/value';
import { canonicalJson, sha256Hex } from '../../stdx/hash.ts';
import { parseMajor, isCurrency } from '../../stdx/money.ts';
import { validateBuckets, type Bucket } from '../../domain/delinquency/bucket-scheme.ts';

/**
 * The collection strategy as versioned data (R2, R3): delinquency buckets, the ladder of stages
 * with their entry thresholds on days past due and overdue amount, and the treatments each stage
 * proposes. Managers change strategy by loading a new document, never by changing code; the
 * version is a hash of the content, so every case and planned action names exactly the rules it
 * was treated under.
 *
 * A strategy proposes; it never permits. Every action it plans still has to pass the compliance
 * gate, whose legal limits no strategy can loosen.
 */
export const STAGES = [
  'gentle_reminder', 'phone_collection', 'firm_notice', 'field_visit_or_agency', 'credit_bureau_notice',
  'legal_review',
] as const;
export type Stage = (typeof STAGES)[number];

export const ACTION_CHANNELS = [
  'sms', 'app_push', 'email', 'voice', 'letter', 'visit', 'agency', 'bureau', 'legal',
] as const;

/**
 * What puts one case of a work queue before another, applied in the document's order: a callback the
 * person asked for whose time has come; a promise to pay the borrower broke; the overdue amount
 * times the days past due (the most money furthest behind); the days past due alone; the overdue
 * amount alone. Cases equal on every key keep the order they were opened in.
 */
const QUEUE_ORDER_KEYS = ['callback_due', 'broken_promise', 'amount_x_dpd', 'dpd', 'amount'] as const;
export type QueueOrderKey = (typeof QUEUE_ORDER_KEYS)[number];

const TeamId = Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,39}$' });

const QueuesSchema = Type.Object({
  order: Type.Array(Type.Enum(QUEUE_ORDER_KEYS), { minItems: 1, maxItems: QUEUE_ORDER_KEYS.length }),
  /** Days after a promise's date on which a payment still keeps it; the day after, it is broken. */
  promiseGraceDays: Type.Integer({ minimum: 0, maximum: 30 }),
  /**
   * Days a kept promise quiets a case's treatments at most; they resume sooner when the borrower's
   * next bill falls due.
   */
  keptPromiseQuietDays: Type.Integer({ minimum: 0, maximum: 90 }),
  /**
   * The team whose collectors work each stage's cases. A stage not named here is a shared pool any
   * team's assignment draws from.
   */
  teamByStage: Type.Optional(Type.Record(Type.String(), TeamId)),
}, { additionalProperties: false });

const AmountByCurrency = Type.Record(
  Type.String({ pattern: '^[A-Z]{3}$' }), Type.String({ pattern: '^\\d{1,12}(\\.\\d{1,2})?$' }),
);

export const StrategyDocumentSchema = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 80 }),
  description: Type.Optional(Type.String({ maxLength: 2000 })),
  buckets: Type.Array(Type.Object({
    name: Type.String({ minLength: 1, maxLength: 16 }),
    dpdMax: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
  }, { additionalProperties: false }), { minItems: 2, maxItems: 24 }),
  stages: Type.Array(Type.Object({
    stage: Type.Enum(STAGES),
    minDpd: Type.Integer({ minimum: 1, maximum: 3650 }),
    minOverdue: Type.Optional(AmountByCurrency),
  }, { additionalProperties: false }), { minItems: 1, maxItems: STAGES.length }),
  treatments: Type.Array(Type.Object({
    stage: Type.Enum(STAGES),
    action: Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' }),
    channel: Type.Enum(ACTION_CHANNELS),
    template: Type.Optional(Type.String({ pattern: '^[a-z0-9-]{1,40}$' })),
    /** Day in the stage (0 = the day the case entered it) of the first proposal. */
    startDay: Type.Integer({ minimum: 0, maximum: 365 }),
    /** Repeat every N days; absent means once. */
    everyDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
  }, { additionalProperties: false }), { maxItems: 200 }),
  /** How collectors' work queues are ordered and routed, and how promises to pay are settled. */
  queues: Type.Optional(QueuesSchema),
}, { additionalProperties: false });

export type StrategyDocument = Type.Static<typeof StrategyDocumentSchema>;
export type StrategyTreatment = StrategyDocument['treatments'][number];

type QueuePolicy = Type.Static<typeof QueuesSchema>;

/**
 * The queue section of a document written before queues existed: the order the desk shipped with,
 * three grace days, a fortnight's quiet after a kept promise, every stage a shared pool.
 */
const QUEUE_POLICY_DEFAULT: QueuePolicy = {
  order: ['callback_due', 'broken_promise', 'amount_x_dpd'], promiseGraceDays: 3, keptPromiseQuietDays: 14,
};

export function queuePolicyOf(strategy: StrategyDocument): QueuePolicy {
  return strategy.queues ?? QUEUE_POLICY_DEFAULT;
}

export type StrategyProblem = { path: string; message: string };

/** Validates shape and meaning; returns every problem with its JSON path. */
export function validateStrategy(
  candidate: unknown,
): { ok: true; strategy: StrategyDocument } | { ok: false; problems: StrategyProblem[] } {
  if (!Value.Check(StrategyDocumentSchema, candidate)) {
    const problems = [...Value.Errors(StrategyDocumentSchema, candidate)]
      .filter((error) => error.keyword !== 'boolean')
      .map((error) => ({ path: error.instancePath || '/', message: error.message }));
    return { ok: false, problems };
  }
  const strategy = candidate;
  const problems: StrategyProblem[] = [];
  const bucketProblem = validateBuckets(strategy.buckets as Bucket[]);
  if (bucketProblem !== null) {
    problems.push({ path: `/buckets/${bucketProblem.index}`, message: bucketProblem.reason });
  }
  let previous = -1;
  for (const [index, stage] of strategy.stages.entries()) {
    const rank = STAGES.indexOf(stage.stage);
    if (rank <= previous) {
      problems.push({
        path: `/stages/${index}/stage`, message: 'stages must follow the ladder order once each',
      });
    }
    previous = rank;
    for (const [currency, amount] of Object.entries(stage.minOverdue ?? {})) {
      if (!isCurrency(currency) || parseMajor(amount, currency) === null) {
        problems.push({
          path: `/stages/${index}/minOverdue/${currency}`, message: 'unknown currency or bad amount',
        });
      }
    }
  }
  const stagesUsed = new Set(strategy.stages.map((stage) => stage.stage));
  for (const [index, treatment] of strategy.treatments.entries()) {
    if (!stagesUsed.has(treatment.stage)) {
      problems.push({ path: `/treatments/${index}/stage`, message: 'stage not in the ladder' });
    }
  }
  problems.push(...queueProblems(strategy, stagesUsed));
  return problems.length === 0 ? { ok: true, strategy } : { ok: false, problems };
}

function queueProblems(strategy: StrategyDocument, stagesUsed: ReadonlySet<Stage>): StrategyProblem[] {
  const problems: StrategyProblem[] = [];
  const queues = strategy.queues;
  if (queues === undefined) return problems;
  for (const [index, key] of queues.order.entries()) {
    if (queues.order.indexOf(key) !== index) {
      problems.push({ path: `/queues/order/${index}`, message: 'each order key appears once' });
    }
  }
  for (const stage of Object.keys(queues.teamByStage ?? {})) {
    if (!stagesUsed.has(stage as Stage)) {
      problems.push({ path: `/queues/teamByStage/${stage}`, message: 'stage not in the ladder' });
    }
  }
  return problems;
}

/** The version names the content: equal documents have equal versions wherever they are loaded. */
export function strategyVersion(strategy: StrategyDocument): string {
  return `${strategy.name}@${sha256Hex(canonicalJson(strategy)).slice(0, 12)}`;
}
