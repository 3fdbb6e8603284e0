import { attempts, cnSituation, type RuleCase } from '../../rule-case.ts';

const six = attempts(6, '2026-03-10T01:00:00Z', 'no_answer');

export const cases: RuleCase[] = [
  {
    name: 'seventh attempt on the same number after six unanswered is refused until local midnight',
    now: '2026-03-10T06:00:00Z', situation: cnSituation({ history: six }),
    expect: { result: 'deny', reason: 'daily_unanswered_attempt_cap_reached',
      nextAllowedAt: '2026-03-10T16:00:00.000Z' },
  },
  {
    name: 'sixth attempt is allowed',
    boundary: 'five unanswered attempts on the number today; the sixth is the last one under the limit',
    now: '2026-03-10T06:00:00Z', situation: cnSituation({ history: six.slice(0, 5) }),
    expect: { result: 'allow', reason: 'under_daily_attempt_cap' },
  },
  {
    name: 'a different number of the same borrower has its own count',
    now: '2026-03-10T06:00:00Z',
    situation: cnSituation({ history: six, target: { contactPointId: 'cp-2' } }),
    expect: { result: 'allow', reason: 'under_daily_attempt_cap' },
  },
  {
    name: 'a lender that set the soft limit to warn gets a warning, not a denial',
    now: '2026-03-10T06:00:00Z', situation: cnSituation({ history: six }),
    settings: { unanswered_attempts: { level: 'warn' } },
    expect: { result: 'warn', reason: 'daily_unanswered_attempt_cap_reached' },
  },
  {
    name: 'the borrower agreed to more calls',
    now: '2026-03-10T06:00:00Z',
    situation: cnSituation({ history: six, agreements: [{ kind: 'channel_consent', partyId: 'b-1',
      channel: 'voice',
      recordedAt: '2026-03-10T02:00:00Z' }] }),
    expect: { result: 'allow', reason: 'agreed_with_person' },
  },
];
