import { fileURLToPath } from 'node:url';
import { compile, US_PACK } from '../src/policy/index.ts';
import type { Situation } from '../src/policy/situation.ts';
import {
  compileDecisionTable, type DecisionTable, type TableCondition, type TableFacts,
} from '../src/policy/table/compile-decision-table.ts';
import { createRandom } from '../src/stdx/random.ts';

/**
 * The evaluator beside json-rules-engine and @gorules/zen-engine, in one run, on the same 10-rule
 * first-hit contact policy (research/stack.md §5: bankruptcy, deceased, cease-and-desist, dispute,
 * 7-in-7, 7 days after a conversation, before 08:00, after 21:00, legal review, SMS; otherwise
 * call). The table is written once in FairCollect's table format and translated mechanically for
 * the other two engines, and every situation's answer is compared across all three.
 *
 * json-rules-engine is measured on a subset (50,000 by default) and its per-situation cost
 * extrapolated, because a million takes it most of a minute; the output says so. zen-engine runs in
 * loop mode, 5,000 situations per call. A last row times the full compliance engine (every US rule,
 * a hashed Decision with citations) on realistic situations, for scale; it is not part of the ratio.
 *
 * `node bench/evaluator-bench.ts [--situations N]`, or `runEvaluatorBench()` from bench/run.ts.
 */
export type BenchRow = {
  readonly name: string;
  readonly situations: number;
  readonly seconds: number;
  readonly microsPerSituation: number;
  /** Per-situation cost relative to the FairCollect evaluator (how many times slower). */
  readonly ratio: number;
  readonly note: string;
};

export type EvaluatorBenchOptions = {
  readonly situations?: number;
  readonly jsonRulesEngineSituations?: number;
  readonly zenBatch?: number;
  readonly fullEngineSituations?: number;
  readonly seed?: number;
};

export const POLICY_TABLE: DecisionTable = {
  hitPolicy: 'first',
  rules: [
    { id: 'bankruptcy', when: [{ field: 'bankrupt', op: 'is', value: true }], then: 'suppress' },
    { id: 'deceased', when: [{ field: 'deceased', op: 'is', value: true }], then: 'suppress' },
    { id: 'cease_and_desist', when: [{ field: 'ceaseAndDesist', op: 'is', value: true }], then: 'suppress' },
    { id: 'dispute', when: [{ field: 'disputeOpen', op: 'is', value: true }], then: 'suppress' },
    { id: 'seven_in_seven', when: [{ field: 'callsLast7Days', op: 'gte', value: 7 }], then: 'defer' },
    { id: 'after_conversation', when: [{ field: 'daysSinceConversation', op: 'lt', value: 7 }], then: 'defer' },
    { id: 'before_0800', when: [{ field: 'localHour', op: 'lt', value: 8 }], then: 'defer' },
    { id: 'after_2100', when: [{ field: 'localHour', op: 'gte', value: 21 }], then: 'defer' },
    { id: 'legal_review', when: [{ field: 'legalReview', op: 'is', value: true }], then: 'legal' },
    { id: 'sms', when: [{ field: 'prefersSms', op: 'is', value: true }, { field: 'hasMobile', op: 'is', value: true }], then: 'sms' },
  ],
  otherwise: 'call',
};

export async function runEvaluatorBench(options: EvaluatorBenchOptions = {}): Promise<BenchRow[]> {
  const count = options.situations ?? 1_000_000;
  const jreCount = Math.min(count, options.jsonRulesEngineSituations ?? 50_000);
  const facts = generateFacts(count, options.seed ?? 1);
  const ours = timeOurs(facts);
  const zen = await timeZen(facts, options.zenBatch ?? 5_000);
  const jre = await timeJsonRulesEngine(facts.slice(0, jreCount));
  compareOutputs('zen-engine', ours.outputs, zen.outputs, facts.length);
  compareOutputs('json-rules-engine', ours.outputs, jre.outputs, jreCount);
  const full = timeFullEngine(options.fullEngineSituations ?? Math.min(count, 20_000));
  const base = ours.seconds / count;
  const row = (name: string, situations: number, seconds: number, note: string): BenchRow => ({
    name, situations, seconds, microsPerSituation: (seconds / situations) * 1e6, ratio: seconds / situations / base, note,
  });
  return [
    row('faircollect compiled table', count, ours.seconds, `closures; ${histogram(ours.outputs)}`),
    row('@gorules/zen-engine', count, zen.seconds, `loop mode, ${options.zenBatch ?? 5_000} per call; agrees on all ${count}`),
    row('json-rules-engine (extrapolated)', count, (jre.seconds / jreCount) * count,
      `measured on ${jreCount} (${jre.seconds.toFixed(2)} s), per-situation cost extrapolated; agrees on all ${jreCount}`),
    row('faircollect full US pack (for scale)', full.situations, full.seconds,
      '11 rules, hashed Decision with citations; not the 10-rule table'),
  ];
}

