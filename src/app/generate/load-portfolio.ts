import type { Db } from '../../db/database.ts';
import { generateBorrowers, PRODUCTS, type BorrowerBundle, type GenerateOptions } from '../../domain/generate/generate-portfolio.ts';
import { paymentBodyHash } from '../../domain/payment/payment-body-hash.ts';

/**
 * Loads a generated portfolio into the database with COPY, a batch of borrowers per transaction,
 * so a million borrowers load with bounded memory. Ids are assigned here, above the tables'
 * current maximum, which lets one COPY per table and batch write rows that refer to each other;
 * the identity sequences are moved past them at the end. Generation is meant for an empty
 * portfolio (demo, benchmarks, tests): loading the same seed twice is refused.
 */
export const LOAD_BATCH_BORROWERS = 2_000;

export type LoadReport = { borrowers: number; parties: number; contactPoints: number; accounts: number;
  installments: number; payments: number };

export type LoadRejection = { reason: 'portfolio_already_loaded'; externalId: string };

type Ids = { party: bigint; contactPoint: bigint; account: bigint; payment: bigint };

export async function loadPortfolio(db: Db, options: GenerateOptions, onProgress?: (borrowers: number) => void,
): Promise<{ ok: true; report: LoadReport } | { ok: false; rejection: LoadRejection }> {
  const first = generateBorrowers({ ...options, borrowers: Math.min(1, options.borrowers) }).next();
  const firstId = first.done ? null : first.value.parties[0]!.externalId;
  if (firstId !== null && (await db.query('SELECT 1 FROM party WHERE external_id = $1', [firstId])).length > 0) {
    return { ok: false, rejection: { reason: 'portfolio_already_loaded', externalId: firstId } };
  }
  for (const product of PRODUCTS) await insertProduct(db, product);
  const [max] = await db.query<{ party: bigint; contact_point: bigint; account: bigint; payment: bigint }>(`SELECT
    (SELECT coalesce(max(id), 0) FROM party) AS party, (SELECT coalesce(max(id), 0) FROM contact_point) AS contact_point,
    (SELECT coalesce(max(id), 0) FROM account) AS account, (SELECT coalesce(max(id), 0) FROM payment) AS payment`);
  const ids: Ids = { party: max!.party, contactPoint: max!.contact_point, account: max!.account, payment: max!.payment };
  const report: LoadReport = { borrowers: 0, parties: 0, contactPoints: 0, accounts: 0, installments: 0, payments: 0 };
  let batch: BorrowerBundle[] = [];
  for (const bundle of generateBorrowers(options)) {
    batch.push(bundle);
    if (batch.length === LOAD_BATCH_BORROWERS) {
      await db.transaction((tx) => writeBatch(tx, batch, ids, report));
      batch = [];
      onProgress?.(report.borrowers);
    }
  }
  if (batch.length > 0) await db.transaction((tx) => writeBatch(tx, batch, ids, report));
  onProgress?.(report.borrowers);
  for (const table of ['party', 'contact_point', 'account', 'payment']) {
    await db.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`);
  }
  return { ok: true, report };
}

async function insertProduct(db: Db, product: (typeof PRODUCTS)[number]): Promise<void> {
  await db.query(`INSERT INTO product (id, name, kind, jurisdiction, currency, interest_rate_bp, penalty_rate_ppm_per_day,
      penalty_basis, grace_days, late_fee_minor, allocation_mode, component_order, cost_cap_bp)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (id) DO NOTHING`,
  [product.id, product.name, product.kind, product.jurisdiction, product.currency, product.interestRateBp,
    product.penaltyRatePpmPerDay, product.penaltyBasis, product.graceDays, product.lateFeeMinor, product.allocationMode,
    product.componentOrder, product.costCapBp]);
}

type Rows = (string | null)[][];

async function writeBatch(tx: Db, batch: readonly BorrowerBundle[], ids: Ids, report: LoadReport): Promise<void> {
  const parties: Rows = [];
  const points: Rows = [];
  const accounts: Rows = [];
  const installments: Rows = [];
  const payments: Rows = [];
  for (const bundle of batch) {
    const partyIds = new Map<string, bigint>();
    for (const party of bundle.parties) partyIds.set(party.externalId, ids.party += 1n);
    const borrowerId = String(partyIds.get(bundle.parties[0]!.externalId)!);
    for (const party of bundle.parties) {
      parties.push([String(partyIds.get(party.externalId)), party.externalId, party.kind, borrowerId, party.relationship,
        party.fullName, party.timeZone, `{${party.extraTimeZones.join(',')}}`, party.city, party.country, party.locale]);
    }
    for (const point of bundle.contactPoints) {
      points.push([String(ids.contactPoint += 1n), point.externalId, String(partyIds.get(point.partyExternalId)), borrowerId,
        point.kind, point.value, point.status, String(point.employerProvided)]);
    }
    const accountIds = new Map<string, string>();
    for (const account of bundle.accounts) {
      const id = String(ids.account += 1n);
      accountIds.set(account.externalId, id);
      accounts.push([id, account.externalId, borrowerId, account.productId, account.currency, String(account.creditLimitMinor),
        String(account.principalMinor), account.openedOn, account.status]);
    }
    for (const line of bundle.installments) {
      installments.push([accountIds.get(line.accountExternalId)!, String(line.seq), borrowerId, line.dueDate,
        String(line.principalDueMinor), String(line.interestDueMinor), String(line.feeDueMinor)]);
    }
    for (const payment of bundle.payments) {
      payments.push([String(ids.payment += 1n), payment.idempotencyKey, accountIds.get(payment.accountExternalId)!, borrowerId,
        String(payment.amountMinor), payment.currency, payment.valueDate, payment.channel, paymentBodyHash(payment)]);
    }
  }
  await tx.copyRows('party', ['id', 'external_id', 'kind', 'borrower_id', 'relationship', 'full_name', 'time_zone',
    'extra_time_zones', 'city', 'country', 'locale'], parties);
  await tx.copyRows('contact_point', ['id', 'external_id', 'party_id', 'borrower_id', 'kind', 'value', 'status',
    'employer_provided'], points);
  await tx.copyRows('account', ['id', 'external_id', 'borrower_id', 'product_id', 'currency', 'credit_limit_minor',
    'principal_minor', 'opened_on', 'status'], accounts);
  await tx.copyRows('installment', ['account_id', 'seq', 'borrower_id', 'due_date', 'principal_due_minor',
    'interest_due_minor', 'fee_due_minor'], installments);
  await tx.copyRows('payment', ['id', 'idempotency_key', 'account_id', 'borrower_id', 'amount_minor', 'currency',
    'value_date', 'channel', 'body_hash'], payments);
  report.borrowers += batch.length;
  report.parties += parties.length;
  report.contactPoints += points.length;
  report.accounts += accounts.length;
  report.installments += installments.length;
  report.payments += payments.length;
}
