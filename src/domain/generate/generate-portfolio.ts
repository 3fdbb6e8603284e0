import { assert } from '../../stdx/assert.ts';
import { addDays, addMonths, type CivilDate } from '../../stdx/civil-date.ts';
import { mulDivRound, type Minor } from '../../stdx/money.ts';
import { createRandom, type Random } from '../../stdx/random.ts';
import type {
  AccountRecord, ContactPointRecord, InstallmentRecord, PartyRecord, PaymentRecord, ProductRecord,
} from '../import/import-records.ts';
import {
  CN_CITIES, CN_GIVEN, CN_MOBILE_PREFIXES, CN_SURNAMES, US_CITIES, US_FIRST, US_LAST, type City,
} from './portfolio-names.ts';

/**
 * A deterministic, realistic synthetic portfolio (pure): the same options give the same records,
 * byte for byte. Each borrower draws from a random stream forked from the seed by its own index,
 * so borrower k is the same whether 10 or 1,000,000 are generated, and the records are produced
 * lazily, one borrower at a time, so memory does not grow with the portfolio.
 *
 * The mix follows the seeds' picture of JD Baitiao and Jintiao: BNPL lines with small purchases
 * split into 3–12 instalments and a 0.05%/day overdue charge; cash loans at an annual rate with
 * penalty interest of 1.5 times it; and a US instalment-loan segment with late fees instead of
 * penalty interest. Borrowers behave in five ways: on time, late then cured, chronically late,
 * partial payers and never paying.
 */
export type GenerateOptions = { borrowers: number; seed: number; asOf: CivilDate; historyDays: number };

export const BEHAVIOURS = ['on_time', 'late_cured', 'chronic', 'partial', 'never_paid'] as const;
export type Behaviour = (typeof BEHAVIOURS)[number];

export type BorrowerBundle = {
  behaviour: Behaviour;
  parties: PartyRecord[];
  contactPoints: ContactPointRecord[];
  accounts: AccountRecord[];
  installments: InstallmentRecord[];
  payments: PaymentRecord[];
};

const COST_CAP_CN_BP = 2400;
const COST_CAP_US_BP = 3600;
const ORDER = ['fee', 'penalty', 'interest', 'principal'] as ['fee', 'penalty', 'interest', 'principal'];

export const PRODUCTS: readonly ProductRecord[] = [
  { id: 'baitiao', name: 'BNPL credit line (白条-style)', kind: 'bnpl_line', jurisdiction: 'CN', currency: 'CNY',
    interestRateBp: 0, penaltyRatePpmPerDay: 500, penaltyBasis: 'overdue_principal_interest', graceDays: 3,
    lateFeeMinor: 0n, allocationMode: 'installment_first', componentOrder: ORDER, costCapBp: COST_CAP_CN_BP },
  // Penalty interest at 1.5× the contract rate: 18% × 1.5 / 365 ≈ 740 ppm a day. All-in it is
  // above the 24% cap, and the product is flagged for it.
  { id: 'jintiao', name: 'Cash loan (金条-style)', kind: 'cash_loan', jurisdiction: 'CN', currency: 'CNY',
    interestRateBp: 1800, penaltyRatePpmPerDay: 740, penaltyBasis: 'overdue_principal', graceDays: 3,
    lateFeeMinor: 0n, allocationMode: 'installment_first', componentOrder: ORDER, costCapBp: COST_CAP_CN_BP },
  { id: 'us-installment', name: 'US installment loan', kind: 'installment_loan', jurisdiction: 'US', currency: 'USD',
    interestRateBp: 2499, penaltyRatePpmPerDay: 0, penaltyBasis: 'overdue_principal', graceDays: 10,
    lateFeeMinor: 2500n, allocationMode: 'installment_first', componentOrder: ORDER, costCapBp: COST_CAP_US_BP },
];

const US_SHARE = 0.15;
const BEHAVIOUR_WEIGHTS: readonly (readonly [Behaviour, number])[] = [
  ['on_time', 55], ['late_cured', 18], ['chronic', 12], ['partial', 8], ['never_paid', 7],
];

export function* generateBorrowers(options: GenerateOptions, start = 0): Generator<BorrowerBundle> {
  assert(Number.isInteger(options.borrowers) && options.borrowers >= 0, 'borrower count is a whole number');
  const root = createRandom(options.seed);
  for (let index = start; index < options.borrowers; index += 1) {
    yield generateBorrower(root.fork(`borrower-${index}`), index, options);
  }
}

