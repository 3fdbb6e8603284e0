// The seeded simulation as a normal test: fixed seeds over the weeks of the 2026 US daylight-saving
// changes (2026-03-08 and 2026-11-01 in America/New_York), checking every invariant after every step,
// with calls and texts that name their number and calls and texts that leave it to the gate, and
// borrowers who said when and where they may be reached or who have an attorney.
// A failure message carries the seed; `node test/simulation/run.ts --seed S --start DATE --days D`
// replays it exactly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simulate } from './simulate.ts';

for (const [seed, start] of [[20260308, '2026-03-05'], [20261101, '2026-10-29']] as const) {
  test(`simulation seed ${seed} from ${start}: every invariant holds after every step`, () => {
    const report = simulate({ seed, start, days: 7, borrowers: 12 });
    assert.equal(report.violation, null, `seed ${seed}: ${report.violation}`);
    // The run must exercise the gate both ways, or it proves nothing.
    assert.ok(report.executed > 50, `only ${report.executed} actions executed`);
    assert.ok(report.denied > 50, `only ${report.denied} proposals denied`);
    assert.ok(report.nextAllowedChecked > 20, `only ${report.nextAllowedChecked} next-allowed instants checked`);
    // And both ways of naming a number: left to the gate and carried out, left to it and refused.
    assert.ok(report.executedUnnamed > 50, `only ${report.executedUnnamed} executed without a number named`);
    assert.ok(report.refused > 50, `only ${report.refused} proposals refused for want of a number`);
    // And what borrowers said: times, places and attorneys refuse contacts, requested calls go ahead.
    assert.ok(report.deniedByStatements > 10, `only ${report.deniedByStatements} denied by statements`);
    assert.ok(report.requestedCallbacks > 0, `no requested call back was made`);
  });
}

test('the same seed replays the same run', () => {
  const first = simulate({ seed: 7, start: '2026-03-06', days: 2, borrowers: 6 });
  assert.deepEqual(simulate({ seed: 7, start: '2026-03-06', days: 2, borrowers: 6 }), first);
});
