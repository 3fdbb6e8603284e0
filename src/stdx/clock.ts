/**
 * The only place that reads the wall clock. Everything else receives `now` as a parameter, so the
 * policy engine, the cycle and the simulator are deterministic and replayable.
 */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(instant: Date): Clock {
  return { now: () => new Date(instant.getTime()) };
}
