import { checkHeader, unknownFields } from '../../domain/import/check-header.ts';
import type { FieldProblem, RawRow } from '../../domain/import/field-rules.ts';
import { invalidCharacterProblem } from '../../domain/import/find-invalid-cell.ts';
import type { ImportKind } from '../../domain/import/import-records.ts';
import { findInvalidCharacter } from '../../domain/input/find-invalid-character.ts';
import { CsvRecordFramer, type RecordItem } from './csv-record-framer.ts';
import { readLines, type LineItem } from './read-lines.ts';

/**
 * Streams the rows of a CSV file (with a header row) or a JSONL file (one object per line) as text
 * cells keyed by column, with their line numbers, in chunks. Whatever cannot be read as a row
 * (bad encoding, broken quoting, a line that is not JSON, an unknown field) comes out as a problem
 * for its line and reading goes on. A header that does not fit the kind comes out as `header`
 * problems, after which nothing more is read: the whole file is in the wrong shape.
 */
export type RowItem =
  | { line: number; row: RawRow }
  | { line: number; problem: FieldProblem }
  | { line: number; header: FieldProblem[] };
export type FileFormat = 'csv' | 'jsonl';

export async function* readRows(path: string, format: FileFormat, encoding: string, kind: ImportKind,
  onBytes?: (bytes: number) => void): AsyncGenerator<RowItem[]> {
  const reader = format === 'csv' ? new CsvRows(kind) : new JsonlRows(kind);
  for await (const lines of readLines(path, encoding, onBytes)) {
    const items = reader.push(lines);
    if (items.length > 0) yield items;
    if (reader.stopped) return;
  }
  const last = reader.end();
  if (last.length > 0) yield last;
}

type RowReader = { stopped: boolean; push(lines: readonly LineItem[]): RowItem[]; end(): RowItem[] };

class CsvRows implements RowReader {
  readonly #kind: ImportKind;
  readonly #framer = new CsvRecordFramer();
  #header: string[] | null = null;
  stopped = false;

  constructor(kind: ImportKind) {
    this.#kind = kind;
  }

  /** Lines go through the framer one at a time, so the header's width applies from the next line on. */
  push(lines: readonly LineItem[]): RowItem[] {
    const items: RowItem[] = [];
    const records: RecordItem[] = [];
    for (const line of lines) {
      this.#framer.push(line, records);
      this.#rows(records, items);
      records.length = 0;
      if (this.stopped) break;
    }
    return items;
  }

  end(): RowItem[] {
    const items: RowItem[] = [];
    const records: RecordItem[] = [];
    this.#framer.end(records);
    this.#rows(records, items);
    return items;
  }

  #rows(records: readonly RecordItem[], items: RowItem[]): void {
    for (const record of records) {
      if (this.stopped) return;
      if ('problem' in record) items.push(record);
      else if (this.#header === null) this.#takeHeader(record.line, record.cells, items);
      else items.push({ line: record.line, row: toRow(this.#header, record.cells) });
    }
  }

  #takeHeader(line: number, cells: readonly string[], items: RowItem[]): void {
    const header = cells.map((cell) => cell.trim());
    const problems = checkHeader(this.#kind, header);
    if (problems.length > 0) {
      items.push({ line, header: problems });
      this.stopped = true;
      return;
    }
    this.#header = header;
    this.#framer.columns = header.length;
  }
}

function toRow(header: readonly string[], cells: readonly string[]): RawRow {
  const row: Record<string, string> = {};
  for (let index = 0; index < header.length; index += 1) row[header[index]!] = cells[index]!;
  return row;
}

class JsonlRows implements RowReader {
  readonly #kind: ImportKind;
  stopped = false;

  constructor(kind: ImportKind) {
    this.#kind = kind;
  }

  push(lines: readonly LineItem[]): RowItem[] {
    const items: RowItem[] = [];
    for (const item of lines) {
      if ('problem' in item) items.push(item);
      else if (item.text.trim() !== '') items.push(this.#row(item.line, item.text));
    }
    return items;
  }

  end(): RowItem[] {
    return [];
  }

  #row(line: number, text: string): RowItem {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      return { line, problem: unparsable(text, error as Error) };
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      return {
        line, problem: { field: null, reason: 'invalid_json', message: 'A line must hold one JSON object.' },
      };
    }
    const object = parsed as Record<string, unknown>;
    const unknown = unknownFields(this.#kind, Object.keys(object));
    if (unknown.length > 0) return { line, problem: unknown[0]! };
    return cellsOf(line, object);
  }
}

/**
 * Why a line is not JSON. A raw NUL byte is not allowed in JSON text, so a line holding one always
 * fails to parse; it is rejected for that character, and the parser's own message, which quotes
 * part of the line, is not used since it would carry the NUL into the report.
 */
function unparsable(text: string, error: Error): FieldProblem {
  const index = findInvalidCharacter(text);
  if (index === -1) return { field: null, reason: 'invalid_json', message: error.message };
  return fieldHoldingNul(text) ?? invalidCharacterProblem(null, text, index);
}

/**
 * The field whose value holds the raw NUL, found by reading the line with each NUL written as its
 * escape; null when that does not parse (the NUL sits outside any string) or finds no such value.
 * The line is rejected either way: this only names the field.
 */
function fieldHoldingNul(text: string): FieldProblem | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replaceAll('\0', '\\u0000'));
  } catch {
    return null; // the line is broken beyond its NUL; the caller reports the NUL for the whole line
  }
  if (parsed === null || typeof parsed !== 'object') return null;
  for (const [field, value] of Object.entries(parsed)) {
    const keyIndex = findInvalidCharacter(field);
    if (keyIndex !== -1) return invalidCharacterProblem(null, field, keyIndex, 'A column name');
    const texts = Array.isArray(value) ? value : [value];
    for (const item of texts) {
      const index = typeof item === 'string' ? findInvalidCharacter(item) : -1;
      if (index !== -1) return invalidCharacterProblem(field, item as string, index);
    }
  }
  return null;
}

/**
 * JSON values become the text a CSV cell would hold: numbers and booleans as written, null as an
 * empty cell, arrays of scalars joined with ";". An object is not a value of any field.
 */
function cellsOf(line: number, object: Record<string, unknown>): RowItem {
  const row: Record<string, string> = {};
  for (const [field, value] of Object.entries(object)) {
    const cell = cellOf(value);
    if (cell === null) {
      const message = `${field} must be a string, number, boolean, null or a list of those.`;
      return { line, problem: { field, reason: 'invalid_value', message } };
    }
    row[field] = cell;
  }
  return { line, row };
}

function cellOf(value: unknown): string | null {
  if (value === null) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  if (Array.isArray(value) && value.every((item) => item !== null && typeof item !== 'object')) {
    return value.map(String).join(';');
  }
  return null;
}
