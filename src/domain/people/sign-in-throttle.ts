/**
 * Whether a sign-in may be tried now, from the failures recorded in the window. Per user: after a
 * few failures each further try waits twice as long as the one before (1 s, 2 s, 4 s, …), and
 * after more the user is locked until the window has passed since the last failure. Per address:
 * many failures lock the address out, whichever names it tries. A refused try is not itself a
 * failure, so waiting it out always works. Pure: times are epoch milliseconds.
 */
type SignInThrottleLimits = {
  windowMs: number;
  backoffAfterFailures: number;
  lockUserFailures: number;
  lockIpFailures: number;
};

type SignInFailures = {
  /** Failures of this username in the window since its last success, oldest first. */
  userFailuresMs: readonly number[];
  /** Failures from this address in the window, oldest first. */
  ipFailuresMs: readonly number[];
};

export type SignInThrottle = { ok: true } | { ok: false; reason: 'locked' | 'backoff'; retryAtMs: number };

export function checkSignInThrottle(
  failures: SignInFailures, nowMs: number, limits: SignInThrottleLimits,
): SignInThrottle {
  const ipCount = failures.ipFailuresMs.length;
  if (ipCount >= limits.lockIpFailures) {
    // The address is free again when the oldest failure that keeps it over the limit leaves the window.
    const freeing = failures.ipFailuresMs[ipCount - limits.lockIpFailures]!;
    return { ok: false, reason: 'locked', retryAtMs: freeing + limits.windowMs };
  }
  const count = failures.userFailuresMs.length;
  const last = failures.userFailuresMs[count - 1];
  if (last === undefined) return { ok: true };
  if (count >= limits.lockUserFailures) {
    return { ok: false, reason: 'locked', retryAtMs: last + limits.windowMs };
  }
  if (count < limits.backoffAfterFailures) return { ok: true };
  const waitMs = 1000 * 2 ** (count - limits.backoffAfterFailures);
  return nowMs >= last + waitMs ? { ok: true } : { ok: false, reason: 'backoff', retryAtMs: last + waitMs };
}
