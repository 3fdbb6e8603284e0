import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { IMPORT_ERRORS_KEPT_MAX } from '../../config/limits.ts';
import type { ImportReport, ImportRowError } from './import-contract.ts';

/**
 * Collects the rejected rows of one import: counts them, keeps the first IMPORT_ERRORS_KEPT_MAX in
 * the report, and, when given a path, writes every one of them to a CSV file (line, field, reason,
 * message) as they come, so a file with a million bad rows is reported in full in bounded memory.
 * The file is created only when the first row is rejected. Errors arrive one batch at a time, each
 * batch covering its own range of lines, and are written in line order.
 */
export const ERROR_REPORT_HEADER = 'line,field,reason,message\n';

export class ErrorReport {
  readonly #report: ImportReport;
  readonly #path: string | null;
  #stream: WriteStream | null = null;
  #failure: Error | null = null;

  constructor(report: ImportReport, path: string | null) {
    this.#report = report;
    this.#path = path;
  }

  /** The path of the written report, or null when no row was rejected (or no path was given). */
  get writtenPath(): string | null {
    return this.#stream === null ? null : this.#path;
  }

  /** Adds the errors of one batch; a row with several problems counts as one rejected row. */
  async add(errors: ImportRowError[]): Promise<void> {
    if (errors.length === 0) return;
    errors.sort((left, right) => left.line - right.line);
    this.#report.rowsRejected += new Set(errors.map((error) => error.line)).size;
    const room = IMPORT_ERRORS_KEPT_MAX - this.#report.errors.length;
    if (room > 0) this.#report.errors.push(...errors.slice(0, room));
    if (this.#path !== null) await this.#write(errors.map(errorLine).join(''));
  }

  async close(): Promise<void> {
    const stream = this.#stream;
    if (stream !== null && !stream.closed) {
      stream.end();
      if (!stream.writableFinished && this.#failure === null) await once(stream, 'finish');
    }
    if (this.#failure !== null) throw this.#failure;
  }

  async #write(text: string): Promise<void> {
    if (this.#stream === null) {
      this.#stream = createWriteStream(this.#path!);
      this.#stream.on('error', (error) => {
        this.#failure = error;
      });
      this.#stream.write(ERROR_REPORT_HEADER);
    }
    if (this.#failure !== null) throw this.#failure;
    if (!this.#stream.write(text)) await once(this.#stream, 'drain');
  }
}

export function errorLine(error: ImportRowError): string {
  return `${[String(error.line), error.field ?? '', error.reason, error.message].map(csvCell).join(',')}\n`;
}

/** RFC 4180: a cell is quoted only when it holds a comma, a quote or a line break. */
function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
