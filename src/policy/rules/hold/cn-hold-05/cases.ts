import { cnSituation, type RuleCase } from '../../rule-case.ts';

const stay = { kind: 'legal_moratorium' as const, startedAt: '2026-03-01T00:00:00Z',
  endedAt: '2026-05-01T00:00:00Z' };
const now = '2026-03-10T06:00:00Z';

export const cases: RuleCase[] = [
  {
    name: 'an SMS reminder during a moratorium waits for its end',
    now, situation: cnSituation({ channel: 'sms', holds: [stay] }),
    expect: { result: 'deny', reason: 'collection_stayed', nextAllowedAt: '2026-05-01T00:00:00.000Z',
      detail: null },
  },
  {
    name: 'confirming a payment the borrower made',
    now, situation: cnSituation({ channel: 'sms', purpose: 'service', holds: [stay] }),
    expect: { result: 'allow', reason: 'service_contact_during_stay', detail: null },
  },
  {
    name: 'the day the moratorium ends',
    boundary: 'the instant the moratorium ends',
    now: '2026-05-01T00:00:00Z', situation: cnSituation({ holds: [stay] }),
    expect: { result: 'allow', reason: 'no_stay', detail: null },
  },
];
