// Reading rows from files: CSV cells keyed by the header, JSONL values turned into the same text
// a CSV cell would hold, and every unreadable line reported with its number.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImportKind } from '../../domain/import/import-records.ts';
import { readRows, type FileFormat, type RowItem } from './read-rows.ts';

let directory: string;
before(async () => {
  directory = await mkdtemp(join(tmpdir(), 'faircollect-rows-'));
});
after(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function rows(text: string, format: FileFormat, kind: ImportKind): Promise<RowItem[]> {
  const path = join(directory, `file.${format}`);
  await writeFile(path, text);
  const items: RowItem[] = [];
  for await (const chunk of readRows(path, format, 'utf-8', kind)) items.push(...chunk);
  return items;
}

test('CSV rows are keyed by the header; a bad header stops the file', async () => {
  assert.deepEqual(await rows(' external_id ,party_external_id,kind,value\nP1,B1,mobile,"1,2"\n', 'csv',
    'contact_points'), [{ line: 2, row: { external_id: 'P1', party_external_id: 'B1', kind: 'mobile',
      value: '1,2' } }]);
  const bad = await rows('external_id,kind\nP1,mobile\n', 'csv', 'contact_points');
  const fields = bad.map((item) => ('header' in item ? item.header.map((problem) => problem.field) : item));
  assert.deepEqual(fields, [
    ['party_external_id', 'value']]);
});

test('JSONL values become CSV cells; what cannot be a row is a problem on its line', async () => {
  const text = [
    '{"external_id":"B1","kind":"borrower","full_name":"A","time_zone":"UTC","country":"US",'
      + '"extra_time_zones":["America/Chicago","UTC"],"city":null,"locale":"en-US"}',
    '',
    '{"external_id":"B2","kind":"borrower","full_name":{"first":"A"}}',
    '{"external_id":"B3","nickname":"x"}',
    '"just a string"',
    '{"external_id":',
  ].join('\n');
  const items = await rows(text, 'jsonl', 'parties');
  assert.deepEqual(items.map((item) => ('row' in item ? [item.line, item.row] : [item.line, 'problem' in item
    ? `${item.problem.field}:${item.problem.reason}` : 'header'])), [
    [1, { external_id: 'B1', kind: 'borrower', full_name: 'A', time_zone: 'UTC', country: 'US',
      extra_time_zones: 'America/Chicago;UTC', city: '', locale: 'en-US' }],
    [3, 'full_name:invalid_value'], [4, 'nickname:unknown_column'], [5, 'null:invalid_json'], [6,
      'null:invalid_json'],
  ]);
});
