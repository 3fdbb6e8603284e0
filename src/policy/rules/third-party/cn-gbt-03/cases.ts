import { attempt, attempts, cnSituation, type RuleCase } from '../../rule-case.ts';

const contact = { partyId: 'c-1', role: 'contact_person' as const, relationship: 'sibling' as const,
  contactPointId: 'cp-9' };
const neutral = { purpose: 'obtain_contact' as const };
const now = '2026-03-10T06:00:00Z';

export const cases: RuleCase[] = [
  {
    name: 'two failed attempts do not make the debtor unreachable',
    now, situation: cnSituation({ ...neutral, target: contact, history: attempts(2, '2026-03-09T02:00:00Z',
      'no_answer') }),
    expect: { result: 'deny', reason: 'debtor_reachable', detail: { consecutiveFailures: 2, needed: 3 } },
  },
  {
    name: 'three consecutive failed attempts open the contact-person path',
    boundary: 'the third consecutive failed attempt is the one that makes the debtor unreachable',
    now, situation: cnSituation({ ...neutral, target: contact, history: attempts(3, '2026-03-09T02:00:00Z',
      'no_answer') }),
    expect: { result: 'allow', reason: 'debtor_unreachable', detail: { consecutiveFailures: 3 } },
  },
  {
    name: 'a connection after failures resets the count',
    now,
    situation: cnSituation({ ...neutral, target: contact, history: [...attempts(3, '2026-03-09T02:00:00Z',
      'no_answer'),
      attempt('2026-03-09T05:00:00Z', 'connected'), attempt('2026-03-09T06:00:00Z', 'busy')] }),
    expect: { result: 'deny', reason: 'debtor_reachable', detail: { consecutiveFailures: 1, needed: 3 } },
  },
  {
    name: 'every known number of the debtor is invalid',
    now, situation: cnSituation({ ...neutral, target: contact, borrower: { allNumbersInvalid: true } }),
    expect: { result: 'allow', reason: 'debtor_unreachable', detail: { consecutiveFailures: 0 } },
  },
  {
    name: 'a contact person who refused is never contacted again',
    now,
    situation: cnSituation({ ...neutral, target: contact, borrower: { allNumbersInvalid: true },
      history: [attempt('2026-02-01T03:00:00Z', 'refused', { partyId: 'c-1', contactPointId: 'cp-9' })] }),
    expect: { result: 'deny', reason: 'contact_person_refused', detail: null },
  },
  {
    name: 'the borrower asked to stop contacting their contacts',
    now,
    situation: cnSituation({ ...neutral, target: contact, borrower: { allNumbersInvalid: true },
      agreements: [{ kind: 'stop_third_party_contact', partyId: 'b-1',
        recordedAt: '2026-03-01T00:00:00Z' }] }),
    expect: { result: 'deny', reason: 'borrower_stopped_third_party_contact', detail: null },
  },
  {
    name: 'the debtor has died',
    now, situation: cnSituation({ ...neutral, target: contact, holds: [{ kind: 'deceased',
      startedAt: '2026-03-01T00:00:00Z' }] }),
    expect: { result: 'allow', reason: 'debtor_deceased', detail: null },
  },
  {
    name: 'the debtor is contacted directly',
    now, situation: cnSituation(),
    expect: { result: 'allow', reason: 'target_is_debtor', detail: null },
  },
  {
    name: 'the debtor lacks civil capacity',
    now, situation: cnSituation({ ...neutral, target: contact, holds: [{ kind: 'incapacitated',
      startedAt: '2026-03-01T00:00:00Z' }] }),
    expect: { result: 'allow', reason: 'debtor_incapacitated', detail: null },
  },
  {
    name: 'a guarantor is contacted',
    now, situation: cnSituation({ target: { partyId: 'g-1', role: 'guarantor', relationship: 'guarantor',
      contactPointId: 'cp-3' } }),
    expect: { result: 'allow', reason: 'target_is_liable_or_counsel', detail: null },
  },
];
