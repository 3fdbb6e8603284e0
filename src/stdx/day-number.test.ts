// The generator's integer date arithmetic must agree with Temporal (stdx/civil-date.ts) on every
// date it can meet, including leap days, century years and month ends, or due dates would drift.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, addMonths } from './civil-date.ts';
import { addMonthsToDay, civilDateOf, dayNumberOf, daysInMonth } from './day-number.ts';

test('day numbers count from 1970-01-01 and round-trip every day from 1899 to 2101', () => {
  assert.equal(dayNumberOf('1970-01-01'), 0);
  assert.equal(dayNumberOf('1969-12-31'), -1);
  assert.equal(dayNumberOf('2000-03-01'), 11_017);
  let date = '1899-01-01';
  let day = dayNumberOf(date);
  while (date <= '2101-12-31') {
    assert.equal(civilDateOf(day), date);
    assert.equal(dayNumberOf(date), day);
    date = addDays(date, 1);
    day += 1;
  }
});

test('month steps clamp to the last day of the month exactly as Temporal does', () => {
  const starts = ['2023-01-28', '2023-01-29', '2023-01-30', '2023-01-31', '2024-01-31', '2024-02-29',
    '2099-12-31', '2100-01-31', '2026-11-23', '2025-08-31'];
  for (const start of starts) {
    for (let months = 0; months <= 40; months += 1) {
      assert.equal(civilDateOf(addMonthsToDay(dayNumberOf(start), months)), addMonths(start, months),
        `${start} + ${months} months`);
    }
  }
  assert.equal(civilDateOf(addMonthsToDay(dayNumberOf('2024-03-31'), -1)), '2024-02-29');
});

test('month lengths follow the Gregorian leap rule', () => {
  assert.equal(daysInMonth(2024, 2), 29);
  assert.equal(daysInMonth(2100, 2), 28);
  assert.equal(daysInMonth(2000, 2), 29);
  assert.equal(daysInMonth(2026, 4), 30);
  assert.equal(daysInMonth(2026, 12), 31);
});

test('a malformed date is a programmer error', () => {
  assert.throws(() => dayNumberOf('2026-1-5'));
});
