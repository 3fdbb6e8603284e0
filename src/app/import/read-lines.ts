import { createReadStream } from 'node:fs';
import { IMPORT_LINE_BYTES_MAX } from '../../config/limits.ts';
import type { FieldProblem } from '../../domain/import/field-rules.ts';

/**
 * Streams the physical lines of a file, decoded from its declared encoding, in chunks. Each line is
 * decoded on its own and strictly, so a line that is not valid in the encoding (a GBK line inside a
 * UTF-8 file) comes out as a problem for that line and the lines around it are untouched. A line
 * longer than IMPORT_LINE_BYTES_MAX is a problem too and is skipped without being held in memory.
 * Line breaks are LF or CRLF; in every supported encoding the byte 0x0A only ever means LF.
 */
export type LineItem = { line: number; text: string } | { line: number; problem: FieldProblem };

/** Bytes read from the file at a time: large enough to amortise the stream, small enough to stay flat. */
export const READ_CHUNK_BYTES = 1024 * 1024;

const LF = 0x0a;
const CR = 0x0d;

export type EncodingCheck = { ok: true; encoding: string } | { ok: false; message: string };

/**
 * An encoding the reader can split by lines: one TextDecoder knows, in which a line break is the
 * byte 0x0A. UTF-16 is refused because its line breaks are two bytes.
 */
export function checkEncoding(name: string): EncodingCheck {
  let encoding: string;
  try {
    encoding = new TextDecoder(name).encoding;
  } catch {
    return {
      ok: false, message: `unknown encoding "${name}"; use utf-8, gbk, gb18030, big5 or another label`,
    };
  }
  if (encoding.startsWith('utf-16')) return { ok: false, message: `encoding ${encoding} is not supported` };
  return { ok: true, encoding };
}

export async function* readLines(path: string, encoding: string,
  onBytes?: (bytes: number) => void): AsyncGenerator<LineItem[]> {
  const splitter = new LineSplitter(encoding);
  const stream = createReadStream(path, { highWaterMark: READ_CHUNK_BYTES });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    onBytes?.(chunk.length);
    const items = splitter.push(chunk);
    if (items.length > 0) yield items;
  }
  const last = splitter.end();
  if (last.length > 0) yield last;
}

/** Splits bytes into decoded lines; holds at most one partial line of IMPORT_LINE_BYTES_MAX bytes. */
export class LineSplitter {
  readonly #decoder: InstanceType<typeof TextDecoder>;
  readonly #lineBytesMax: number;
  #pieces: Buffer[] = [];
  #pieceBytes = 0;
  #tooLong = false;
  #line = 0;

  constructor(encoding: string, lineBytesMax = IMPORT_LINE_BYTES_MAX) {
    this.#decoder = new TextDecoder(encoding, { fatal: true });
    this.#lineBytesMax = lineBytesMax;
  }

  push(chunk: Buffer): LineItem[] {
    const items: LineItem[] = [];
    let start = 0;
    for (let end = chunk.indexOf(LF, start); end !== -1; end = chunk.indexOf(LF, start)) {
      items.push(this.#finish(chunk.subarray(start, end)));
      start = end + 1;
    }
    if (start < chunk.length) this.#keep(chunk.subarray(start));
    return items;
  }

  /** The last line, when the file does not end with a line break. */
  end(): LineItem[] {
    if (this.#pieceBytes === 0 && !this.#tooLong) return [];
    return [this.#finish(Buffer.alloc(0))];
  }

  #keep(rest: Buffer): void {
    if (this.#tooLong) return;
    if (this.#pieceBytes + rest.length > this.#lineBytesMax) {
      this.#tooLong = true;
      this.#pieces = [];
      return;
    }
    // A copy, so the reader's large chunk is not kept alive by a small tail.
    this.#pieces.push(Buffer.from(rest));
    this.#pieceBytes += rest.length;
  }

  #finish(tail: Buffer): LineItem {
    this.#line += 1;
    const line = this.#line;
    const tooLong = this.#tooLong || this.#pieceBytes + tail.length > this.#lineBytesMax;
    const bytes = this.#pieces.length === 0 ? tail : Buffer.concat([...this.#pieces, tail]);
    this.#pieces = [];
    this.#pieceBytes = 0;
    this.#tooLong = false;
    if (tooLong) {
      const message = `The line is longer than ${this.#lineBytesMax} bytes.`;
      return { line, problem: { field: null, reason: 'line_too_long', message } };
    }
    const content = bytes.length > 0 && bytes[bytes.length - 1] === CR ? bytes.subarray(0, -1) : bytes;
    try {
      return { line, text: this.#decoder.decode(content) };
    } catch {
      const message = 'The line is not valid text in the declared encoding (see --encoding).';
      return { line, problem: { field: null, reason: 'invalid_encoding', message } };
    }
  }
}