function generateBorrower(random: Random, index: number, options: GenerateOptions): BorrowerBundle {
  const us = random.chance(US_SHARE);
  const id = `B${String(index + 1).padStart(7, '0')}`;
  const behaviour = random.weighted(BEHAVIOUR_WEIGHTS);
  const bundle: BorrowerBundle = { behaviour, parties: [], contactPoints: [], accounts: [], installments: [], payments: [] };
  if (us) addUsPeople(random, id, bundle);
  else addCnPeople(random, id, bundle);
  const products = us ? ['us-installment'] : random.chance(0.6)
    ? (random.chance(0.25) ? ['baitiao', 'baitiao'] : ['baitiao']) : ['jintiao'];
  for (const [number, productId] of products.entries()) {
    addAccount(random, `${id}-A${number + 1}`, id, PRODUCTS.find((product) => product.id === productId)!, behaviour, options, bundle);
  }
  return bundle;
}

function addCnPeople(random: Random, id: string, bundle: BorrowerBundle): void {
  const city = random.weighted(CN_CITIES.map((entry) => [entry, entry.weight] as const));
  bundle.parties.push(person(id, null, 'self', cnName(random), city, [], 'CN', 'zh-CN'));
  bundle.contactPoints.push(contact(`${id}-M`, id, 'mobile', cnMobile(random), 'valid'));
  if (random.chance(0.5)) bundle.contactPoints.push(contact(`${id}-P`, id, 'app_push', `jd-app:${id}`, 'valid'));
  const relationships = ['spouse', 'parent', 'sibling', 'friend', 'colleague'] as const;
  const contacts = random.int(1, 3);
  for (let number = 1; number <= contacts; number += 1) {
    const contactId = `${id}-C${number}`;
    bundle.parties.push(person(contactId, id, random.pick(relationships), cnName(random), city, [], 'CN', 'zh-CN'));
    bundle.contactPoints.push(contact(`${contactId}-M`, contactId, 'mobile', cnMobile(random), random.chance(0.1) ? 'invalid' : 'valid'));
  }
}

function addUsPeople(random: Random, id: string, bundle: BorrowerBundle): void {
  const city = random.weighted(US_CITIES.map((entry) => [entry, entry.weight] as const));
  // A phone number from another city's area code: the consumer may be in either zone (US-01).
  const phoneCity = random.chance(0.2) ? random.pick(US_CITIES) : city;
  const extraZones = phoneCity.zone === city.zone ? [] : [phoneCity.zone];
  const first = random.pick(US_FIRST);
  const last = random.pick(US_LAST);
  bundle.parties.push(person(id, null, 'self', `${first} ${last}`, city, extraZones, 'US', 'en-US'));
  bundle.contactPoints.push(contact(`${id}-M`, id, 'mobile', usPhone(random, phoneCity.areaCode), 'valid'));
  bundle.contactPoints.push(contact(`${id}-E`, id, 'email', `${first}.${last}${random.int(1, 999)}@example.com`.toLowerCase(), 'valid'));
  const contactId = `${id}-C1`;
  bundle.parties.push(person(contactId, id, random.pick(['spouse', 'parent', 'friend'] as const),
    `${random.pick(US_FIRST)} ${last}`, city, [], 'US', 'en-US'));
  bundle.contactPoints.push(contact(`${contactId}-M`, contactId, 'mobile', usPhone(random, city.areaCode), 'valid'));
}

function person(externalId: string, borrower: string | null, relationship: PartyRecord['relationship'], fullName: string,
  city: City, extraTimeZones: string[], country: string, locale: string): PartyRecord {
  return { externalId, kind: borrower === null ? 'borrower' : 'contact_person', borrowerExternalId: borrower, relationship,
    fullName, timeZone: city.zone, extraTimeZones, city: city.name, country, locale };
}

function contact(externalId: string, partyExternalId: string, kind: ContactPointRecord['kind'], value: string,
  status: ContactPointRecord['status']): ContactPointRecord {
  return { externalId, partyExternalId, kind, value, status, employerProvided: false };
}

function cnName(random: Random): string {
  return random.pick(CN_SURNAMES) + random.pick(CN_GIVEN) + (random.chance(0.6) ? random.pick(CN_GIVEN) : '');
}

function cnMobile(random: Random): string {
  return random.pick(CN_MOBILE_PREFIXES) + String(random.int(0, 99_999_999)).padStart(8, '0');
}

function usPhone(random: Random, areaCode: string): string {
  return `+1${areaCode}${random.int(200, 999)}${String(random.int(0, 9999)).padStart(4, '0')}`;
}

