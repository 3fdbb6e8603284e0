// Framing lines into CSV records: quoted fields may span lines; a quote that never closes, or
// closes into broken quoting or the wrong number of cells, costs its first line only and the
// following lines are read again as records; problems of unreadable lines pass through in order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CsvRecordFramer, type RecordItem } from './csv-record-framer.ts';
import type { LineItem } from './read-lines.ts';
import { CSV_RECORD_LINES_MAX } from '../../config/limits.ts';

function frame(texts: readonly (string | null)[], columns: number | null = 2): (string | number)[][] {
  const framer = new CsvRecordFramer();
  framer.columns = columns;
  const out: RecordItem[] = [];
  texts.forEach((text, index) => {
    const item: LineItem = text === null
      ? { line: index + 1, problem: { field: null, reason: 'invalid_encoding', message: 'bad bytes' } }
      : { line: index + 1, text };
    framer.push(item, out);
  });
  framer.end(out);
  return out.map((item) => ('cells' in item ? [item.line, ...item.cells] : [item.line, item.problem.reason]));
}

test('records, blank lines and quoted line breaks', () => {
  assert.deepEqual(frame(['a,b', '', '"multi', 'line",c', 'd,e']), [[1, 'a', 'b'], [3, 'multi\nline', 'c'],
    [5, 'd', 'e']]);
  assert.deepEqual(frame(['x,"', '', '"']), [[1, 'x', '\n\n']], 'blank lines inside quotes are content');
});

test('a broken quote costs one line; the rest is read again', () => {
  assert.deepEqual(frame(['a,"b', 'c,d', 'e,f']), [[1, 'malformed_csv'], [2, 'c', 'd'], [3, 'e', 'f']]);
  assert.deepEqual(frame(['a,"b', 'c,d', 'e,10"0', 'g,h']), [[1, 'malformed_csv'], [2, 'c', 'd'],
    [3, 'malformed_csv'], [4, 'g', 'h']]);
  assert.deepEqual(frame(['a,"b', 'c",d,e', 'e,f']), [[1, 'malformed_csv'], [2, 'malformed_csv'], [3, 'e',
    'f']],
    'a quote that closes on a later line into the wrong number of cells');
  assert.deepEqual(frame(['a,b,c', 'd,e']), [[1, 'malformed_csv'], [2, 'd', 'e']],
    'one line with three cells');
  assert.deepEqual(frame(['a,b', null, 'c,"d', null, 'e,f']), [[1, 'a', 'b'], [2, 'invalid_encoding'],
    [3, 'malformed_csv'], [4, 'invalid_encoding'], [5, 'e', 'f']]);
});

test('an open quote is given up after CSV_RECORD_LINES_MAX lines', () => {
  const lines = ['a,"b', ...Array.from({ length: CSV_RECORD_LINES_MAX + 5 }, (_, index) => `x${index},y`)];
  const out = frame(lines);
  assert.deepEqual(out[0], [1, 'malformed_csv']);
  assert.equal(out.length, lines.length);
  assert.deepEqual(out.at(-1), [lines.length, `x${CSV_RECORD_LINES_MAX + 4}`, 'y']);
});