/** Seeded account facts with the mix of research/stack.md §5 (most accounts suppressed or deferred). */
export function generateFacts(count: number, seed: number): TableFacts[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => ({
    bankrupt: random.chance(0.05), deceased: random.chance(0.03), ceaseAndDesist: random.chance(0.12),
    disputeOpen: random.chance(0.08), callsLast7Days: random.int(0, 9),
    daysSinceConversation: random.chance(0.5) ? 99 : random.int(0, 30), localHour: random.int(0, 23),
    legalReview: random.chance(0.3), prefersSms: random.chance(0.25), hasMobile: random.chance(0.9),
  }));
}

function timeOurs(facts: readonly TableFacts[]): { seconds: number; outputs: string[] } {
  const decide = compileDecisionTable(POLICY_TABLE);
  const outputs = new Array<string>(facts.length);
  for (let index = 0; index < Math.min(facts.length, 10_000); index += 1) decide(facts[index]!); // warm-up
  const started = performance.now();
  for (let index = 0; index < facts.length; index += 1) outputs[index] = decide(facts[index]!).output;
  return { seconds: (performance.now() - started) / 1000, outputs };
}

async function timeZen(facts: readonly TableFacts[], batch: number): Promise<{ seconds: number; outputs: string[] }> {
  const { ZenEngine } = await import('@gorules/zen-engine').catch((error: unknown) => {
    throw new Error(`@gorules/zen-engine is not installed (npm install --no-save @gorules/zen-engine@0.54.0): ${String(error)}`);
  });
  const engine = new ZenEngine();
  const decision = engine.createDecision(toZenDecision(POLICY_TABLE));
  const outputs: string[] = [];
  const started = performance.now();
  for (let from = 0; from < facts.length; from += batch) {
    const response = await decision.evaluate({ accounts: facts.slice(from, from + batch) });
    for (const result of (response.result as { results: { action: string }[] }).results) outputs.push(result.action);
  }
  const seconds = (performance.now() - started) / 1000;
  engine.dispose();
  return { seconds, outputs };
}

/** The same table as a JDM graph: input → first-hit decision table in loop mode → output. */
export function toZenDecision(table: DecisionTable): object {
  const fields = [...new Set(table.rules.flatMap((rule) => rule.when.map((condition) => condition.field)))];
  const inputs = fields.map((field, index) => ({ id: `in${index}`, name: field, field }));
  const unary = (condition: TableCondition) => condition.op === 'is' ? String(condition.value)
    : `${{ lt: '<', lte: '<=', gt: '>', gte: '>=' }[condition.op]} ${condition.value}`;
  const row = (id: string, when: readonly TableCondition[], output: string) => {
    const cells: Record<string, string> = { _id: id, out: JSON.stringify(output) };
    for (const input of inputs) cells[input.id] = '';
    for (const condition of when) cells[inputs[fields.indexOf(condition.field)]!.id] = unary(condition);
    return cells;
  };
  const rules = [...table.rules.map((rule) => row(rule.id, rule.when, rule.then)), row('otherwise', [], table.otherwise)];
  return {
    nodes: [
      { id: 'request', type: 'inputNode', name: 'Request', position: { x: 0, y: 0 } },
      { id: 'policy', type: 'decisionTableNode', name: 'Policy', position: { x: 200, y: 0 }, content: {
        hitPolicy: 'first', executionMode: 'loop', inputField: 'accounts', outputPath: 'results', passThrough: false,
        inputs, outputs: [{ id: 'out', name: 'action', field: 'action' }], rules,
      } },
      { id: 'response', type: 'outputNode', name: 'Response', position: { x: 400, y: 0 } },
    ],
    edges: [
      { id: 'e1', sourceId: 'request', targetId: 'policy', type: 'edge' },
      { id: 'e2', sourceId: 'policy', targetId: 'response', type: 'edge' },
    ],
  };
}

