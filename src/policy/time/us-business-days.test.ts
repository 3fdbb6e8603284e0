// US business days for the validation period: weekends and observed federal holidays are skipped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dayNumberOf } from '../../stdx/day-number.ts';
import { addUsBusinessDays, federalHolidays, usBusinessDaysAfter } from './us-business-days.ts';
import { civilDateOfDay } from './zone-clock.ts';

test('federal holidays of 2026, with Independence Day (a Saturday) observed on Friday 3 July', () => {
  assert.deepEqual([...federalHolidays(2026)].sort(), [
    '2026-01-01', '2026-01-19', '2026-02-16', '2026-05-25', '2026-06-19', '2026-07-03', '2026-09-07',
    '2026-10-12', '2026-11-11', '2026-11-26', '2026-12-25',
  ]);
});

test('five business days after Wednesday 2026-11-25 skip Thanksgiving and the weekend', () => {
  assert.equal(addUsBusinessDays('2026-11-25', 5), '2026-12-03');
  assert.equal(addUsBusinessDays('2026-03-02', 5), '2026-03-09');
});

test('business days after each day of 2025–2028, counted one by one, whichever is asked first', () => {
  const first = dayNumberOf('2025-01-01');
  const last = dayNumberOf('2028-12-31');
  for (const days of [5, 1, 0, 12]) {
    for (let day = last; day >= first; day -= 3) {
      let expected = day;
      for (let remaining = days; remaining > 0;) {
        expected += 1;
        const date = civilDateOfDay(expected);
        const weekday = (expected + 4) % 7; // 1970-01-01 was a Thursday; 0 is Sunday.
        const holiday = federalHolidays(Number(date.slice(0, 4))).has(date);
        if (weekday !== 0 && weekday !== 6 && !holiday) remaining -= 1;
      }
      assert.equal(usBusinessDaysAfter(day, days), expected, `${civilDateOfDay(day)} + ${days}`);
      assert.equal(addUsBusinessDays(civilDateOfDay(day), days), civilDateOfDay(expected));
    }
  }
});
