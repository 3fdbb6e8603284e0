import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Transform, type TransformCallback } from 'node:stream';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse';
import { IMPORT_LINE_BYTES_MAX } from '../../config/limits.ts';
import type { FieldProblem, RawRow } from '../../domain/import/field-rules.ts';

/**
 * Streams the rows of a CSV (with header) or JSONL file as text cells with their line numbers,
 * decoding from UTF-8 or another encoding (GBK exports are common in China). A line that is not
 * valid in the declared encoding, a broken CSV quote or a line that is not JSON comes out as a
 * problem for that line, and reading goes on: the good rows around it still land.
 */
export type RowItem = { line: number; row: RawRow } | { line: number; problem: FieldProblem };
export type FileFormat = 'csv' | 'jsonl';

const REPLACEMENT = '\uFFFD';

export async function fileSize(path: string): Promise<number> {
  return (await stat(path)).size;
}

/** Decodes bytes to text without failing; undecodable bytes become U+FFFD, which we report. */
function decoder(encoding: string, onBytes?: (bytes: number) => void): Transform {
  const textDecoder = new TextDecoder(encoding, { fatal: false });
  return new Transform({
    readableObjectMode: false,
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      onBytes?.(chunk.length);
      callback(null, textDecoder.decode(chunk, { stream: true }));
    },
    flush(callback: TransformCallback) {
      callback(null, textDecoder.decode());
    },
  });
}

export async function* readRows(
  path: string,
  format: FileFormat,
  encoding: string,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<RowItem> {
  const text = createReadStream(path).pipe(decoder(encoding, onBytes));
  if (format === 'jsonl') yield* readJsonl(text);
  else yield* readCsv(text);
}

async function* readCsv(text: NodeJS.ReadableStream): AsyncGenerator<RowItem> {
  const skipped: RowItem[] = [];
  const parser = parse({
    columns: (header: string[]) => header.map((name) => name.trim().replace(/^\uFEFF/, '')),
    bom: true,
    info: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: IMPORT_LINE_BYTES_MAX,
    on_skip: (error) => {
      const line = (error as { lines?: number } | undefined)?.lines ?? 0;
      skipped.push({
        line,
        problem: {
          field: null,
          reason: 'malformed_csv',
          message: error?.message ?? 'the line could not be parsed as CSV',
        },
      });
    },
  });
  text.pipe(parser);
  for await (const item of parser as AsyncIterable<{
    record: Record<string, string>;
    info: { lines: number };
  }>) {
    while (skipped.length > 0) yield skipped.shift()!;
    const values = Object.values(item.record);
    if (values.some((value) => value.includes(REPLACEMENT))) {
      yield { line: item.info.lines, problem: encodingProblem() };
      continue;
    }
    yield { line: item.info.lines, row: item.record };
  }
  while (skipped.length > 0) yield skipped.shift()!;
}

async function* readJsonl(text: NodeJS.ReadableStream): AsyncGenerator<RowItem> {
  let line = 0;
  for await (const content of createInterface({ input: text, crlfDelay: Infinity })) {
    line += 1;
    if (content.trim() === '') continue;
    if (content.length > IMPORT_LINE_BYTES_MAX) {
      yield { line, problem: { field: null, reason: 'line_too_long', message: 'the line is too long' } };
      continue;
    }
    if (content.includes(REPLACEMENT)) {
      yield { line, problem: encodingProblem() };
      continue;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(content);
    } catch (error) {
      yield { line, problem: { field: null, reason: 'invalid_json', message: (error as Error).message } };
      continue;
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      yield {
        line,
        problem: { field: null, reason: 'invalid_json', message: 'a line must hold one object' },
      };
      continue;
    }
    yield { line, row: toCells(parsed as Record<string, unknown>) };
  }
}

/** JSON values become the same text cells a CSV has: arrays are joined with ";". */
function toCells(object: Record<string, unknown>): RawRow {
  const row: Record<string, string> = {};
  for (const [key, value] of Object.entries(object)) {
    if (value === null || value === undefined) continue;
    row[key] = Array.isArray(value) ? value.map(String).join(';') : String(value);
  }
  return row;
}

function encodingProblem(): FieldProblem {
  return {
    field: null,
    reason: 'invalid_encoding',
    message: 'the line is not valid text in the declared encoding (see --encoding)',
  };
}
