import { CSV_RECORD_LINES_MAX, IMPORT_LINE_BYTES_MAX } from '../../config/limits.ts';
import type { FieldProblem } from '../../domain/import/field-rules.ts';
import { parseCsvRecord } from './parse-csv-record.ts';
import type { LineItem } from './read-lines.ts';

/**
 * Groups physical lines into CSV records. A quoted field may span lines, so a line that leaves a
 * quote open waits for the next ones; but a broken quote must not swallow the rest of the file (a
 * stream parser would read every later row into that one field). So a record that is still open
 * after CSV_RECORD_LINES_MAX lines or IMPORT_LINE_BYTES_MAX characters, or that closes into broken
 * quoting or the wrong number of cells, costs only its first line: that line is reported as
 * malformed_csv and the lines after it are read again as records of their own.
 */
export type RecordItem = { line: number; cells: string[] } | { line: number; problem: FieldProblem };


type TextLine = { line: number; text: string };

export class CsvRecordFramer {
  /** Cells every record must have once the header is known. */
  columns: number | null = null;
  #queue: LineItem[] = [];
  #pending: TextLine[] = [];
  #pendingChars = 0;

  push(item: LineItem, out: RecordItem[]): void {
    this.#queue.push(item);
    this.#drain(out, false);
  }

  end(out: RecordItem[]): void {
    this.#drain(out, true);
  }

  #drain(out: RecordItem[], ending: boolean): void {
    while (this.#queue.length > 0 || (ending && this.#pending.length > 0)) {
      const item = this.#queue.shift();
      if (item === undefined) {
        this.#abandon('A quoted field is not closed before the end of the file.', out);
      } else if ('problem' in item) {
        if (this.#pending.length === 0) {
          out.push(item);
          continue;
        }
        this.#queue.unshift(item);
        this.#abandon('A quoted field is not closed before a line that could not be read.', out);
      } else {
        this.#take(item, out);
      }
    }
  }

  #take(item: TextLine, out: RecordItem[]): void {
    if (this.#pending.length === 0 && item.text.trim() === '') return;
    this.#pending.push(item);
    this.#pendingChars += item.text.length + 1;
    const text = this.#pending.length === 1 ? item.text : this.#pending.map((line) => line.text).join('\n');
    const parsed = parseCsvRecord(text);
    if (parsed.status === 'malformed') return this.#abandon(parsed.message, out);
    if (parsed.status === 'open') {
      if (this.#pending.length >= CSV_RECORD_LINES_MAX || this.#pendingChars > IMPORT_LINE_BYTES_MAX) {
        this.#abandon(`A quoted field is not closed within ${this.#pending.length} lines.`, out);
      }
      return;
    }
    if (this.columns !== null && parsed.cells.length !== this.columns) {
      const message = `The row has ${parsed.cells.length} cells; the header has ${this.columns} columns.`;
      return this.#abandon(message, out);
    }
    out.push({ line: this.#pending[0]!.line, cells: parsed.cells });
    this.#clear();
  }

  /** Reports the first pending line as malformed and queues the others to be read again. */
  #abandon(message: string, out: RecordItem[]): void {
    const [first, ...rest] = this.#pending;
    if (first === undefined) return;
    out.push({ line: first.line, problem: { field: null, reason: 'malformed_csv', message } });
    this.#clear();
    this.#queue.unshift(...rest);
  }

  #clear(): void {
    this.#pending = [];
    this.#pendingChars = 0;
  }
}
