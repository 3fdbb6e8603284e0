import { assert } from '../../stdx/assert.ts';
import type { CivilDate } from '../../stdx/civil-date.ts';
import { createRandom, type Random } from '../../stdx/random.ts';
import type {
  AccountRecord, ContactPointRecord, InstallmentRecord, PartyRecord, PaymentRecord, ProductRecord,
} from '../import/import-records.ts';
import { dayNumberOf } from '../../stdx/day-number.ts';
import { generateCredit, type CreditContext } from './generate-accounts.ts';
import { generatePeople, type Segment } from './generate-people.ts';
import { PRODUCTS } from './portfolio-products.ts';
import { BEHAVIOURS, type Behaviour } from './simulate-payments.ts';

/**
 * A deterministic, realistic synthetic portfolio (pure): the same options give the same records,
 * byte for byte, on any machine. Each borrower draws from its own random stream, derived from the
 * seed and the borrower's index alone, so borrower k is the same whether 10 or 1,000,000 are
 * generated; and the records come lazily, one borrower at a time, so memory does not grow with
 * the portfolio.
 *
 * About 15% of borrowers are in the US segment (USD instalment loans, seven time zones); the rest
 * hold the Chinese BNPL line and cash loan. Borrowers behave in five ways (simulate-payments.ts).
 */
export type GenerateOptions = { borrowers: number; seed: number; asOf: CivilDate; historyDays: number };

export { BEHAVIOURS, PRODUCTS, type Behaviour, type Segment };

export type BorrowerBundle = {
  index: number;
  borrowerExternalId: string;
  segment: Segment;
  behaviour: Behaviour;
  parties: PartyRecord[];
  contactPoints: ContactPointRecord[];
  accounts: AccountRecord[];
  installments: InstallmentRecord[];
  payments: PaymentRecord[];
};

/** Which records to build: the per-kind iterables skip the half they do not need. */
export type BundleParts = 'all' | 'people' | 'credit';

export type Portfolio = {
  readonly options: GenerateOptions;
  readonly products: readonly ProductRecord[];
  parties(): Generator<PartyRecord>;
  contactPoints(): Generator<ContactPointRecord>;
  accounts(): Generator<AccountRecord>;
  installments(): Generator<InstallmentRecord>;
  payments(): Generator<PaymentRecord>;
  /** Borrowers [from, to) with all their records; one pass for sinks that write every kind. */
  borrowers(from?: number, to?: number): Generator<BorrowerBundle>;
};

/** Days back from the as-of date over which accounts open, when not given. */
export const GENERATE_HISTORY_DAYS_DEFAULT = 365;
export const US_SHARE = 0.15;
const BEHAVIOUR_WEIGHTS: readonly (readonly [Behaviour, number])[] = [
  ['on_time', 58], ['late_cured', 17], ['chronic', 10], ['partial', 7], ['never_paid', 8],
];
const BORROWER_ID_DIGITS = 7;

export function generatePortfolio(options: GenerateOptions): Portfolio {
  assert(Number.isInteger(options.borrowers) && options.borrowers >= 0, 'the borrower count is whole');
  assert(Number.isSafeInteger(options.seed), 'the seed is an integer');
  assert(Number.isInteger(options.historyDays) && options.historyDays >= 1, 'history is at least a day');
  const context: CreditContext = {
    seed: options.seed, asOf: dayNumberOf(options.asOf), historyDays: options.historyDays,
  };
  function* borrowers(from = 0, to = options.borrowers, parts: BundleParts = 'all') {
    for (let index = from; index < Math.min(to, options.borrowers); index += 1) {
      yield generateBorrower(index, context, parts);
    }
  }
  function* each<T>(parts: BundleParts, pick: (bundle: BorrowerBundle) => readonly T[]): Generator<T> {
    for (const bundle of borrowers(0, options.borrowers, parts)) yield* pick(bundle);
  }
  return {
    options, products: PRODUCTS,
    parties: () => each('people', (bundle) => bundle.parties),
    contactPoints: () => each('people', (bundle) => bundle.contactPoints),
    accounts: () => each('credit', (bundle) => bundle.accounts),
    installments: () => each('credit', (bundle) => bundle.installments),
    payments: () => each('credit', (bundle) => bundle.payments),
    borrowers: (from, to) => borrowers(from, to, 'all'),
  };
}

export function borrowerExternalId(index: number): string {
  return `B${String(index + 1).padStart(BORROWER_ID_DIGITS, '0')}`;
}

/**
 * One borrower. The segment and behaviour come first from the borrower's stream; people and
 * credit each get their own stream, so either can be built without the other.
 */
export function generateBorrower(
  index: number, context: CreditContext, parts: BundleParts = 'all',
): BorrowerBundle {
  const borrowerSeed = mix32(seedKey(context.seed) + index);
  const random = createRandom(borrowerSeed);
  const segment: Segment = random.chance(US_SHARE) ? 'US' : 'CN';
  const behaviour = random.weighted(BEHAVIOUR_WEIGHTS);
  const id = borrowerExternalId(index);
  const bundle: BorrowerBundle = {
    index, borrowerExternalId: id, segment, behaviour,
    parties: [], contactPoints: [], accounts: [], installments: [], payments: [],
  };
  if (parts !== 'credit') generatePeople(stream(borrowerSeed, PEOPLE_STREAM), id, segment, bundle);
  if (parts !== 'people') {
    generateCredit(stream(borrowerSeed, CREDIT_STREAM), id, segment, behaviour, context, bundle);
  }
  return bundle;
}

const PEOPLE_STREAM = 0x5bd1e995;
const CREDIT_STREAM = 0x27d4eb2f;

/** The seed folded to 32 bits; seeds beyond ±2^31 keep their high bits in the key. */
function seedKey(seed: number): number {
  return mix32(mix32(seed | 0) ^ (Math.floor(seed / 0x1_0000_0000) | 0));
}

function stream(borrowerSeed: number, salt: number): Random {
  return createRandom(mix32(borrowerSeed ^ salt));
}

/**
 * MurmurHash3's finaliser: a bijection on 32-bit integers that spreads every input bit. Mixing
 * the seed and then the index through it gives each borrower of a portfolio a distinct stream
 * (a label hash could collide, cloning two borrowers).
 */
function mix32(value: number): number {
  let hash = value | 0;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash | 0;
}
