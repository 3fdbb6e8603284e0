// US business days for the validation period: weekends and observed federal holidays are skipped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addUsBusinessDays, federalHolidays } from './us-business-days.ts';

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
