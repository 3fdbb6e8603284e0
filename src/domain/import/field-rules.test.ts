// The cell parsers of the import format, at their boundaries: real and impossible dates, exact
// decimal amounts in minor units, negative, malformed and absurd amounts, whole numbers and their bounds,
// time zone names, booleans, lists, and the reason code each rejection carries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  amount, boolean, civilDate, currency, integer, isRealDate, isTimeZone, list, oneOf, optionalText,
    requiredText,
  timeZone,
} from './field-rules.ts';
import { IMPORT_AMOUNT_MINOR_MAX, IMPORT_TEXT_CHARS_MAX } from '../../config/limits.ts';

const reason = (parsed: { ok: boolean; problem?: { reason: string } }) =>
  (parsed.ok ? 'ok' : parsed.problem!.reason);

test('dates must exist on the calendar, leap days included, in the years 1900 to 2199', () => {
  const cases: [string, boolean][] = [
    ['2026-01-31', true], ['2026-02-28', true], ['2026-02-29', false], ['2024-02-29', true], ['2000-02-29',
      true],
    ['1900-02-29', false], ['2026-04-31', false], ['2026-13-01', false], ['2026-00-10', false],
      ['2026-01-00', false],
    ['1899-12-31', false], ['1900-01-01', true], ['2199-12-31', true], ['2200-01-01', false], ['2026-1-5',
      false],
    ['2026/01/05', false], ['20260105', false], ['', false],
  ];
  for (const [text, real] of cases) assert.equal(isRealDate(text), real, text);
  assert.deepEqual(civilDate({ due_date: ' 2026-03-15 ' }, 'due_date'), { ok: true, value: '2026-03-15' });
  assert.deepEqual(civilDate({ due_date: '2026-02-30' }, 'due_date'), { ok: false, problem: {
    field: 'due_date', reason: 'invalid_date',
      message: 'due_date "2026-02-30" is not a real date YYYY-MM-DD.' } });
  assert.equal(reason(civilDate({}, 'due_date')), 'missing_field');
});

test('amounts are exact minor units; negative, malformed and over-precise amounts are refused', () => {
  assert.deepEqual(amount({ a: '1234.50' }, 'a', 'CNY'), { ok: true, value: 123450n });
  assert.deepEqual(amount({ a: '0.01' }, 'a', 'USD'), { ok: true, value: 1n });
  assert.deepEqual(amount({ a: '7' }, 'a', 'USD'), { ok: true, value: 700n });
  assert.deepEqual(amount({ a: '100000000.00' }, 'a', 'CNY'), { ok: true, value: IMPORT_AMOUNT_MINOR_MAX });
  assert.deepEqual(amount({ a: '100000000.01' }, 'a', 'CNY'), { ok: false, problem: { field: 'a',
    reason: 'amount_out_of_range',
    message: 'a 100000000.01 is above 100000000.00 CNY, the largest accepted.' } });
  assert.equal(reason(amount({ a: '999999999999999.99' }, 'a', 'CNY')), 'amount_out_of_range',
    'the largest amount the format can write is refused, not summed into an overflow');
  assert.deepEqual(amount({ a: '10.00' }, 'a', 'USD', undefined, 1000n), { ok: true, value: 1000n });
  assert.equal(reason(amount({ a: '10.01' }, 'a', 'USD', undefined, 1000n)), 'amount_out_of_range');
  assert.deepEqual(amount({ a: '' }, 'a', 'CNY', 0n), { ok: true, value: 0n },
    'an empty optional amount defaults');
  assert.deepEqual(amount({ a: '-0.01' }, 'a', 'CNY'), { ok: false, problem: {
    field: 'a', reason: 'negative_amount', message: 'a -0.01 is negative.' } });
  for (const text of ['1.005', '1,000.00', '12e3', 'abc', '¥12', '.5', '1234567890123456']) {
    assert.equal(reason(amount({ a: text }, 'a', 'CNY')), 'invalid_amount', text);
  }
  assert.equal(reason(amount({}, 'a', 'CNY')), 'missing_field');
});

test('whole numbers, enumerations, texts, currencies and booleans', () => {
  assert.deepEqual(integer({ n: '30' }, 'n', 0, 30), { ok: true, value: 30 });
  assert.equal(reason(integer({ n: '31' }, 'n', 0, 30)), 'out_of_range');
  assert.equal(reason(integer({ n: '-1' }, 'n', 0, 30)), 'out_of_range');
  assert.equal(reason(integer({ n: '1.5' }, 'n', 0, 30)), 'invalid_number');
  assert.deepEqual(integer({ n: ' ' }, 'n', 0, 30, 7), { ok: true, value: 7 });
  assert.deepEqual(oneOf({ k: 'b' }, 'k', ['a', 'b']), { ok: true, value: 'b' });
  assert.deepEqual(oneOf({ k: 'c' }, 'k', ['a', 'b']), { ok: false, problem: {
    field: 'k', reason: 'invalid_value', message: 'k "c" is not one of a, b.' } });
  assert.deepEqual(oneOf({}, 'k', ['a', 'b'], 'a'), { ok: true, value: 'a' });
  assert.equal(reason(requiredText({ t: 'x'.repeat(IMPORT_TEXT_CHARS_MAX + 1) }, 't')), 'value_too_long');
  assert.deepEqual(requiredText({ t: 'x'.repeat(IMPORT_TEXT_CHARS_MAX) }, 't').ok, true);
  assert.equal(reason(requiredText({ t: 'a b' }, 't', /^\S+$/)), 'invalid_value');
  assert.deepEqual(optionalText({ t: '  ' }, 't'), { ok: true, value: null });
  assert.deepEqual(currency({ c: 'USD' }, 'c'), { ok: true, value: 'USD' });
  assert.equal(reason(currency({ c: 'usd' }, 'c')), 'invalid_currency');
  assert.equal(reason(currency({ c: 'JPY' }, 'c')), 'invalid_currency', 'only currencies the ledger knows');
  for (const text of ['true', 'TRUE', '1', 'yes']) assert.deepEqual(boolean({ b: text }, 'b', false),
    { ok: true, value: true });
  for (const text of ['false', '0', 'no']) assert.deepEqual(boolean({ b: text }, 'b', true), { ok: true,
    value: false });
  assert.equal(reason(boolean({ b: 'maybe' }, 'b', false)), 'invalid_value');
  assert.deepEqual(list({ l: ' a ; ;b;' }, 'l'), ['a', 'b']);
  assert.deepEqual(list({}, 'l'), []);
});

test('time zones are IANA names, not offsets or inventions', () => {
  for (const zone of ['Asia/Shanghai', 'Asia/Urumqi', 'America/Chicago', 'UTC', 'Etc/GMT-8',
    'America/Argentina/Salta']) {
    assert.equal(isTimeZone(zone), true, zone);
  }
  for (const zone of ['Mars/Olympus', '+08:00', 'GMT+8', 'asia shanghai', '', 'Asia/Shanghai/']) {
    assert.equal(isTimeZone(zone), false, zone);
  }
  assert.equal(isTimeZone('Mars/Olympus'), false, 'a cached answer is the same answer');
  assert.deepEqual(timeZone('Mars/Olympus', 'time_zone'), { ok: false, problem: {
    field: 'time_zone', reason: 'invalid_time_zone',
      message: 'time_zone "Mars/Olympus" is not an IANA time zone.' } });
});
