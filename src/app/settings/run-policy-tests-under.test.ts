// A lender's policy tests run under the lender's settings of each case's own pack, with the file's
// `settings` laid over them; without lender settings a file runs exactly as before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runPolicyTestsUnder } from './run-policy-tests-under.ts';

const call = (pack: 'CN' | 'US', time: string) => ({
  time, pack, action: 'contact', channel: 'voice', accountId: 'acct-1',
  borrower: { id: 'b-1', timeZones: [pack === 'CN' ? 'Asia/Shanghai' : 'America/New_York'] },
  target: { partyId: 'b-1', role: 'borrower', contactPointId: 'cp-1' },
  actor: { kind: 'agent', id: 'a-7' }, history: [], agreements: [], optOuts: [], holds: [],
});
const LENDER = { CN: { quiet_hours: { allowed_start: '09:00', allowed_end: '20:00' } } };
const cases = [
  { name: 'CN at 08:30', situation: call('CN', '2026-03-10T08:30:00+08:00'), expect: { allowed: false } },
  { name: 'US at 08:30', situation: call('US', '2026-03-10T08:30:00-05:00'), expect: { allowed: true } },
];
const passed = (document: unknown, lender: Parameters<typeof runPolicyTestsUnder>[1]) => {
  const run = runPolicyTestsUnder(document, lender);
  assert.ok(run.ok, JSON.stringify(run));
  return run.results.map((result) => `${result.name}: ${result.passed}`);
};

test('each case is decided under its own pack\'s lender settings', () => {
  assert.deepEqual(passed({ cases }, LENDER), ['CN at 08:30: true', 'US at 08:30: true']);
  assert.deepEqual(passed({ cases }, {}), ['CN at 08:30: false', 'US at 08:30: true']);
});

test('the file\'s own settings are laid over the lender\'s', () => {
  const document = { settings: { quiet_hours: { allowed_start: '08:00' } }, cases: cases.slice(0, 1) };
  assert.deepEqual(passed(document, LENDER), ['CN at 08:30: false']);
});

test('a problem names the case by its index in the file', () => {
  const broken = { cases: [cases[0], { ...cases[0], situation: { ...call('CN', 'soon') } }] };
  const run = runPolicyTestsUnder(broken, LENDER);
  assert.ok(!run.ok);
  assert.deepEqual(run.problems.map((problem) => problem.path), ['cases.1.situation.time']);
});
