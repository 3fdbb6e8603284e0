import type { Minor } from '../../stdx/money.ts';
import type { Random } from '../../stdx/random.ts';
import type { DayNumber } from '../../stdx/day-number.ts';
import { GENERATED_LATE_DAYS_MAX, GENERATED_LATE_DAYS_MIN } from '../../config/limits.ts';

/**
 * When and how much a borrower pays on one account, by behaviour. The amounts are what such a
 * borrower would actually send: the bill when on time; when late, the bill plus the penalty
 * interest and late fees the ledger will have charged by then, rounded up to a whole yuan or
 * dollar (the small excess becomes a credit balance, as in life).
 *
 * - on_time: every bill on its due date (automatic debit) or up to three days before.
 * - late_cured: mostly on time, but at least one bill paid 4–25 days late (past the grace, so
 *   penalty accrues) and then cured; 25 days keeps the late payment before the next due date.
 * - chronic: most bills late; now and then one or two bills are skipped and paid together with
 *   the next one, so the account rolls into the 30+ and 60+ buckets and back.
 * - partial: 30–70% of each bill, sometimes nothing; the arrears grow and never cure.
 * - never_paid: nothing at all (first-payment default).
 *
 * Payments after the as-of date have not happened yet and are left out.
 */
export const BEHAVIOURS = ['on_time', 'late_cured', 'chronic', 'partial', 'never_paid'] as const;
export type Behaviour = (typeof BEHAVIOURS)[number];

export type Bill = { due: DayNumber; amountMinor: Minor; penaltyBasisMinor: Minor };
export type PaymentEvent = { day: DayNumber; amountMinor: Minor };
export type LateTerms = {
  graceDays: number; penaltyRatePpmPerDay: number; lateFeeMinor: Minor;
  /** A whole yuan or dollar in minor units: late payers round up to it. */
  unitMinor: Minor;
};

const PPM = 1_000_000n;

export function simulatePayments(
  random: Random, behaviour: Behaviour, bills: readonly Bill[], terms: LateTerms, asOf: DayNumber,
): PaymentEvent[] {
  const events: PaymentEvent[] = [];
  if (behaviour === 'on_time') {
    // Automatic debit takes the money on the due date; others pay a few days ahead.
    for (const bill of bills) {
      const early = random.chance(0.4) ? 0 : random.int(1, 3);
      events.push({ day: bill.due - early, amountMinor: bill.amountMinor });
    }
  } else if (behaviour === 'late_cured') {
    const due = bills.filter((bill) => bill.due <= asOf).length;
    const mustBeLate = due === 0 ? -1 : random.int(0, due - 1);
    bills.forEach((bill, index) => {
      if (index === mustBeLate || random.chance(0.12)) events.push(payLate([bill], lateDays(random), terms));
      else events.push({ day: bill.due - random.int(0, 2), amountMinor: bill.amountMinor });
    });
  } else if (behaviour === 'chronic') {
    chronicPayments(random, bills, terms, events);
  } else if (behaviour === 'partial') {
    for (const bill of bills) {
      if (random.chance(0.12)) continue;
      const share = roundDown((bill.amountMinor * BigInt(random.int(30, 70))) / 100n, terms.unitMinor);
      events.push({ day: bill.due + random.int(-2, 5), amountMinor: share > 0n ? share : terms.unitMinor });
    }
  }
  return events.filter((event) => event.day <= asOf);
}

function chronicPayments(
  random: Random, bills: readonly Bill[], terms: LateTerms, events: PaymentEvent[],
): void {
  let skipped: Bill[] = [];
  for (const bill of bills) {
    if (skipped.length < 2 && random.chance(0.25)) {
      skipped.push(bill);
      continue;
    }
    if (skipped.length === 0 && random.chance(0.15)) {
      events.push({ day: bill.due, amountMinor: bill.amountMinor });
      continue;
    }
    events.push(payLate([...skipped, bill], lateDays(random), terms));
    skipped = [];
  }
}

function lateDays(random: Random): number {
  return random.int(GENERATED_LATE_DAYS_MIN, GENERATED_LATE_DAYS_MAX);
}

/** Pays `bills` in one go, `days` after the last of them fell due, with everything they have accrued. */
function payLate(bills: readonly Bill[], days: number, terms: LateTerms): PaymentEvent {
  const day = bills[bills.length - 1]!.due + days;
  let owed = 0n;
  for (const bill of bills) owed += bill.amountMinor + chargesFor(bill, day - bill.due, terms);
  return { day, amountMinor: roundUp(owed, terms.unitMinor) };
}

/**
 * Penalty interest and late fee on one bill paid `late` days after its due date, as the daily
 * cycle charges them: nothing within grace; past it, every day since the due date. The cycle
 * rounds each day's accrual, so one minor unit a day is added to stay on the safe side.
 */
export function chargesFor(bill: Bill, late: number, terms: LateTerms): Minor {
  if (late <= terms.graceDays) return 0n;
  const days = BigInt(late);
  const penalty = (bill.penaltyBasisMinor * BigInt(terms.penaltyRatePpmPerDay) * days + PPM - 1n) / PPM;
  return penalty + (terms.penaltyRatePpmPerDay > 0 ? days : 0n) + terms.lateFeeMinor;
}

function roundUp(amount: Minor, unit: Minor): Minor {
  return ((amount + unit - 1n) / unit) * unit;
}

function roundDown(amount: Minor, unit: Minor): Minor {
  return (amount / unit) * unit;
}
