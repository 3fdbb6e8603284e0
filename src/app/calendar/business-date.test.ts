// The product's "today" is the calendar date in Asia/Shanghai (UTC+8, no daylight saving): it turns
// at 16:00 UTC, not at midnight UTC.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BUSINESS_TIME_ZONE, businessDate } from './business-date.ts';

test('the business date turns at midnight in Beijing', () => {
  assert.equal(BUSINESS_TIME_ZONE, 'Asia/Shanghai');
  assert.equal(businessDate(new Date('2026-03-10T15:59:59.999Z')), '2026-03-10');
  assert.equal(businessDate(new Date('2026-03-10T16:00:00Z')), '2026-03-11');
  assert.equal(businessDate(new Date('2026-12-31T16:00:00Z')), '2027-01-01');
});
