// Loading a generated portfolio: every record lands with its references resolved, the identity
// sequences move past the ids the loader chose, and loading the same seed twice is refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openTestDatabase } from '../../../test/support/test-database.ts';
import { loadPortfolio } from './load-portfolio.ts';
import { generateBorrowers } from '../../domain/generate/generate-portfolio.ts';

test('a 200-borrower portfolio loads completely and only once', async () => {
  const db = await openTestDatabase();
  try {
    const options = { borrowers: 200, seed: 9, asOf: '2026-11-23', historyDays: 365 };
    const result = await loadPortfolio(db, options);
    assert.ok(result.ok);
    const expected = { borrowers: 200, parties: 0, contactPoints: 0, accounts: 0, installments: 0, payments: 0 };
    for (const bundle of generateBorrowers(options)) {
      expected.parties += bundle.parties.length;
      expected.contactPoints += bundle.contactPoints.length;
      expected.accounts += bundle.accounts.length;
      expected.installments += bundle.installments.length;
      expected.payments += bundle.payments.length;
    }
    assert.deepEqual(result.report, expected);
    const [counts] = await db.query<Record<string, number>>(`SELECT (SELECT count(*)::int FROM party) AS parties,
      (SELECT count(*)::int FROM account) AS accounts, (SELECT count(*)::int FROM installment) AS installments,
      (SELECT count(*)::int FROM payment WHERE status = 'received') AS payments,
      (SELECT count(*)::int FROM party c JOIN party b ON b.id = c.borrower_id
        WHERE c.kind = 'contact_person' AND b.kind = 'borrower') AS contacts_linked,
      (SELECT count(*)::int FROM party WHERE kind = 'contact_person') AS contacts`);
    assert.equal(counts!.parties, expected.parties);
    assert.equal(counts!.accounts, expected.accounts);
    assert.equal(counts!.installments, expected.installments);
    assert.equal(counts!.payments, expected.payments);
    assert.equal(counts!.contacts_linked, counts!.contacts);
    const [next] = await db.query<{ id: bigint }>(`INSERT INTO party (external_id, kind, borrower_id, full_name, time_zone,
      country) VALUES ('later', 'borrower', 0, 'Later', 'Asia/Shanghai', 'CN') RETURNING id`);
    assert.ok(next!.id > BigInt(expected.parties), 'the identity sequence moved past the loaded ids');
    const again = await loadPortfolio(db, options);
    assert.deepEqual(again, { ok: false, rejection: { reason: 'portfolio_already_loaded', externalId: 'B0000001' } });
  } finally {
    await db.close();
  }
});
