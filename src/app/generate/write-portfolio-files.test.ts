// The file sink writes the six files of the import format with the documented headers, one line
// per generated record, byte for byte the same for the same seed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { generatePortfolio, type GenerateOptions } from '../../domain/generate/generate-portfolio.ts';
import { writePortfolioFiles } from './write-portfolio-files.ts';

const options: GenerateOptions = { borrowers: 2500, seed: 11, asOf: '2026-11-23', historyDays: 365 };
const HEADERS = {
  products: 'id,name,kind,jurisdiction,currency,interest_rate_bp,penalty_rate_ppm_per_day,penalty_basis,'
    + 'grace_days,late_fee,allocation_mode,component_order,cost_cap_bp',
  parties: 'external_id,kind,borrower_external_id,relationship,full_name,time_zone,extra_time_zones,city,'
    + 'country,locale',
  contact_points: 'external_id,party_external_id,kind,value,status,employer_provided',
  accounts: 'external_id,borrower_external_id,product_id,currency,credit_limit,principal,opened_on,status',
  installments: 'account_external_id,seq,due_date,principal_due,interest_due,fee_due,principal_paid,'
    + 'interest_paid,fee_paid',
  payments: 'idempotency_key,account_external_id,amount,currency,value_date,channel',
};

async function withDirectory(run: (directory: string) => Promise<void>): Promise<void> {
  const directory = await mkdtemp(join(tmpdir(), 'faircollect-generate-'));
  try {
    await run(directory);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

async function readAll(directory: string): Promise<Record<string, string>> {
  const texts: Record<string, string> = {};
  for (const kind of Object.keys(HEADERS)) {
    texts[kind] = await readFile(join(directory, `${kind}.csv`), 'utf8');
  }
  return texts;
}

test('six files with the documented headers, one parseable row per record, progress to the end', async () => {
  await withDirectory(async (directory) => {
    const progress: number[] = [];
    const counts = await writePortfolioFiles(directory, options, (done) => progress.push(done));
    assert.equal(progress.at(-1), options.borrowers);
    assert.ok(progress.every((done, index) => index === 0 || done >= progress[index - 1]!));
    const texts = await readAll(directory);
    const portfolio = generatePortfolio(options);
    const expected = {
      products: portfolio.products.length, parties: [...portfolio.parties()].length,
      contact_points: [...portfolio.contactPoints()].length, accounts: [...portfolio.accounts()].length,
      installments: [...portfolio.installments()].length, payments: [...portfolio.payments()].length,
    };
    assert.deepEqual(counts, expected);
    for (const [kind, header] of Object.entries(HEADERS)) {
      const text = texts[kind]!;
      assert.equal(text.slice(0, text.indexOf('\n')), header, kind);
      const rows = parse(text, { columns: true }) as Record<string, string>[];
      assert.equal(rows.length, expected[kind as keyof typeof expected], kind);
    }
    const installments = parse(texts.installments!, { columns: true }) as Record<string, string>[];
    assert.ok(installments.every((row) => /^\d+\.\d{2}$/.test(row.principal_due!)));
  });
});

test('the same seed writes byte-identical files; another seed different ones', async () => {
  await withDirectory(async (directory) => {
    const small = { ...options, borrowers: 400 };
    await writePortfolioFiles(join(directory, 'a'), small);
    await writePortfolioFiles(join(directory, 'b'), small);
    await writePortfolioFiles(join(directory, 'c'), { ...small, seed: 12 });
    const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((name) => readAll(join(directory, name))));
    assert.deepEqual(a, b);
    assert.equal(a!.products, c!.products);
    assert.notEqual(a!.parties, c!.parties);
    assert.notEqual(a!.payments, c!.payments);
  });
});
