// The CSV record parser: plain and quoted fields, doubled quotes, commas and line breaks inside
// quotes, empty fields at either end; an open quote asks for the next line; a quote in the wrong
// place is malformed rather than silently merged into a neighbouring field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsvRecord } from './parse-csv-record.ts';

test('complete records, quoted or not', () => {
  const cases: [string, string[]][] = [
    ['a,b,c', ['a', 'b', 'c']], ['', ['']], [',', ['', '']], ['a,,c,', ['a', '', 'c', '']],
    ['"a,b",c', ['a,b', 'c']], ['"say ""hi""",x', ['say "hi"', 'x']], ['x,"two\nlines"', ['x', 'two\nlines']],
    ['"",""', ['', '']], ['""""', ['"']], ['a,"b"', ['a', 'b']], ['现金贷,"北京, 朝阳"', ['现金贷', '北京, 朝阳']],
  ];
  for (const [text, cells] of cases) assert.deepEqual(parseCsvRecord(text), { status: 'complete', cells },
    text);
});

test('an open quote waits for more lines; a misplaced quote is malformed', () => {
  for (const text of ['a,"b', '"', 'a,"b""', 'a,"b\nc']) assert.deepEqual(parseCsvRecord(text),
    { status: 'open' }, text);
  assert.deepEqual(parseCsvRecord('A3,6,10"00.00,0'), { status: 'malformed',
    message: 'A quote appears inside an unquoted field: "10\\"00.00".' });
  assert.deepEqual(parseCsvRecord('"a"b,c'), { status: 'malformed',
    message: 'A closing quote is followed by "b,c".' });
  assert.equal(parseCsvRecord('a, "b"').status, 'malformed', 'a space before an opening quote');
});
