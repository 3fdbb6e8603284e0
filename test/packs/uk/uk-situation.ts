import { usSituation } from '../../../src/policy/rules/rule-case.ts';
import type { Situation } from '../../../src/policy/situation.ts';
import { UK } from './uk-id.ts';

/** A customer in London called by an agent about account acct-1, with no history. */
export function ukSituation(overrides: Parameters<typeof usSituation>[0] = {}): Situation {
  const situation = usSituation({ ...overrides, borrower: { timeZones: ['Europe/London'], ...overrides.borrower } });
  return { ...situation, pack: UK };
}