type Plan = { principalMinor: Minor; terms: number };

function loanPlan(random: Random, product: ProductRecord): Plan {
  if (product.id === 'baitiao') return { principalMinor: BigInt(random.int(5, 200)) * 10000n, terms: random.pick([3, 6, 12]) };
  if (product.id === 'jintiao') return { principalMinor: BigInt(random.int(2, 50)) * 100000n, terms: random.pick([6, 12]) };
  return { principalMinor: BigInt(random.int(5, 80)) * 10000n, terms: random.pick([12, 24]) };
}

function addAccount(random: Random, accountId: string, borrowerId: string, product: ProductRecord, behaviour: Behaviour,
  options: GenerateOptions, bundle: BorrowerBundle): void {
  const plan = loanPlan(random, product);
  const openedOn = addDays(options.asOf, -random.int(20, options.historyDays));
  bundle.accounts.push({ externalId: accountId, borrowerExternalId: borrowerId, productId: product.id, currency: product.currency,
    creditLimitMinor: plan.principalMinor * 2n, principalMinor: plan.principalMinor, openedOn, status: 'active' });
  const schedule = amortise(plan, product.interestRateBp);
  let paymentNumber = 0;
  let carried = false;
  for (const [index, line] of schedule.entries()) {
    const dueDate = addMonths(openedOn, index + 1);
    bundle.installments.push({ accountExternalId: accountId, seq: index + 1, dueDate, principalDueMinor: line.principal,
      interestDueMinor: line.interest, feeDueMinor: 0n, principalPaidMinor: 0n, interestPaidMinor: 0n, feePaidMinor: 0n });
    const payment = paymentFor(random, behaviour, dueDate, line.principal + line.interest, product, carried);
    carried = payment?.skipped ?? false;
    if (payment === null || payment.skipped || payment.valueDate > options.asOf) continue;
    paymentNumber += 1;
    bundle.payments.push({ idempotencyKey: `gen-${options.seed}-${accountId}-${paymentNumber}`, accountExternalId: accountId,
      amountMinor: payment.amountMinor, currency: product.currency, valueDate: payment.valueDate,
      channel: random.pick(['app', 'bank_transfer', 'auto_debit'] as const) });
  }
}

/** Equal principal per period (the remainder on the last); interest on the balance at the monthly rate. */
function amortise(plan: Plan, rateBp: number): { principal: Minor; interest: Minor }[] {
  const base = plan.principalMinor / BigInt(plan.terms);
  const lines: { principal: Minor; interest: Minor }[] = [];
  let balance = plan.principalMinor;
  for (let term = 1; term <= plan.terms; term += 1) {
    const principal = term === plan.terms ? balance : base;
    lines.push({ principal, interest: mulDivRound(balance, BigInt(rateBp), 120_000n) });
    balance -= principal;
  }
  assert(balance === 0n, 'the schedule repays the whole principal');
  return lines;
}

type PaymentPlan = { valueDate: CivilDate; amountMinor: Minor; skipped: boolean };

/**
 * When and how much a borrower of each behaviour pays for one installment. Late payers add a
 * margin for penalty interest and fees (any excess becomes a credit balance, as in life); a chronic
 * payer sometimes skips a month and pays two the next.
 */
function paymentFor(random: Random, behaviour: Behaviour, dueDate: CivilDate, dueMinor: Minor, product: ProductRecord,
  carried: boolean): PaymentPlan | null {
  const owed = carried ? dueMinor * 2n : dueMinor;
  const late = (days: number, marginPercent: bigint) => ({ valueDate: addDays(dueDate, days),
    amountMinor: owed + (owed * marginPercent) / 100n + product.lateFeeMinor, skipped: false });
  switch (behaviour) {
    case 'on_time': return { valueDate: addDays(dueDate, -random.int(0, 3)), amountMinor: owed, skipped: false };
    case 'late_cured': return random.chance(0.3) ? late(random.int(5, 40), 5n)
      : { valueDate: addDays(dueDate, -random.int(0, 2)), amountMinor: owed, skipped: false };
    case 'chronic': return random.chance(0.25) ? { valueDate: dueDate, amountMinor: 0n, skipped: true } : late(random.int(8, 70), 8n);
    case 'partial': return { valueDate: addDays(dueDate, random.int(0, 5)),
      amountMinor: (owed * BigInt(random.int(30, 70))) / 100n, skipped: false };
    case 'never_paid': return null;
  }
}
