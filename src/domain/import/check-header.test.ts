// The CSV header check: the documented columns in any order pass; a missing required column, an
// unknown (often misspelt) one and a repeated one are each reported, so a wrong file is refused
// once instead of failing every row.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkHeader, IMPORT_COLUMN_SPECS, unknownFields } from './check-header.ts';
import { IMPORT_KINDS } from './import-records.ts';

const reasons = (problems: { field: string | null; reason: string }[]) =>
  problems.map((problem) => [problem.field, problem.reason]);

test('every documented column set passes, in any order, with or without the optional columns', () => {
  for (const kind of IMPORT_KINDS) {
    const all = IMPORT_COLUMN_SPECS[kind].map((spec) => spec.name);
    assert.deepEqual(checkHeader(kind, [...all].reverse()), [], kind);
    const required = IMPORT_COLUMN_SPECS[kind].filter((spec) => spec.required).map((spec) => spec.name);
    assert.deepEqual(checkHeader(kind, required), [], kind);
  }
});

test('missing, unknown and repeated columns are each reported', () => {
  const header = ['account_external_id', 'seq', 'due_date', 'fee_du', 'seq', ''];
  assert.deepEqual(reasons(checkHeader('installments', header)), [['seq', 'duplicate_column'],
    ['fee_du', 'unknown_column'], ['', 'unknown_column'], ['principal_due', 'missing_column']]);
  assert.deepEqual(unknownFields('payments', ['amount', 'note']), [{ field: 'note', reason: 'unknown_column',
    message: 'The column note is not part of the payments format.' }]);
});

test('a column name holding a NUL or a lone surrogate is refused unnamed, so the report stays clean', () => {
  const header = ['external_id', 'kind', 'full_name', 'time_zone', 'coun\u0000try', 'country', 'x\ud800',
    'x\ud800'];
  const problems = checkHeader('parties', header);
  assert.deepEqual(problems, [
    { field: null, reason: 'invalid_character',
      message: 'A column name holds a NUL character (U+0000) at character 5.' },
    { field: null, reason: 'invalid_character',
      message: 'A column name holds a lone UTF-16 surrogate (U+D800) at character 2.' },
    { field: null, reason: 'invalid_character',
      message: 'A column name holds a lone UTF-16 surrogate (U+D800) at character 2.' },
  ]);
  assert.deepEqual(reasons(unknownFields('payments', ['amount', 'no\u0000te'])),
    [[null, 'invalid_character']]);
});
