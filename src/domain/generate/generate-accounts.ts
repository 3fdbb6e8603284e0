import type { Minor } from '../../stdx/money.ts';
import type { Random } from '../../stdx/random.ts';
import type {
  AccountRecord, InstallmentRecord, PaymentRecord, ProductRecord,
} from '../import/import-records.ts';
import { buildSchedule, type ScheduleMethod } from './build-schedule.ts';
import {
  addMonthsToDay, civilDateOf, dayNumberFrom, yearMonthDayOf, type DayNumber,
} from '../../stdx/day-number.ts';
import type { Segment } from './generate-people.ts';
import { PRODUCT_ID, productById } from './portfolio-products.ts';
import { simulatePayments, type Behaviour, type Bill, type LateTerms } from './simulate-payments.ts';
import { BNPL_FIRST_BILL_DAYS_MIN } from '../../config/limits.ts';

/**
 * The credit of one borrower: one or two accounts with their schedules and the payments the
 * borrower's behaviour produces up to the as-of date.
 *
 * - BNPL purchases (mostly a few hundred to a few thousand yuan) in 3, 6 or 12 instalments, all
 *   falling on the borrower's one monthly repayment day (还款日), as on a real line; about a fifth of
 *   BNPL borrowers have a second purchase plan, and some also hold a cash loan.
 * - Cash loans of 500–50,000 yuan over 3–12 months, annuity (等额本息) or equal principal
 *   (等额本金), due monthly on the day of the month they were drawn.
 * - US instalment loans of $500–$10,000 over 12–36 months, annuity, due monthly.
 */
export type Credit = {
  accounts: AccountRecord[]; installments: InstallmentRecord[]; payments: PaymentRecord[];
};

export type CreditContext = { seed: number; asOf: DayNumber; historyDays: number };

type Plan = {
  product: ProductRecord; principalMinor: Minor; creditLimitMinor: Minor; terms: number;
  method: ScheduleMethod; openedOn: DayNumber; firstDue: DayNumber;
};

type Weighted<T> = readonly (readonly [T, number])[];
type Band = readonly [number, number];

const CN_HOLDINGS: Weighted<readonly ('bnpl' | 'cash')[]> = [
  [['bnpl'], 45], [['bnpl', 'bnpl'], 15], [['cash'], 30], [['bnpl', 'cash'], 10],
];
const BNPL_LIMITS_YUAN: Weighted<number> = [
  [3000, 20], [5000, 25], [8000, 20], [10_000, 15], [15_000, 10], [20_000, 6], [30_000, 4],
];
/** Purchase prices in yuan; cash and US principals in hundreds of yuan or dollars. */
const BNPL_PRICE_BANDS: Weighted<Band> = [[[99, 999], 45], [[1000, 4999], 40], [[5000, 15_000], 15]];
const CASH_BANDS: Weighted<Band> = [[[5, 50], 50], [[50, 200], 35], [[200, 500], 15]];
const US_BANDS: Weighted<Band> = [[[5, 30], 50], [[30, 60], 35], [[60, 100], 15]];
const CN_CHANNELS = [['auto_debit', 40], ['app', 45], ['bank_transfer', 15]] as const;
const US_CHANNELS = [['ach', 50], ['debit_card', 35], ['check', 15]] as const;
/** Fen per yuan and cents per dollar. */
const MINOR_PER_UNIT = 100n;

export function generateCredit(random: Random, borrowerId: string, segment: Segment, behaviour: Behaviour,
  context: CreditContext, into: Credit): void {
  const plans = segment === 'US' ? [usPlan(random, context)] : cnPlans(random, context);
  plans.forEach((plan, index) => {
    addAccount(random, `${borrowerId}-A${index + 1}`, borrowerId, plan, behaviour, segment, context, into);
  });
}

function cnPlans(random: Random, context: CreditContext): Plan[] {
  const holdings = random.weighted(CN_HOLDINGS);
  const limitMinor = BigInt(random.weighted(BNPL_LIMITS_YUAN)) * MINOR_PER_UNIT;
  const repaymentDay = random.int(1, 28);
  return holdings.map((kind) => (kind === 'bnpl' ? bnplPlan(random, context, limitMinor, repaymentDay)
    : cashPlan(random, context)));
}

