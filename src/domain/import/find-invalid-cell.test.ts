// The character check every import row passes before any other: a NUL or a lone UTF-16 surrogate in
// any cell, known column or not, rejects the row as invalid_character naming the field and the
// position, and the message never repeats the value; clean text, CJK and emoji (a surrogate pair)
// pass.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findInvalidCell } from './find-invalid-cell.ts';

test('clean rows pass, whatever script or emoji they hold', () => {
  assert.equal(findInvalidCell({}), null);
  assert.equal(findInvalidCell({ full_name: '张伟', city: 'São Paulo', value: 'Pat 🙂 O\'Brien',
    note: undefined }), null);
});

test('a NUL or a lone surrogate in any cell is reported with its field and position, not its value', () => {
  const cases: [Record<string, string>, string, string][] = [
    [{ full_name: 'Mary\u0000Smith' }, 'full_name',
      'full_name holds a NUL character (U+0000) at character 5.'],
    [{ external_id: 'B1', amount: '\u00001.00' }, 'amount',
      'amount holds a NUL character (U+0000) at character 1.'],
    [{ city: 'Chicago', full_name: 'Bad\ud800' }, 'full_name',
      'full_name holds a lone UTF-16 surrogate (U+D800) at character 4.'],
    [{ anything: '\udfffSecret' }, 'anything',
      'anything holds a lone UTF-16 surrogate (U+DFFF) at character 1.'],
  ];
  for (const [row, field, message] of cases) {
    assert.deepEqual(findInvalidCell(row), { field, reason: 'invalid_character', message }, field);
  }
  const problem = findInvalidCell({ full_name: 'Secret Name\u0000' });
  assert.ok(problem !== null && !problem.message.includes('Secret'), 'the value is not echoed');
});
