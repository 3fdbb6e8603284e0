import { CSV_PREVIEW_CHARS_MAX } from '../../config/limits.ts';

/**
 * Parses the text of one CSV record (RFC 4180: fields separated by commas, a field in double quotes
 * may hold commas, line breaks and doubled quotes). The answer says whether the record is complete,
 * still inside an open quoted field (the caller appends the next line and asks again), or broken,
 * so that a broken quote costs one row, never the rest of the file.
 */
export type CsvRecordParse =
  | { status: 'complete'; cells: string[] }
  | { status: 'open' }
  | { status: 'malformed'; message: string };

const QUOTE = '"';
const COMMA = ',';

export function parseCsvRecord(text: string): CsvRecordParse {
  // Most lender rows quote nothing; splitting them is several times faster than the scanner.
  if (!text.includes(QUOTE)) return { status: 'complete', cells: text.split(COMMA) };
  const cells: string[] = [];
  let position = 0;
  for (;;) {
    const field = text.startsWith(QUOTE, position) ? quotedField(text, position) : plainField(text, position);
    if (field.status !== 'field') return field;
    cells.push(field.value);
    if (field.end === text.length) return { status: 'complete', cells };
    position = field.end + 1;
  }
}

type FieldScan =
  | { status: 'field'; value: string; end: number }
  | Exclude<CsvRecordParse, { status: 'complete' }>;

/** A field without quotes runs to the next comma; a quote inside it is broken quoting. */
function plainField(text: string, start: number): FieldScan {
  const comma = text.indexOf(COMMA, start);
  const end = comma === -1 ? text.length : comma;
  const value = text.slice(start, end);
  if (value.includes(QUOTE)) {
    return { status: 'malformed', message: `A quote appears inside an unquoted field: ${preview(value)}.` };
  }
  return { status: 'field', value, end };
}

/** A quoted field ends at a quote that is not doubled, which must be followed by a comma or the end. */
function quotedField(text: string, start: number): FieldScan {
  let value = '';
  let from = start + 1;
  for (;;) {
    const quote = text.indexOf(QUOTE, from);
    if (quote === -1) return { status: 'open' };
    value += text.slice(from, quote);
    if (text.startsWith(QUOTE, quote + 1)) {
      value += QUOTE;
      from = quote + 2;
      continue;
    }
    const end = quote + 1;
    if (end === text.length || text.startsWith(COMMA, end)) return { status: 'field', value, end };
    return { status: 'malformed', message: `A closing quote is followed by ${preview(text.slice(end))}.` };
  }
}


function preview(text: string): string {
  const shown = text.length > CSV_PREVIEW_CHARS_MAX ? `${text.slice(0, CSV_PREVIEW_CHARS_MAX)}…` : text;
  return JSON.stringify(shown);
}
