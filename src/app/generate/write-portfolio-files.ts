import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  generatePortfolio, type BorrowerBundle, type GenerateOptions,
} from '../../domain/generate/generate-portfolio.ts';
import { csvLine, IMPORT_COLUMNS, importRow } from '../../domain/generate/import-row.ts';
import { IMPORT_KINDS, type ImportKind } from '../../domain/import/import-records.ts';
import { GENERATE_WRITE_BUFFER_CHARS_MAX } from '../../config/limits.ts';

/**
 * Writes a generated portfolio as the six CSV files of the import format (docs/import.md):
 * products.csv, parties.csv, contact_points.csv, accounts.csv, installments.csv, payments.csv, a
 * lender-shaped input for `faircollect import` and for the import benchmark. One pass over the
 * borrowers feeds all six files; each file's text is buffered up to GENERATE_WRITE_BUFFER_CHARS_MAX and
 * written with back-pressure, so a million borrowers stream through in bounded memory.
 */
export type PortfolioCounts = Record<ImportKind, number>;

/** Borrowers between two progress reports. */
export const PROGRESS_EVERY_BORROWERS = 1_000;

type Sink = { stream: WriteStream; lines: string[]; chars: number; failure: Error | null };

export async function writePortfolioFiles(directory: string, options: GenerateOptions,
  onProgress?: (borrowersDone: number) => void): Promise<PortfolioCounts> {
  await mkdir(directory, { recursive: true });
  const portfolio = generatePortfolio(options);
  const sinks = new Map<ImportKind, Sink>();
  const counts = Object.fromEntries(IMPORT_KINDS.map((kind) => [kind, 0])) as PortfolioCounts;
  try {
    for (const kind of IMPORT_KINDS) {
      sinks.set(kind, openSink(join(directory, `${kind}.csv`), IMPORT_COLUMNS[kind]));
    }
    for (const product of portfolio.products) {
      add(sinks, counts, 'products', csvLine(importRow('products', product, product.currency)));
    }
    for (const bundle of portfolio.borrowers()) {
      addBorrower(sinks, counts, bundle);
      if ((bundle.index + 1) % PROGRESS_EVERY_BORROWERS === 0) {
        await flushFull(sinks);
        onProgress?.(bundle.index + 1);
      }
    }
    for (const sink of sinks.values()) await flush(sink);
    onProgress?.(options.borrowers);
  } finally {
    await Promise.all([...sinks.values()].map(async ({ stream }) => {
      stream.end();
      if (!stream.closed) await once(stream, 'close');
    }));
  }
  for (const sink of sinks.values()) if (sink.failure !== null) throw sink.failure;
  return counts;
}

function openSink(path: string, columns: readonly string[]): Sink {
  const header = csvLine([...columns]);
  const stream = createWriteStream(path);
  const sink: Sink = { stream, lines: [header], chars: header.length, failure: null };
  // A failed write (disk full, permissions) is kept and raised at the next flush, not lost.
  sink.stream.on('error', (error) => {
    sink.failure ??= error;
  });
  return sink;
}

function addBorrower(sinks: Map<ImportKind, Sink>, counts: PortfolioCounts, bundle: BorrowerBundle): void {
  const currencies = new Map(bundle.accounts.map((account) => [account.externalId, account.currency]));
  for (const party of bundle.parties) add(sinks, counts, 'parties', csvLine(importRow('parties', party, '')));
  for (const point of bundle.contactPoints) {
    add(sinks, counts, 'contact_points', csvLine(importRow('contact_points', point, '')));
  }
  for (const account of bundle.accounts) {
    add(sinks, counts, 'accounts', csvLine(importRow('accounts', account, account.currency)));
  }
  for (const line of bundle.installments) {
    const currency = currencies.get(line.accountExternalId)!;
    add(sinks, counts, 'installments', csvLine(importRow('installments', line, currency)));
  }
  for (const payment of bundle.payments) {
    add(sinks, counts, 'payments', csvLine(importRow('payments', payment, payment.currency)));
  }
}

function add(sinks: Map<ImportKind, Sink>, counts: PortfolioCounts, kind: ImportKind, line: string): void {
  const sink = sinks.get(kind)!;
  sink.lines.push(line);
  sink.chars += line.length;
  counts[kind] += 1;
}

async function flushFull(sinks: Map<ImportKind, Sink>): Promise<void> {
  for (const sink of sinks.values()) {
    if (sink.chars >= GENERATE_WRITE_BUFFER_CHARS_MAX) await flush(sink);
  }
}

/** Hands the buffer to the stream and waits for it to drain when the stream says it is full. */
async function flush(sink: Sink): Promise<void> {
  if (sink.failure !== null) throw sink.failure;
  if (sink.lines.length === 0) return;
  const text = sink.lines.join('');
  sink.lines = [];
  sink.chars = 0;
  if (!sink.stream.write(text)) await once(sink.stream, 'drain');
}
