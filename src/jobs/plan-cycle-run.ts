import { Temporal } from 'temporal-polyfill';
import type { CycleTime } from '../config/config.ts';
import { CYCLE_CATCH_UP_DAYS_MAX } from '../config/limits.ts';
import {
  addDays, civilDateInZone, daysBetween, minCivil, type CivilDate,
} from '../stdx/civil-date.ts';

/** When the daily cycle runs: at `at` on the clock of `zone`, for the business date of that instant. */
export type CycleSchedule = Readonly<{
  at: CycleTime;
  zone: string;
  /** The zone whose calendar date is the business date (the product's "today"). */
  businessZone: string;
}>;

type CycleRunPlan = {
  /** The dates to run now, in order, or null when every date due has completed. */
  due: { from: CivilDate; through: CivilDate } | null;
  /** The first scheduled time after `now`. */
  nextRunAt: Date;
};

/**
 * What the scheduler runs at `now`: every date after the last completed one through the business
 * date of the latest scheduled time at or before `now`, and when it runs again. A database no cycle
 * has run on starts at that business date. A local time that a daylight-saving change skips runs
 * as late as the change shifts it (02:30 on New York's spring-forward day runs at 03:30), one that
 * occurs twice runs at the first. At most CYCLE_CATCH_UP_DAYS_MAX dates are due at once; the
 * next tick runs the rest.
 */
export function planCycleRun(options: {
  now: Date; schedule: CycleSchedule; lastCompleted: CivilDate | null;
}): CycleRunPlan {
  const { now, schedule, lastCompleted } = options;
  const today = civilDateInZone(now, schedule.zone);
  const todayAt = scheduledAt(today, schedule);
  const latest = todayAt <= now.getTime() ? todayAt : scheduledAt(addDays(today, -1), schedule);
  const next = todayAt > now.getTime() ? todayAt : scheduledAt(addDays(today, 1), schedule);
  const dueThrough = civilDateInZone(new Date(latest), schedule.businessZone);
  const from = lastCompleted === null ? dueThrough : addDays(lastCompleted, 1);
  const due = daysBetween(from, dueThrough) < 0 ? null
    : { from, through: minCivil(dueThrough, addDays(from, CYCLE_CATCH_UP_DAYS_MAX - 1)) };
  return { due, nextRunAt: new Date(next) };
}

/** Epoch milliseconds of the scheduled time on a local date of the schedule's zone. */
function scheduledAt(date: CivilDate, schedule: CycleSchedule): number {
  return Temporal.PlainDate.from(date)
    .toZonedDateTime({ timeZone: schedule.zone, plainTime: Temporal.PlainTime.from(schedule.at) })
    .epochMilliseconds;
}