async function timeJsonRulesEngine(facts: readonly TableFacts[]): Promise<{ seconds: number; outputs: string[] }> {
  const { Engine } = await import('json-rules-engine');
  const engine = new Engine([], { allowUndefinedFacts: true });
  const operator = { is: 'equal', lt: 'lessThan', lte: 'lessThanInclusive', gt: 'greaterThan', gte: 'greaterThanInclusive' };
  POLICY_TABLE.rules.forEach((rule, index) => engine.addRule({
    priority: POLICY_TABLE.rules.length - index,
    conditions: { all: rule.when.map((condition) => ({ fact: condition.field, operator: operator[condition.op], value: condition.value })) },
    event: { type: rule.then },
  }));
  // First hit: rules run in priority order, one priority at a time; the first success stops the run.
  engine.on('success', () => engine.stop());
  const outputs: string[] = [];
  const started = performance.now();
  for (const item of facts) {
    const { events } = await engine.run({ ...item });
    outputs.push(events[0]?.type ?? POLICY_TABLE.otherwise);
  }
  return { seconds: (performance.now() - started) / 1000, outputs };
}

function compareOutputs(name: string, expected: readonly string[], actual: readonly string[], count: number): void {
  if (actual.length !== count) throw new Error(`${name} returned ${actual.length} answers for ${count} situations`);
  for (let index = 0; index < count; index += 1) {
    if (expected[index] !== actual[index]) {
      throw new Error(`${name} disagrees on situation ${index}: ${actual[index]} instead of ${expected[index]}`);
    }
  }
}

function histogram(outputs: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const output of outputs) counts.set(output, (counts.get(output) ?? 0) + 1);
  return [...counts].sort((left, right) => right[1] - left[1]).map(([output, n]) => `${output} ${n}`).join(' / ');
}

/** Realistic US situations (a week of history each) through the full pack, for scale. */
function timeFullEngine(count: number): { situations: number; seconds: number } {
  const compiled = compile(US_PACK);
  if (!compiled.ok) throw new Error('the US pack must compile with default settings');
  const random = createRandom(7);
  const zones = ['America/New_York', 'America/Chicago', 'America/Los_Angeles', 'Pacific/Honolulu'];
  const base = Date.parse('2026-03-10T12:00:00Z');
  const situations = Array.from({ length: count }, (_, index): { situation: Situation; now: Date } => {
    const history = Array.from({ length: random.int(0, 8) }, () => ({
      at: new Date(base - random.int(1, 7 * 24 * 60) * 60_000).toISOString(), channel: 'voice' as const,
      partyId: `c-${index}`, actorKind: 'agent' as const, outcome: random.pick(['no_answer', 'busy', 'connected'] as const),
      accountId: `a-${index}`,
    }));
    const situation: Situation = {
      pack: 'US', action: 'contact', channel: 'voice', accountId: `a-${index}`,
      borrower: { id: `c-${index}`, timeZones: [random.pick(zones)] },
      target: { partyId: `c-${index}`, role: 'borrower', contactPointId: `p-${index}` },
      actor: { kind: 'agent', id: 'collector-1' }, history, agreements: [], optOuts: [], holds: [],
      events: [{ kind: 'validation_notice', at: '2026-03-01T12:00:00Z', accountId: `a-${index}` }],
    };
    return { situation, now: new Date(base + random.int(0, 12 * 60) * 60_000) };
  });
  const started = performance.now();
  for (const { situation, now } of situations) compiled.evaluator.evaluate(situation, now);
  return { situations: count, seconds: (performance.now() - started) / 1000 };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const index = process.argv.indexOf('--situations');
  const situations = index === -1 ? 1_000_000 : Number(process.argv[index + 1]);
  const rows = await runEvaluatorBench({ situations });
  process.stdout.write('engine                                situations     seconds   µs/situation   × ours  note\n');
  for (const row of rows) {
    process.stdout.write(`${row.name.padEnd(38)}${String(row.situations).padStart(10)}${row.seconds.toFixed(3).padStart(12)}`
      + `${row.microsPerSituation.toFixed(3).padStart(15)}${row.ratio.toFixed(0).padStart(9)}  ${row.note}\n`);
  }
}
