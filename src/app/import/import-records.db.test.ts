// importRecords, the importer's entry for records made in memory (the portfolio generator), on both
// engines: typed records land through the same upserts as files and count as unchanged the second
// time; a record that breaks an invariant or names an unknown account is rejected at its position
// while the others land; a repeated key in one input is applied in order; text holding a NUL or a
// lone surrogate is refused as invalid_character before it reaches a lookup or a statement; absurd
// payments (amounts above their currency's bound, value dates before the account's opening or after
// today plus the margin) are refused with their field while the good ones land.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../../db/database.ts';
import type { Row } from '../../db/schema.ts';
import type {
  AccountRecord, InstallmentRecord, PartyRecord, PaymentRecord, ProductRecord,
} from '../../domain/import/import-records.ts';
import { openTestDatabase } from '../../../test/support/test-database.ts';
import type { ImportReport } from './import-contract.ts';
import { importRecords } from './import-records.ts';

let db: Db;
before(async () => {
  db = await openTestDatabase();
});
after(async () => {
  await db.close();
});

const counts = (report: ImportReport) =>
  [report.rowsRead, report.rowsLoaded, report.rowsUnchanged, report.rowsRejected];
const errorsOf = (report: ImportReport) => report.errors.map((error) => [error.line, error.field,
  error.reason]);

const PRODUCT: ProductRecord = {
  id: 'loan', name: 'Loan', kind: 'cash_loan', jurisdiction: 'CN', currency: 'CNY', interestRateBp: 1800,
  penaltyRatePpmPerDay: 500, penaltyBasis: 'overdue_principal', graceDays: 3, lateFeeMinor: 0n,
  allocationMode: 'installment_first', componentOrder: ['fee', 'penalty', 'interest', 'principal'],
    costCapBp: 2400,
};

const party = (externalId: string, borrowerExternalId: string | null): PartyRecord => ({
  externalId, kind: borrowerExternalId === null ? 'borrower' : 'contact_person', borrowerExternalId,
  relationship: borrowerExternalId === null ? 'self' : 'parent', fullName: `Person ${externalId}`,
  timeZone: 'Asia/Shanghai', extraTimeZones: [], city: null, country: 'CN', locale: 'zh-CN',
});

const ACCOUNT: AccountRecord = {
  externalId: 'R-A1', borrowerExternalId: 'R-B1', productId: 'loan', currency: 'CNY', creditLimitMinor: 0n,
  principalMinor: 300000n, openedOn: '2026-01-10', status: 'active',
};

const installment = (seq: number, principalDueMinor: bigint,
  accountExternalId = 'R-A1'): InstallmentRecord => ({
  accountExternalId, seq, dueDate: `2026-0${seq + 1}-10`, principalDueMinor, interestDueMinor: 1500n,
  feeDueMinor: 0n, principalPaidMinor: 0n, interestPaidMinor: 0n, feePaidMinor: 0n,
});

async function* asynchronously<T>(records: readonly T[]): AsyncGenerator<T> {
  yield* records;
}

test('typed records land, in any iterable, and a second import changes nothing', async () => {
  assert.deepEqual(counts(await importRecords(db, 'products', [PRODUCT])), [1, 1, 0, 0]);
  const parties = [party('R-C1', 'R-B1'), party('R-B1', null)];
  assert.deepEqual(counts(await importRecords(db, 'parties', asynchronously(parties))), [2, 2, 0, 0]);
  assert.deepEqual(counts(await importRecords(db, 'accounts', [ACCOUNT])), [1, 1, 0, 0]);
  const lines = [installment(1, 100000n), installment(2, 100000n), installment(3, 100000n)];
  const progress: number[] = [];
  const report = await importRecords(db, 'installments', lines,
    { onProgress: ({ rows }) => progress.push(rows) });
  assert.deepEqual(counts(report), [3, 3, 0, 0]);
  assert.deepEqual(progress, [3]);
  assert.deepEqual(counts(await importRecords(db, 'parties', parties)), [2, 0, 2, 0]);
  assert.deepEqual(counts(await importRecords(db, 'installments', lines)), [3, 0, 3, 0]);
  const [contact] = await db.query(`SELECT c.borrower_id = b.id AS linked FROM party c, party b
    WHERE c.external_id = 'R-C1' AND b.external_id = 'R-B1'`);
  assert.deepEqual(contact, { linked: true });
});

