import { usSituation, type RuleCase } from '../../rule-case.ts';

const now = '2026-03-10T15:00:00Z';
const attorney = { id: 'atty-1', accountId: 'acct-1', learnedAt: '2026-03-05T15:00:00Z' } as const;

export const cases: RuleCase[] = [
  {
    name: 'a call to a consumer known to be represented about this debt',
    now, situation: usSituation({ attorneys: [attorney] }),
    expect: { result: 'deny', reason: 'represented_by_attorney', detail: { attorney: 'atty-1' } },
  },
  {
    name: 'the same call the instant before the collector learned of the attorney',
    boundary: 'the representation binds from the moment it is known, not before',
    now: '2026-03-05T14:59:59Z', situation: usSituation({ attorneys: [attorney] }),
    expect: { result: 'allow', reason: 'no_attorney_known', detail: null },
  },
  {
    name: 'the attorney failed to respond within a reasonable period',
    now, situation: usSituation({ attorneys: [{ ...attorney, failedToRespond: true }] }),
    expect: { result: 'allow', reason: 'attorney_failed_to_respond', detail: null },
  },
  {
    name: 'the attorney consented to direct contact',
    now, situation: usSituation({ attorneys: [{ ...attorney, consentsToDirectContact: true }] }),
    expect: { result: 'allow', reason: 'attorney_consented_to_direct_contact', detail: null },
  },
  {
    name: 'an attorney for another debt does not bind this one',
    now, situation: usSituation({ attorneys: [{ ...attorney, accountId: 'acct-2' }] }),
    expect: { result: 'allow', reason: 'no_attorney_known', detail: null },
  },
  {
    name: 'a letter to the represented consumer is a communication too',
    now, situation: usSituation({ channel: 'letter',
      attorneys: [{ id: 'atty-1', learnedAt: '2026-03-05T15:00:00Z' }] }),
    expect: { result: 'deny', reason: 'represented_by_attorney', detail: { attorney: 'atty-1' } },
  },
  {
    name: 'a third party asked for location information once the consumer has an attorney',
    now, situation: usSituation({ purpose: 'location_information', attorneys: [attorney],
      target: { partyId: 'c-1', role: 'contact_person', relationship: 'friend', contactPointId: 'cp-c' } }),
    expect: { result: 'deny', reason: 'represented_by_attorney', detail: { attorney: 'atty-1' } },
  },
  {
    name: 'a call to the attorney',
    now, situation: usSituation({ attorneys: [attorney],
      target: { partyId: 'atty-1', role: 'attorney', contactPointId: 'cp-atty' } }),
    expect: { result: 'not_applicable', reason: 'target_not_covered', detail: null },
  },
];
