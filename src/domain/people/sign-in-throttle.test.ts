import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkSignInThrottle, type SignInThrottle } from './sign-in-throttle.ts';

const LIMITS = { windowMs: 15 * 60_000, backoffAfterFailures: 3, lockUserFailures: 10, lockIpFailures: 30 };
const T = 1_000_000_000;
const at = (...seconds: number[]) => seconds.map((s) => T + s * 1000);

const CASES: { name: string; user: number[]; ip: number[]; now: number; expected: SignInThrottle }[] = [
  { name: 'no failures', user: [], ip: [], now: T, expected: { ok: true } },
  { name: 'two failures: no wait', user: at(0, 1), ip: at(0, 1), now: T + 1000, expected: { ok: true } },
  { name: 'third failure: wait 1 s', user: at(0, 1, 2), ip: at(0, 1, 2), now: T + 2500,
    expected: { ok: false, reason: 'backoff', retryAtMs: T + 3000 } },
  { name: 'third failure: boundary, 1 s later', user: at(0, 1, 2), ip: at(0, 1, 2), now: T + 3000,
    expected: { ok: true } },
  { name: 'fifth failure: wait 4 s', user: at(0, 1, 2, 4, 10), ip: at(0, 1, 2, 4, 10), now: T + 13_999,
    expected: { ok: false, reason: 'backoff', retryAtMs: T + 14_000 } },
  { name: 'ten failures: locked for the window after the last', user: at(0, 1, 2, 4, 8, 16, 32, 64, 128, 256),
    ip: [], now: T + 400_000, expected: { ok: false, reason: 'locked', retryAtMs: T + 256_000 + 900_000 } },
  { name: 'an address with 30 failures is locked whatever the name',
    user: [], ip: Array.from({ length: 31 }, (_, i) => T + i * 1000), now: T + 40_000,
    expected: { ok: false, reason: 'locked', retryAtMs: T + 1000 + 900_000 } },
  { name: 'an address with 29 failures is not', user: [], ip: Array.from({ length: 29 }, (_, i) => T + i),
    now: T + 40_000, expected: { ok: true } },
];

for (const row of CASES) {
  test(`sign-in throttle: ${row.name}`, () => {
    const failures = { userFailuresMs: row.user, ipFailuresMs: row.ip };
    assert.deepEqual(checkSignInThrottle(failures, row.now, LIMITS), row.expected);
  });
}
