// What an audit event's detail may not hold, case by case: each shape the check recognises is
// caught at its path (and the answer never quotes the value), and the values a detail is meant to
// hold (masked numbers, amounts in minor units, hashes, instants, ids, codes) pass.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findUnmaskedPersonalData } from './find-unmasked-personal-data.ts';

const REFUSED: [string, unknown, string][] = [
  ['a Chinese mobile number', { dialled: '13812345678' }, 'detail.dialled'],
  ['one inside a sentence', { note: 'called 13812345678 twice' }, 'detail.note'],
  ['with its country code', { dialled: '+86 138 1234 5678' }, 'detail.dialled'],
  ['a Chinese resident ID', { holder: { id: '11010519491231002X' } }, 'detail.holder.id'],
  ['a US Social Security number', { ssn: '078-05-1120' }, 'detail.ssn'],
  ['a US phone number', { numbers: ['ok', '(415) 555-0100'] }, 'detail.numbers[1]'],
  ['an e-mail address', { to: 'li.na@example.com' }, 'detail.to'],
  ['a password, whatever its value', { password: '' }, 'detail.password'],
  ['a session id', { sessionId: 'x' }, 'detail.sessionId'],
  ['an API token', { token: 'x' }, 'detail.token'],
  ['nesting deeper than any detail',
    { a: { b: { c: { d: { e: { f: { g: { h: { i: 1 } } } } } } } } }, 'detail.a.b.c.d.e.f.g.h'],
];

const ALLOWED: [string, unknown][] = [
  ['a masked mobile number', { masked: '138****5678' }],
  ['a masked resident ID', { masked: '1101**********002X' }],
  ['amounts in minor units, as strings or bigints',
    { amountMinor: '13812345678', feeMinor: 13_812_345_678n }],
  ['a number', { attempts: 13812345678 }],
  ['a hash or a Decision id', { decisionId: `13812345678${'a'.repeat(53)}` }],
  ['instants and dates', { at: '2026-03-01T02:00:00.000+08:00', dueDate: '2026-03-01' }],
  ['ids, codes and names of fields',
    { contactPointId: '12', field: 'contact_point.value', reason: 'refused' }],
  ['nothing', {}],
];

test('each recognised kind of personal data or secret is found at its path', () => {
  for (const [name, detail, path] of REFUSED) assert.equal(findUnmaskedPersonalData(detail), path, name);
});

test('what a detail is meant to hold passes', () => {
  for (const [name, detail] of ALLOWED) assert.equal(findUnmaskedPersonalData(detail), null, name);
});