test('a record that breaks an invariant or names an unknown account is rejected at its position',
  async () => {
  const lines = [installment(4, -1n), installment(5, 100000n, 'R-A9'),
    { ...installment(6, 100000n), principalPaidMinor: 100001n }, { ...installment(7, 100000n),
      dueDate: '2026-02-30' },
    installment(8, 100000n)];
  const report = await importRecords(db, 'installments', lines);
  assert.deepEqual(errorsOf(report), [[1, 'principal_due', 'negative_amount'],
    [2, 'account_external_id', 'unknown_account'], [3, 'principal_paid', 'paid_above_due'], [4, 'due_date',
      'invalid_date']]);
  assert.deepEqual(counts(report), [5, 1, 0, 4]);
  const payment = (idempotencyKey: string, currency: string, amountMinor: bigint): PaymentRecord => ({
    idempotencyKey, accountExternalId: 'R-A1', amountMinor, currency, valueDate: '2026-03-01', channel: 'app',
  });
  const payments = await importRecords(db, 'payments', [payment('R-P1', 'CNY', 500n), payment('R-P2', 'USD',
    500n),
    payment('R-P3', 'CNY', 0n), payment('R-P1', 'CNY', 600n), payment('R-P1', 'CNY', 500n)]);
  assert.deepEqual(errorsOf(payments), [[2, 'currency', 'currency_mismatch'], [3, 'amount', 'invalid_amount'],
    [4, 'idempotency_key', 'payment_key_conflict']]);
  assert.deepEqual(counts(payments), [5, 1, 1, 3],
    'a repeated key goes to the next batch and sees the first');
});

test('a record whose text holds a NUL or a lone surrogate is rejected; the rest of the batch lands',
  async () => {
    const parties = await importRecords(db, 'parties', [{ ...party('R-B7', null), fullName: 'Li\u0000' },
      party('R-B8', null), { ...party('R-B9', null), city: '\ud800' }]);
    assert.deepEqual(errorsOf(parties), [[1, 'full_name', 'invalid_character'],
      [3, 'city', 'invalid_character']]);
    assert.deepEqual(counts(parties), [3, 1, 0, 2]);
    const ninth = { ...installment(1, 100000n), seq: 9, dueDate: '2026-10-10' };
    const lines = [{ ...ninth, accountExternalId: 'R-A1\u0000' }, ninth];
    const report = await importRecords(db, 'installments', lines);
    assert.deepEqual(errorsOf(report), [[1, 'account_external_id', 'invalid_character']],
      'refused before the account is looked up');
    assert.deepEqual(counts(report), [2, 1, 0, 1]);
  });

test('absurd payments are refused with the field named; those at the bounds land', async () => {
  const payment = (idempotencyKey: string, amountMinor: bigint, valueDate: string): PaymentRecord => ({
    idempotencyKey, accountExternalId: 'R-A1', amountMinor, currency: 'CNY', valueDate, channel: 'app',
  });
  // R-A1 opened on 2026-01-10; the bounds are CNY 100 million and today + 3 days.
  const report = await importRecords(db, 'payments', [
    payment('R-P11', 999999999999999999n, '2026-02-01'), payment('R-P12', 100_000_000_01n, '2026-02-01'),
    payment('R-P13', 100n, '2026-01-09'), payment('R-P14', 100n, '2099-01-01'),
    payment('R-P15', 100n, '2026-03-05'), payment('R-P16', 100_000_000_00n, '2026-01-10'),
    payment('R-P17', 100n, '2026-03-04'),
  ], { today: '2026-03-01' });
  assert.deepEqual(errorsOf(report), [[1, 'amount', 'amount_out_of_range'],
    [2, 'amount', 'amount_out_of_range'], [3, 'value_date', 'value_date_out_of_range'],
    [4, 'value_date', 'value_date_out_of_range'], [5, 'value_date', 'value_date_out_of_range']]);
  assert.deepEqual(counts(report), [7, 2, 0, 5]);
  const rows = await db.query<Pick<Row<'payment'>, 'idempotency_key'>>(`SELECT idempotency_key
    FROM payment
    WHERE idempotency_key LIKE 'R-P1_' ORDER BY 1`);
  assert.deepEqual(rows.map((row) => row.idempotency_key), ['R-P16', 'R-P17']);
});
