import { definePack } from '../../../src/policy/pack.ts';
import { PACKS, type PackRegistry } from '../../../src/policy/packs/packs.ts';
import type { RuleCase } from '../../../src/policy/rules/rule-case.ts';
import { cases as uk05Cases } from './rules/frequency/uk-05/cases.ts';
import { rule as uk05 } from './rules/frequency/uk-05/rule.ts';
import { cases as uk04Cases } from './rules/time/uk-04/cases.ts';
import { rule as uk04 } from './rules/time/uk-04/rule.ts';
import { UK } from './uk-id.ts';

/**
 * A third pack, kept in the tests to show what adding a pack takes: rule folders (rule.ts and a
 * cases.ts table each), a pack definition, and one line in a registry. It holds the UK's CONC 7
 * contact-time and contact-frequency rules; it is not shipped, so it extends PACKS here only.
 */
export const UK_PACK = definePack({
  id: UK,
  title: 'United Kingdom: FCA Handbook CONC 7 (contact times and frequency)',
  locale: 'en',
  rules: [uk04, uk05],
});

/** PACKS with the UK pack added: the one registry line a shipped pack would take. */
export const PACKS_WITH_UK: PackRegistry = { ...PACKS, UK: UK_PACK };

export const UK_RULE_TABLES = [
  { rule: uk04, cases: uk04Cases, folder: 'time/uk-04' },
  { rule: uk05, cases: uk05Cases, folder: 'frequency/uk-05' },
] as const satisfies readonly { rule: unknown; cases: readonly RuleCase[]; folder: string }[];
