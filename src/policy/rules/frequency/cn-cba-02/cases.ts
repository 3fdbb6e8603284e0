import type { Attempt } from '../../../situation.ts';
import { attempts, cnSituation, type RuleCase } from '../../rule-case.ts';

const six = attempts(6, '2026-03-10T01:00:00Z', 'no_answer');
/** The same attempts as history written before every call recorded the number it dialled. */
const numberUnknown = (list: Attempt[]): Attempt[] => list.map(({ contactPointId: _, ...rest }) => rest);
const onOtherNumber = attempts(5, '2026-03-10T02:00:00Z', 'no_answer', { contactPointId: 'cp-2' });

export const cases: RuleCase[] = [
  {
    name: 'seventh attempt on the same number after six unanswered is refused until local midnight',
    now: '2026-03-10T06:00:00Z', situation: cnSituation({ history: six }),
    expect: { result: 'deny', reason: 'daily_unanswered_attempt_cap_reached',
      nextAllowedAt: '2026-03-10T16:00:00.000Z', detail: { count: 6, limit: 6, zone: 'Asia/Shanghai' } },
  },
  {
    name: 'sixth attempt is allowed',
    boundary: 'five unanswered attempts on the number today; the sixth is the last one under the limit',
    now: '2026-03-10T06:00:00Z', situation: cnSituation({ history: six.slice(0, 5) }),
    expect: { result: 'allow', reason: 'under_daily_attempt_cap',
      detail: { count: 5, limit: 6, zone: 'Asia/Shanghai' } },
  },
  {
    name: 'a different number of the same borrower has its own count',
    now: '2026-03-10T06:00:00Z',
    situation: cnSituation({ history: six, target: { contactPointId: 'cp-2' } }),
    expect: { result: 'allow', reason: 'under_daily_attempt_cap',
      detail: { count: 0, limit: 6, zone: 'Asia/Shanghai' } },
  },
  {
    name: 'a lender that set the soft limit to warn gets a warning, not a denial',
    now: '2026-03-10T06:00:00Z', situation: cnSituation({ history: six }),
    settings: { unanswered_attempts: { level: 'warn' } },
    expect: { result: 'warn', reason: 'daily_unanswered_attempt_cap_reached',
      detail: { count: 6, limit: 6, zone: 'Asia/Shanghai' } },
  },
  {
    name: 'the borrower agreed to more calls',
    now: '2026-03-10T06:00:00Z',
    situation: cnSituation({ history: six, agreements: [{ kind: 'channel_consent', partyId: 'b-1',
      channel: 'voice',
      recordedAt: '2026-03-10T02:00:00Z' }] }),
    expect: { result: 'allow', reason: 'agreed_with_person', detail: null },
  },
  {
    name: 'attempts to the person whose number was not recorded count against the number asked about',
    now: '2026-03-10T06:00:00Z',
    situation: cnSituation({ history: [...six.slice(0, 3), ...numberUnknown(six.slice(3))] }),
    expect: { result: 'deny', reason: 'daily_unanswered_attempt_cap_reached',
      nextAllowedAt: '2026-03-10T16:00:00.000Z', detail: { count: 6, limit: 6, zone: 'Asia/Shanghai' } },
  },
  {
    name: 'five attempts, some with their number not recorded, leave the sixth',
    boundary: 'two attempts on the number and three whose number is unknown: one more is still under '
      + 'the limit',
    now: '2026-03-10T06:00:00Z',
    situation: cnSituation({ history: [...six.slice(0, 2), ...numberUnknown(six.slice(3))] }),
    expect: { result: 'allow', reason: 'under_daily_attempt_cap',
      detail: { count: 5, limit: 6, zone: 'Asia/Shanghai' } },
  },
  {
    name: 'attempts to another person whose number was not recorded do not count against this number',
    now: '2026-03-10T06:00:00Z',
    situation: cnSituation({ history: [...six.slice(0, 5),
      ...numberUnknown(attempts(3, '2026-03-10T03:00:00Z', 'no_answer', { partyId: 'c-1' }))] }),
    expect: { result: 'allow', reason: 'under_daily_attempt_cap',
      detail: { count: 5, limit: 6, zone: 'Asia/Shanghai' } },
  },
  {
    name: 'when the number asked about is not named, it may be the one already at the limit',
    now: '2026-03-10T06:00:00Z',
    situation: cnSituation({ history: [...six, ...onOtherNumber], target: { contactPointId: undefined } }),
    expect: { result: 'deny', reason: 'daily_unanswered_attempt_cap_reached',
      nextAllowedAt: '2026-03-10T16:00:00.000Z', detail: { count: 6, limit: 6, zone: 'Asia/Shanghai' } },
  },
  {
    name: 'when the number asked about is not named, the busiest number decides',
    boundary: 'five attempts on each of two numbers: whichever is dialled, the sixth is under the limit',
    now: '2026-03-10T06:00:00Z',
    situation: cnSituation({ history: [...six.slice(0, 5), ...onOtherNumber],
      target: { contactPointId: undefined } }),
    expect: { result: 'allow', reason: 'under_daily_attempt_cap',
      detail: { count: 5, limit: 6, zone: 'Asia/Shanghai' } },
  },
];
