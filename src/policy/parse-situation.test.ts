// Situation validation names every problem by its field path, for the CLI's exit code 2 and the API's 400.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSituation } from './parse-situation.ts';
import { cnSituation } from './rules/rule-case.ts';

const problemsOf = (input: unknown) => {
  const parsed = parseSituation(input);
  return parsed.ok ? [] : parsed.problems.map((problem) => `${problem.path}: ${problem.message}`);
};

test('a complete situation parses', () => {
  assert.equal(parseSituation(cnSituation()).ok, true);
});

test('shape problems name the field', () => {
  const { actor, ...noActor } = cnSituation();
  assert.ok(actor);
  assert.deepEqual(problemsOf(noActor), ['actor: is required']);
  assert.deepEqual(problemsOf({ ...cnSituation(), channel: 'fax' }),
    ['channel: must be one of "voice", "sms", "email", "app_push", "letter", "visit"']);
  assert.deepEqual(problemsOf({ ...cnSituation(), colour: 'red' }), ['colour: is not a known field']);
});

test('meaning problems name the field: zones, instants, fields an action needs', () => {
  const situation = cnSituation({ borrower: { timeZones: ['Asia/Shanghia'] } });
  assert.deepEqual(problemsOf(situation), ['borrower.timeZones.0: "Asia/Shanghia" is not an IANA time zone']);
  const local = cnSituation({ history: [{ at: '2026-03-10T09:00:00', channel: 'voice', partyId: 'b-1',
    actorKind: 'agent',
    outcome: 'no_answer' }] });
  assert.deepEqual(problemsOf(local),
    ['history.0.at: is not an ISO 8601 instant with an offset (e.g. 2026-03-08T09:30:00+08:00)']);
  const unreal = cnSituation({ holds: [{ kind: 'dispute', startedAt: '2026-02-30T09:00:00+08:00' }] });
  assert.deepEqual(problemsOf(unreal),
    ['holds.0.startedAt: is not an ISO 8601 instant with an offset (e.g. 2026-03-08T09:30:00+08:00)']);
  const { channel, ...noChannel } = cnSituation();
  assert.ok(channel);
  assert.deepEqual(problemsOf(noChannel), ['channel: is required when action is "contact"']);
  assert.deepEqual(problemsOf(cnSituation({ actor: { kind: 'agency' } })),
    ['actor.agencyId: is required when actor.kind is "agency"']);
});
