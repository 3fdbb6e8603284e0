// Loading a generated portfolio through the importer: every record lands with its references
// resolved, across chunk boundaries, payments wait as received for the cycle, and a second load
// into the same database is refused rather than mixed in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openTestDatabase } from '../../../test/support/test-database.ts';
import { generatePortfolio, type GenerateOptions } from '../../domain/generate/generate-portfolio.ts';
import { loadPortfolio } from './load-portfolio.ts';

const options: GenerateOptions = { borrowers: 200, seed: 9, asOf: '2026-11-23', historyDays: 365 };

function expectedCounts() {
  const expected = {
    borrowers: 200, parties: 0, contactPoints: 0, accounts: 0, installments: 0, payments: 0,
  };
  for (const bundle of generatePortfolio(options).borrowers()) {
    expected.parties += bundle.parties.length;
    expected.contactPoints += bundle.contactPoints.length;
    expected.accounts += bundle.accounts.length;
    expected.installments += bundle.installments.length;
    expected.payments += bundle.payments.length;
  }
  return expected;
}

test('a 200-borrower portfolio loads completely, in chunks, and only once', async () => {
  const db = await openTestDatabase();
  try {
    const progress: number[] = [];
    const result = await loadPortfolio(db, options, (done) => progress.push(done), 64);
    assert.ok(result.ok);
    assert.deepEqual(progress, [64, 128, 192, 200]);
    const { imports, rowsRejected, ...counts } = result.report;
    const expected = expectedCounts();
    assert.deepEqual(counts, expected);
    const errors = Object.values(imports).flatMap((report) => report.errors);
    assert.equal(rowsRejected, 0, JSON.stringify(errors.slice(0, 3)));
    assert.equal(imports.products.rowsRead, 3);
    for (const report of Object.values(imports)) {
      assert.equal(report.rowsLoaded, report.rowsRead, report.kind);
    }
    const [rows] = await db.query<Record<string, number>>(`SELECT
      (SELECT count(*)::int FROM product) AS products,
      (SELECT count(*)::int FROM party WHERE kind = 'borrower') AS borrowers,
      (SELECT count(*)::int FROM party) AS parties,
      (SELECT count(*)::int FROM contact_point) AS contact_points,
      (SELECT count(*)::int FROM account) AS accounts,
      (SELECT count(*)::int FROM installment) AS installments,
      (SELECT count(*)::int FROM payment WHERE status = 'received') AS payments,
      (SELECT count(*)::int FROM party c JOIN party b ON b.id = c.borrower_id
        WHERE c.kind = 'contact_person' AND b.kind = 'borrower') AS contacts_linked,
      (SELECT count(*)::int FROM installment i JOIN account a ON a.id = i.account_id
        WHERE i.borrower_id <> a.borrower_id) AS installments_misfiled,
      (SELECT count(*)::int FROM payment p JOIN account a ON a.id = p.account_id
        WHERE p.borrower_id <> a.borrower_id OR p.currency <> a.currency) AS payments_misfiled`);
    assert.deepEqual(rows, {
      products: 3, borrowers: 200, parties: expected.parties, contact_points: expected.contactPoints,
      accounts: expected.accounts, installments: expected.installments, payments: expected.payments,
      contacts_linked: expected.parties - 200, installments_misfiled: 0, payments_misfiled: 0,
    });
    const again = await loadPortfolio(db, options);
    assert.deepEqual(again,
      { ok: false, rejection: { reason: 'portfolio_already_loaded', externalId: 'B0000001' } });
  } finally {
    await db.close();
  }
});
