import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { generateBorrowers, PRODUCTS, type GenerateOptions } from '../../domain/generate/generate-portfolio.ts';
import { csvField } from '../../db/database.ts';
import { formatMajor } from '../../stdx/money.ts';

/**
 * Writes a generated portfolio as CSV files in the import format (docs/import.md), streaming
 * borrower by borrower: a lender-shaped input for `faircollect import` and for the import
 * benchmark.
 */
export const PORTFOLIO_FILES = {
  products: ['id', 'name', 'kind', 'jurisdiction', 'currency', 'interest_rate_bp', 'penalty_rate_ppm_per_day',
    'penalty_basis', 'grace_days', 'late_fee', 'allocation_mode', 'component_order', 'cost_cap_bp'],
  parties: ['external_id', 'kind', 'borrower_external_id', 'relationship', 'full_name', 'time_zone', 'extra_time_zones',
    'city', 'country', 'locale'],
  contact_points: ['external_id', 'party_external_id', 'kind', 'value', 'status', 'employer_provided'],
  accounts: ['external_id', 'borrower_external_id', 'product_id', 'currency', 'credit_limit', 'principal', 'opened_on',
    'status'],
  installments: ['account_external_id', 'seq', 'due_date', 'principal_due', 'interest_due', 'fee_due'],
  payments: ['idempotency_key', 'account_external_id', 'amount', 'currency', 'value_date', 'channel'],
} as const;

type Kind = keyof typeof PORTFOLIO_FILES;

export async function writePortfolioFiles(directory: string, options: GenerateOptions,
  onProgress?: (borrowers: number) => void): Promise<Record<Kind, number>> {
  await mkdir(directory, { recursive: true });
  const streams = {} as Record<Kind, WriteStream>;
  const counts = {} as Record<Kind, number>;
  for (const kind of Object.keys(PORTFOLIO_FILES) as Kind[]) {
    streams[kind] = createWriteStream(join(directory, `${kind}.csv`));
    counts[kind] = 0;
    await write(streams[kind], `${PORTFOLIO_FILES[kind].join(',')}\n`);
  }
  const line = async (kind: Kind, values: (string | null)[]) => {
    counts[kind] += 1;
    await write(streams[kind], `${values.map((value) => (value === null ? '' : csvField(value))).join(',')}\n`);
  };
  for (const product of PRODUCTS) {
    await line('products', [product.id, product.name, product.kind, product.jurisdiction, product.currency,
      String(product.interestRateBp), String(product.penaltyRatePpmPerDay), product.penaltyBasis, String(product.graceDays),
      formatMajor(product.lateFeeMinor, product.currency), product.allocationMode, product.componentOrder.join(';'),
      String(product.costCapBp)]);
  }
  let borrowers = 0;
  for (const bundle of generateBorrowers(options)) {
    const currency = bundle.accounts[0]!.currency;
    for (const party of bundle.parties) {
      await line('parties', [party.externalId, party.kind, party.borrowerExternalId, party.relationship, party.fullName,
        party.timeZone, party.extraTimeZones.join(';'), party.city, party.country, party.locale]);
    }
    for (const point of bundle.contactPoints) {
      await line('contact_points', [point.externalId, point.partyExternalId, point.kind, point.value, point.status,
        String(point.employerProvided)]);
    }
    for (const account of bundle.accounts) {
      await line('accounts', [account.externalId, account.borrowerExternalId, account.productId, account.currency,
        formatMajor(account.creditLimitMinor, currency), formatMajor(account.principalMinor, currency), account.openedOn,
        account.status]);
    }
    for (const item of bundle.installments) {
      await line('installments', [item.accountExternalId, String(item.seq), item.dueDate,
        formatMajor(item.principalDueMinor, currency), formatMajor(item.interestDueMinor, currency),
        formatMajor(item.feeDueMinor, currency)]);
    }
    for (const payment of bundle.payments) {
      await line('payments', [payment.idempotencyKey, payment.accountExternalId, formatMajor(payment.amountMinor, currency),
        payment.currency, payment.valueDate, payment.channel]);
    }
    borrowers += 1;
    if (borrowers % 1000 === 0) onProgress?.(borrowers);
  }
  onProgress?.(borrowers);
  await Promise.all(Object.values(streams).map(async (stream) => {
    stream.end();
    await once(stream, 'finish');
  }));
  return counts;
}

/** Writes with back-pressure, so a million borrowers never queue up in memory. */
async function write(stream: WriteStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}