function bnplPlan(random: Random, context: CreditContext, limitMinor: Minor, repaymentDay: number): Plan {
  const [low, high] = random.weighted(BNPL_PRICE_BANDS);
  let yuan = random.int(low, high);
  if (random.chance(0.4)) yuan = yuan - (yuan % 10) + 9;
  const cents = random.chance(0.2) ? BigInt(random.int(1, 99)) : 0n;
  const price = BigInt(yuan) * MINOR_PER_UNIT + cents;
  const principalMinor = price < limitMinor / 2n ? price : limitMinor / 2n;
  const openedOn = opening(random, context);
  const opened = yearMonthDayOf(openedOn);
  let firstDue = dayNumberFrom(opened.year, opened.month, repaymentDay);
  while (firstDue - openedOn < BNPL_FIRST_BILL_DAYS_MIN) firstDue = addMonthsToDay(firstDue, 1);
  return { product: productById(PRODUCT_ID.bnpl), principalMinor, creditLimitMinor: limitMinor,
    terms: random.weighted([[3, 35], [6, 35], [12, 30]]), method: 'annuity', openedOn, firstDue };
}

function cashPlan(random: Random, context: CreditContext): Plan {
  const [low, high] = random.weighted(CASH_BANDS);
  const principalMinor = BigInt(random.int(low, high)) * 100n * MINOR_PER_UNIT;
  const openedOn = opening(random, context);
  return { product: productById(PRODUCT_ID.cash), principalMinor,
    creditLimitMinor: principalMinor * BigInt(random.int(1, 3)),
    terms: random.weighted([[3, 20], [6, 35], [12, 45]]),
    method: random.chance(0.6) ? 'annuity' : 'equal_principal', openedOn,
    firstDue: addMonthsToDay(openedOn, 1) };
}

function usPlan(random: Random, context: CreditContext): Plan {
  const [low, high] = random.weighted(US_BANDS);
  const principalMinor = BigInt(random.int(low, high)) * 100n * MINOR_PER_UNIT;
  const openedOn = opening(random, context);
  return { product: productById(PRODUCT_ID.us), principalMinor, creditLimitMinor: principalMinor,
    terms: random.weighted([[12, 40], [24, 35], [36, 25]]), method: 'annuity', openedOn,
    firstDue: addMonthsToDay(openedOn, 1) };
}

function opening(random: Random, context: CreditContext): DayNumber {
  return context.asOf - random.int(1, context.historyDays);
}

function addAccount(random: Random, accountId: string, borrowerId: string, plan: Plan, behaviour: Behaviour,
  segment: Segment, context: CreditContext, into: Credit): void {
  const { product } = plan;
  into.accounts.push({
    externalId: accountId, borrowerExternalId: borrowerId, productId: product.id, currency: product.currency,
    creditLimitMinor: plan.creditLimitMinor, principalMinor: plan.principalMinor,
    openedOn: civilDateOf(plan.openedOn), status: 'active',
  });
  const schedule = buildSchedule({ principalMinor: plan.principalMinor, terms: plan.terms,
    rateBp: product.interestRateBp, method: plan.method });
  const bills: Bill[] = [];
  schedule.forEach((line, index) => {
    const due = index === 0 ? plan.firstDue : addMonthsToDay(plan.firstDue, index);
    bills.push({ due, amountMinor: line.principalMinor + line.interestMinor,
      penaltyBasisMinor: product.penaltyBasis === 'overdue_principal' ? line.principalMinor
        : line.principalMinor + line.interestMinor });
    into.installments.push({ accountExternalId: accountId, seq: index + 1, dueDate: civilDateOf(due),
      principalDueMinor: line.principalMinor, interestDueMinor: line.interestMinor, feeDueMinor: 0n,
      principalPaidMinor: 0n, interestPaidMinor: 0n, feePaidMinor: 0n });
  });
  const terms: LateTerms = { graceDays: product.graceDays, penaltyRatePpmPerDay: product.penaltyRatePpmPerDay,
    lateFeeMinor: product.lateFeeMinor, unitMinor: MINOR_PER_UNIT };
  const channels = segment === 'US' ? US_CHANNELS : CN_CHANNELS;
  simulatePayments(random, behaviour, bills, terms, context.asOf).forEach((event, index) => {
    into.payments.push({
      idempotencyKey: `gen-${context.seed}-${accountId}-${index + 1}`, accountExternalId: accountId,
      amountMinor: event.amountMinor, currency: product.currency, valueDate: civilDateOf(event.day),
      channel: random.weighted(channels) });
  });
}
