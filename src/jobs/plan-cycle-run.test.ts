// What the cycle scheduler runs at a given instant and when it wakes next, on a table of instants:
// before, at and after the scheduled time in Shanghai (no daylight saving), a server down for three
// days, a database no cycle has run on, a demo that already ran today before the scheduled time,
// the catch-up bound, New York's spring-forward and fall-back days, and a schedule zone whose date
// differs from the business date.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CYCLE_CATCH_UP_DAYS_MAX } from '../config/limits.ts';
import { addDays } from '../stdx/civil-date.ts';
import { planCycleRun, type CycleSchedule } from './plan-cycle-run.ts';

const SHANGHAI: CycleSchedule =
  { at: { hour: 2, minute: 30 }, zone: 'Asia/Shanghai', businessZone: 'Asia/Shanghai' };
const NEW_YORK: CycleSchedule = { ...SHANGHAI, zone: 'America/New_York' };

type Case = {
  name: string; schedule: CycleSchedule; now: string; lastCompleted: string | null;
  due: [string, string] | null; nextRunAt: string;
};

const CASES: Case[] = [
  { name: 'a minute before 02:30 Shanghai: yesterday is the last date due', schedule: SHANGHAI,
    now: '2026-12-02T02:29:00+08:00', lastCompleted: '2026-11-30',
    due: ['2026-12-01', '2026-12-01'], nextRunAt: '2026-12-01T18:30:00.000Z' },
  { name: 'at 02:30 Shanghai today is due, and tomorrow is next', schedule: SHANGHAI,
    now: '2026-12-02T02:30:00+08:00', lastCompleted: '2026-12-01',
    due: ['2026-12-02', '2026-12-02'], nextRunAt: '2026-12-02T18:30:00.000Z' },
  { name: 'today done: nothing due until tomorrow 02:30', schedule: SHANGHAI,
    now: '2026-12-02T10:00:00+08:00', lastCompleted: '2026-12-02',
    due: null, nextRunAt: '2026-12-02T18:30:00.000Z' },
  { name: 'down three days: the three missing dates in order', schedule: SHANGHAI,
    now: '2026-12-02T10:00:00+08:00', lastCompleted: '2026-11-29',
    due: ['2026-11-30', '2026-12-02'], nextRunAt: '2026-12-02T18:30:00.000Z' },
  { name: 'no cycle ever ran: only the business date due', schedule: SHANGHAI,
    now: '2026-12-02T10:00:00+08:00', lastCompleted: null,
    due: ['2026-12-02', '2026-12-02'], nextRunAt: '2026-12-02T18:30:00.000Z' },
  { name: 'the demo ran today at 01:00, before 02:30: nothing runs twice or backwards', schedule: SHANGHAI,
    now: '2026-12-02T01:00:00+08:00', lastCompleted: '2026-12-02',
    due: null, nextRunAt: '2026-12-01T18:30:00.000Z' },
  { name: 'New York spring forward: 02:30 does not exist, it runs at 03:30 EDT', schedule: NEW_YORK,
    now: '2026-03-08T07:00:00Z', lastCompleted: '2026-03-07',
    due: null, nextRunAt: '2026-03-08T07:30:00.000Z' },
  { name: 'New York spring forward, at 03:30 EDT: the business date (Shanghai) is due', schedule: NEW_YORK,
    now: '2026-03-08T07:30:00Z', lastCompleted: '2026-03-07',
    due: ['2026-03-08', '2026-03-08'], nextRunAt: '2026-03-09T06:30:00.000Z' },
  { name: 'New York fall back: 02:00 EST is still before 02:30 EST', schedule: NEW_YORK,
    now: '2026-11-01T07:00:00Z', lastCompleted: '2026-10-31',
    due: null, nextRunAt: '2026-11-01T07:30:00.000Z' },
  { name: 'New York fall back: 01:30 occurs twice and runs at the first', schedule:
      { ...NEW_YORK, at: { hour: 1, minute: 30 } },
    now: '2026-11-01T05:00:00Z', lastCompleted: '2026-10-31',
    due: null, nextRunAt: '2026-11-01T05:30:00.000Z' },
  { name: 'Auckland 02:30 is 21:30 the day before in Shanghai: that business date', schedule:
      { ...SHANGHAI, zone: 'Pacific/Auckland' },
    now: '2026-12-01T14:00:00Z', lastCompleted: '2026-11-30',
    due: ['2026-12-01', '2026-12-01'], nextRunAt: '2026-12-02T13:30:00.000Z' },
  { name: 'UTC midnight is 08:00 in Shanghai: the new business date', schedule:
      { ...SHANGHAI, zone: 'UTC', at: { hour: 0, minute: 0 } },
    now: '2026-12-02T00:00:00Z', lastCompleted: '2026-12-01',
    due: ['2026-12-02', '2026-12-02'], nextRunAt: '2026-12-03T00:00:00.000Z' },
  { name: 'a gap beyond the catch-up bound: the first CYCLE_CATCH_UP_DAYS_MAX dates', schedule: SHANGHAI,
    now: '2026-12-02T10:00:00+08:00', lastCompleted: '2000-01-01',
    due: ['2000-01-02', addDays('2000-01-02', CYCLE_CATCH_UP_DAYS_MAX - 1)],
    nextRunAt: '2026-12-02T18:30:00.000Z' },
];

for (const row of CASES) {
  test(`planCycleRun: ${row.name}`, () => {
    const { schedule, lastCompleted } = row;
    const plan = planCycleRun({ now: new Date(row.now), schedule, lastCompleted });
    assert.deepEqual(
      { due: plan.due, nextRunAt: plan.nextRunAt.toISOString() },
      { due: row.due === null ? null : { from: row.due[0], through: row.due[1] }, nextRunAt: row.nextRunAt },
    );
  });
}
