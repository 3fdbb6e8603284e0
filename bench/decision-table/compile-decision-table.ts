import { assert } from '../../src/stdx/assert.ts';

/**
 * A first-hit decision table over flat facts (bankrupt → suppress, 7 calls in 7 days → defer, …),
 * compiled once into plain closures. The product never runs it: it is the evaluator bench's
 * reference answer for the simpler 10-rule table that json-rules-engine and zen-engine are timed on
 * (every answer of theirs is compared with it), and a floor for what such a table costs in plain
 * JavaScript. Each condition becomes a closure specialised to its operator; evaluation walks the
 * rules in order and returns the first hit's preallocated result, so a million rows allocate nothing.
 */
export type TableOperator = 'is' | 'lt' | 'lte' | 'gt' | 'gte';
export type TableCondition = { readonly field: string; readonly op: TableOperator; readonly value: number
  | boolean };
export type TableRule = {
  readonly id: string; readonly when: readonly TableCondition[]; readonly then: string;
};
export type DecisionTable = {
  readonly hitPolicy: 'first';
  readonly rules: readonly TableRule[];
  /** The output when no rule hits. */
  readonly otherwise: string;
};
export type TableFacts = Readonly<Record<string, number | boolean>>;
export type TableHit = { readonly output: string; readonly ruleId: string | null };

type Test = (facts: TableFacts) => boolean;

export function compileDecisionTable(table: DecisionTable): (facts: TableFacts) => TableHit {
  assert(table.hitPolicy === 'first', 'only first-hit tables are supported');
  const tests = table.rules.map((rule) => compileRule(rule));
  const hits = table.rules.map((rule): TableHit => Object.freeze({ output: rule.then, ruleId: rule.id }));
  const otherwise: TableHit = Object.freeze({ output: table.otherwise, ruleId: null });
  const count = tests.length;
  return (facts) => {
    for (let index = 0; index < count; index += 1) if (tests[index]!(facts)) return hits[index]!;
    return otherwise;
  };
}

function compileRule(rule: TableRule): Test {
  assert(rule.when.length > 0, `rule ${rule.id} has no condition`);
  const conditions = rule.when.map(compileCondition);
  if (conditions.length === 1) return conditions[0]!;
  if (conditions.length === 2) {
    const [first, second] = conditions as [Test, Test];
    return (facts) => first(facts) && second(facts);
  }
  return (facts) => conditions.every((condition) => condition(facts));
}

function compileCondition(condition: TableCondition): Test {
  const { field, value } = condition;
  switch (condition.op) {
    case 'is': return (facts) => facts[field] === value;
    case 'lt': return (facts) => (facts[field] as number) < (value as number);
    case 'lte': return (facts) => (facts[field] as number) <= (value as number);
    case 'gt': return (facts) => (facts[field] as number) > (value as number);
    case 'gte': return (facts) => (facts[field] as number) >= (value as number);
  }
}
