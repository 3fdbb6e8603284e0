// The cut of a long contact history to SITUATION_HISTORY_ITEMS_MAX attempts: it keeps the newest
// attempts and, before them, every older one a whole-history rule reads, so a contact person who
// refused long ago and 10,000 calls since is still refused (CN-GBT-03). Built from a hand-made
// borrower file and judged by the shipped gate, with no database.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SITUATION_HISTORY_ITEMS_MAX } from '../../config/limits.ts';
import type { HistoryRead, HistoryView } from '../../policy/rules/look-back.ts';
import { buildSituation } from './build-situation.ts';
import { keepHistory } from './keep-history.ts';
import type { AttemptRow, BorrowerFile, PartyRow } from './load-borrower-files.ts';
import { defaultPolicyGate } from './policy-gate.ts';

const party = (id: bigint, externalId: string, kind: PartyRow['kind'], relationship: string): PartyRow => ({
  id, external_id: externalId, kind, borrower_id: 1n, relationship, time_zone: 'Asia/Shanghai',
  extra_time_zones: [], do_not_contact_since: null, employer_prohibits_contact_since: null,
});
const attempt = (partyId: bigint, startedAt: Date, outcome: string): AttemptRow => ({
  borrower_id: 1n, started_at: startedAt, channel: 'voice', direction: 'outbound', party_id: partyId,
  contact_point_id: partyId === 1n ? 100n : 200n, actor_kind: 'agent', actor_id: 'agent-1', agency_id: null,
  outcome, account_id: 10n, purpose: null, decision_id: 'd',
});

/** A refusal by the borrower's mother, then a call to the borrower every ten minutes, 10,000 of them. */
function longFile(): BorrowerFile {
  const first = Date.parse('2026-01-01T02:00:00Z');
  const calls = Array.from({ length: SITUATION_HISTORY_ITEMS_MAX }, (_, index) =>
    attempt(1n, new Date(first + (index + 1) * 600_000), 'connected'));
  return {
    parties: [party(1n, 'wu', 'borrower', 'self'), party(2n, 'wu-mother', 'contact_person', 'parent')],
    contactPoints: [
      { id: 100n, external_id: 'wu-phone', party_id: 1n, borrower_id: 1n, kind: 'mobile', status: 'valid',
        employer_provided: false, workplace: false },
      {
        id: 200n, external_id: 'wu-mother-phone', party_id: 2n, borrower_id: 1n, kind: 'mobile',
        status: 'valid', employer_provided: false, workplace: false,
      },
    ],
    accounts: [{ id: 10n, external_id: 'wu-1', borrower_id: 1n, jurisdiction: 'CN' }],
    attempts: [attempt(2n, new Date(first), 'refused'), ...calls],
    agreements: [], holds: [], placements: [], inconveniences: [], attorneys: [],
  };
}

test('a refusal before the last 10,000 calls stays in the situation, and the gate refuses the call', () => {
  const file = longFile();
  const built = buildSituation(file, {
    accountId: 'wu-1', channel: 'voice', targetPartyId: 'wu-mother', actor: { kind: 'agent', id: 'agent-1' },
  }, null);
  assert.ok(built.ok);
  const history = built.built.situation.history;
  assert.equal(history.length, SITUATION_HISTORY_ITEMS_MAX);
  assert.deepEqual([history[0]!.partyId, history[0]!.outcome], ['wu-mother', 'refused']);
  // The first call is kept too (the first communication, US-09); the second is the one that gives way.
  const expected = file.attempts.filter((_, index) => index !== 2).map((row) => row.started_at.toISOString());
  assert.deepEqual(history.map((item) => item.at), expected);
  const now = new Date('2026-03-20T02:00:00Z');
  const decision = defaultPolicyGate().evaluators.CN.evaluate(built.built.situation, now);
  const outcome = decision.outcomes.find((item) => item.ruleId === 'CN-GBT-03');
  assert.deepEqual([decision.allowed, outcome?.result, outcome?.reason],
    [false, 'deny', 'contact_person_refused']);
});

const view = (outcome: string): HistoryView => ({
  byBorrower: true, channel: 'voice', outbound: true, outcome, purpose: 'collect', account: null,
});
const refusals: HistoryRead[] = [{ outcomes: ['refused'], keep: 'all' }];

test('the cut lies as early as the kept older attempts leave room for', () => {
  const outcomes = ['refused', 'no_answer', 'refused', 'no_answer', 'no_answer', 'busy', 'connected'];
  assert.deepEqual(keepHistory(outcomes, view, refusals, 7), outcomes);
  assert.deepEqual(keepHistory(outcomes, view, refusals, 5),
    ['refused', 'refused', 'no_answer', 'busy', 'connected']);
  assert.deepEqual(keepHistory(outcomes, view, refusals, 3), ['refused', 'refused', 'connected']);
  assert.deepEqual(keepHistory(outcomes, view, [], 3), ['no_answer', 'busy', 'connected']);
});

test('more attempts to keep than the situation holds is a broken invariant, not a silent cut', () => {
  assert.throws(() => keepHistory(['refused', 'refused', 'refused', 'connected'], view, refusals, 2),
    /the attempts the whole-history rules read exceed 2/);
});
