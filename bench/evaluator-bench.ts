import { fileURLToPath } from 'node:url';
import { buildPolicyGate } from '../src/app/gate/policy-gate.ts';
import { parseSituation, type Decision } from '../src/policy/index.ts';
import {
  compileDecisionTable, type DecisionTable, type TableCondition, type TableFacts,
} from './decision-table/compile-decision-table.ts';
import { situationSource, type GeneratedSituation } from './generate-situations.ts';
import { createRandom } from '../src/stdx/random.ts';

/**
 * The policy evaluator as the product runs it, beside json-rules-engine and @gorules/zen-engine.
 *
 * The headline row is the real path: both packs compiled once, as the gate does at start
 * (`buildPolicyGate`), then for each generated situation (CN and US, calls and messages, histories,
 * agreements, holds; generate-situations.ts) the gate's own call, `evaluators[pack].evaluate`, which
 * asks every rule of the pack, searches the next allowed instant when denied, explains each rule's
 * outcome with its citation and hashes the Decision's id over the canonical situation. Each call
 * is timed alone, in wall time (mean and p99) and in processor time (mean: steadier on a shared
 * machine); generating and checking the situations is not timed. Rows after it split the same
 * timings by pack and kind: a rendered message is a text the content guard has not seen; a planned
 * one is a template whose scan the guard keeps, until rendered texts push it out of its bounded
 * cache, as they would in a process that serves both. The last of them puts calls and planned
 * messages together: the engine's own cost, with the guard's scan kept or absent.
 *
 * The peers cannot run the packs: they are timed on a much simpler 10-rule first-hit table
 * (research/stack.md §5: bankruptcy, deceased, cease-and-desist, dispute, 7-in-7, 7 days after a
 * conversation, before 08:00, after 21:00, legal review, SMS; otherwise call) over flat facts, one
 * answer each, no explanation and no hash. Their answers are compared with the bench's reference
 * compiler of that table (decision-table/), whose own row closes the table for scale.
 * json-rules-engine is measured on a subset (50,000 by default) and its cost extrapolated; zen-engine
 * runs in loop mode, 5,000 situations per call, so it has no per-situation timing.
 *
 * `node bench/evaluator-bench.ts [--situations N] [--real-path-situations N] [--real-path-only]`, or
 * `runEvaluatorBench()` from bench/run.ts.
 */
export type BenchRow = {
  readonly name: string;
  /** What was decided: the full packs, or the simpler 10-rule table. */
  readonly policy: string;
  readonly situations: number;
  /** Time spent deciding (the sum of the per-situation times where they are taken). */
  readonly seconds: number;
  readonly meanMicros: number;
  /** Processor time per situation: steadier than wall time on a shared machine; null where not split. */
  readonly cpuMeanMicros: number | null;
  /** Null where situations are not timed one by one. */
  readonly p99Micros: number | null;
  /** Mean cost per situation relative to the real path's (below 1: cheaper). */
  readonly vsRealPath: number;
  readonly note: string;
};

export type EvaluatorBenchOptions = {
  /** Situations for the 10-rule table engines (default 1,000,000). */
  readonly situations?: number;
  /** Situations for the real path (default the smaller of `situations` and 200,000). */
  readonly realPathSituations?: number;
  readonly jsonRulesEngineSituations?: number;
  readonly zenBatch?: number;
  readonly seed?: number;
  /** Only the real path's rows, without the peers (a quick before-and-after comparison). */
  readonly realPathOnly?: boolean;
};

export const REAL_PATH_SITUATIONS_DEFAULT = 200_000;
const REAL_PATH_SLICE = 10_000;
const REAL_PATH_WARM_UP = 5_000;

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
  const realCount = options.realPathSituations ?? Math.min(count, REAL_PATH_SITUATIONS_DEFAULT);
  const jreCount = Math.min(count, options.jsonRulesEngineSituations ?? 50_000);
  const zenBatch = options.zenBatch ?? 5_000;
  const real = timeRealPath(realCount, options.seed ?? 1);
  if (options.realPathOnly === true) return realPathRows(real);
  const facts = generateFacts(count, options.seed ?? 1);
  const ours = timeReferenceTable(facts);
  const zen = await timeZen(facts, zenBatch);
  const jre = await timeJsonRulesEngine(facts.slice(0, jreCount));
  compareOutputs('zen-engine', ours.outputs, zen.outputs, facts.length);
  compareOutputs('json-rules-engine', ours.outputs, jre.outputs, jreCount);
  const row = rowMaker(real);
  const table = 'simpler 10-rule table';
  const jreSeconds = (jre.timings.seconds / jreCount) * count;
  return [
    ...realPathRows(real),
    row('@gorules/zen-engine', table, zen.timings, `loop mode, ${zenBatch} per call; agrees on all ${count}`),
    row(jreCount < count ? 'json-rules-engine (extrapolated)' : 'json-rules-engine', table,
      { ...jre.timings, count, seconds: jreSeconds, cpuSeconds: (jre.timings.cpuSeconds! / jreCount) * count },
      `${jreCount < count ? `measured on ${jreCount} (${jre.timings.seconds.toFixed(2)} s), mean extrapolated; `
        : ''}agrees on all ${jreCount}`),
    row('reference: the table as closures (bench only)', table, ours.timings,
      `the answer the peers are checked against; ${histogram(ours.outputs)}`),
  ];
}

function rowMaker(real: RealPath): (name: string, policy: string, timings: Timings, note: string) => BenchRow {
  const realMean = mean(real.timings);
  return (name, policy, timings, note) => ({
    name, policy, situations: timings.count, seconds: timings.seconds, meanMicros: mean(timings),
    cpuMeanMicros: timings.cpuSeconds === null ? null : (timings.cpuSeconds / timings.count) * 1e6,
    p99Micros: timings.micros === null ? null : percentile(timings.micros, 0.99),
    vsRealPath: mean(timings) / realMean, note,
  });
}

/** The real path's rows: the whole mix, then by pack and kind. */
function realPathRows(real: RealPath): BenchRow[] {
  const row = rowMaker(real);
  const packOf = (id: 'CN' | 'US') => `${id} pack (${real.rules[id]} rules)`;
  const packs = `${packOf('CN')} + ${packOf('US')}`;
  return [
    row('FairCollect gate: explained, hashed Decision', packs, real.timings,
      `compiled once; ${real.allowed} allowed, ${real.timings.count - real.allowed} denied; ${real.mix}`),
    ...real.kinds.map((kind) => row(`  of which ${kind.name}`, kind.pack === null ? packs : packOf(kind.pack),
      kind.timings, 'part of the row above')),
  ];
}

type Timings = {
  readonly count: number;
  readonly seconds: number;
  /** Each situation's time in µs, when taken one by one. */
  readonly micros: Float64Array | null;
  /** Processor time (user and system, every thread of the process) over the timed loops. */
  readonly cpuSeconds: number | null;
};

function cpuSecondsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

function mean(timings: Timings): number {
  return (timings.seconds / timings.count) * 1e6;
}

function percentile(micros: Float64Array, fraction: number): number {
  const sorted = Float64Array.from(micros).sort();
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

type RealPath = {
  readonly timings: Timings;
  /** By pack and kind, then calls and planned messages together (pack null: both packs). */
  readonly kinds: readonly { readonly name: string; readonly pack: 'CN' | 'US' | null; readonly timings: Timings }[];
  readonly allowed: number;
  readonly mix: string;
  readonly rules: Readonly<Record<'CN' | 'US', number>>;
};

/**
 * The gate's evaluation, one situation at a time. Situations come in slices (a long run never holds
 * them all), each checked by the situation parser first, untimed, so that nothing is timed on a
 * situation the gate would have refused. A separate warm-up set runs first, so every timed
 * situation is new to the engine (its canonical JSON and, for rendered messages, its text).
 */
function timeRealPath(count: number, seed: number): RealPath {
  const built = buildPolicyGate();
  if (!built.ok) throw new Error("the packs' own defaults must compile");
  const { evaluators } = built.gate;
  const decide = (item: GeneratedSituation): Decision =>
    evaluators[item.situation.pack].evaluate(item.situation, item.now);
  for (const item of checked(situationSource(seed + 1)(REAL_PATH_WARM_UP))) decide(item);
  const next = situationSource(seed);
  const micros = new Float64Array(count);
  const cpuMicros = new Float64Array(count);
  const readingMicros = cpuReadingMicros();
  const kinds = new Map<string, { micros: number[]; cpuMicros: number[] }>();
  let allowed = 0;
  const packs = { CN: 0, US: 0 };
  for (let from = 0; from < count; from += REAL_PATH_SLICE) {
    const slice = checked(next(Math.min(REAL_PATH_SLICE, count - from)));
    for (let index = 0; index < slice.length; index += 1) {
      const item = slice[index]!;
      const cpu = process.cpuUsage();
      const started = performance.now();
      const decision = decide(item);
      const elapsed = (performance.now() - started) * 1000;
      const used = process.cpuUsage(cpu);
      const cpuUsed = Math.max(0, used.user + used.system - readingMicros);
      micros[from + index] = elapsed;
      cpuMicros[from + index] = cpuUsed;
      if (decision.id.length !== 64 || decision.outcomes.length === 0) throw new Error('not a full Decision');
      if (decision.allowed) allowed += 1;
      packs[item.situation.pack] += 1;
      const name = `${item.situation.pack} ${item.kind}`;
      const lists = kinds.get(name) ?? { micros: [], cpuMicros: [] };
      lists.micros.push(elapsed);
      lists.cpuMicros.push(cpuUsed);
      kinds.set(name, lists);
    }
  }
  const timingsOf = (values: ArrayLike<number>, cpuValues: ArrayLike<number>): Timings => {
    const array = Float64Array.from(values);
    const seconds = array.reduce((sum, value) => sum + value, 0) / 1e6;
    const cpuSeconds = Array.from(cpuValues).reduce((sum, value) => sum + value, 0) / 1e6;
    return { count: array.length, seconds, micros: array, cpuSeconds };
  };
  const sorted = [...kinds].sort(([left], [right]) => left.localeCompare(right));
  // Texts the content guard has seen before, or none: what remains is the engine's own cost.
  const withoutNewTexts = sorted.filter(([name]) => !name.endsWith('messages rendered'));
  return {
    timings: timingsOf(micros, cpuMicros), allowed, mix: `CN ${packs.CN}, US ${packs.US}`,
    kinds: [
      ...sorted.map(([name, lists]) => ({ name, pack: name.startsWith('CN') ? 'CN' as const : 'US' as const,
        timings: timingsOf(lists.micros, lists.cpuMicros) })),
      { name: 'calls and planned messages (no new text)', pack: null,
        timings: timingsOf(withoutNewTexts.flatMap(([, lists]) => lists.micros),
          withoutNewTexts.flatMap(([, lists]) => lists.cpuMicros)) },
    ],
    rules: { CN: evaluators.CN.rules.length, US: evaluators.US.rules.length },
  };
}

/**
 * The processor time a pair of readings shows with nothing between them (the reading itself is a
 * system call), taken off each call's measured time.
 */
function cpuReadingMicros(): number {
  const readings = 20_000;
  let total = 0;
  for (let index = 0; index < readings; index += 1) {
    const cpu = process.cpuUsage();
    const used = process.cpuUsage(cpu);
    total += used.user + used.system;
  }
  return total / readings;
}

function checked(items: readonly GeneratedSituation[]): readonly GeneratedSituation[] {
  for (const item of items) {
    const parsed = parseSituation(item.situation);
    if (!parsed.ok) throw new Error(`generated situation refused: ${JSON.stringify(parsed.problems)}`);
  }
  return items;
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

function timeReferenceTable(facts: readonly TableFacts[]): { timings: Timings; outputs: string[] } {
  const decide = compileDecisionTable(POLICY_TABLE);
  const outputs = new Array<string>(facts.length);
  for (let index = 0; index < Math.min(facts.length, 10_000); index += 1) decide(facts[index]!); // warm-up
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let index = 0; index < facts.length; index += 1) outputs[index] = decide(facts[index]!).output;
  const seconds = (performance.now() - started) / 1000;
  return { timings: { count: facts.length, seconds, micros: null, cpuSeconds: cpuSecondsSince(cpu) }, outputs };
}

async function timeZen(facts: readonly TableFacts[], batch: number): Promise<{ timings: Timings; outputs: string[] }> {
  const { ZenEngine } = await import('@gorules/zen-engine').catch((error: unknown) => {
    throw new Error(`@gorules/zen-engine is not installed (npm install --no-save @gorules/zen-engine@0.54.0): ${String(error)}`);
  });
  const engine = new ZenEngine();
  const decision = engine.createDecision(toZenDecision(POLICY_TABLE));
  const outputs: string[] = [];
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let from = 0; from < facts.length; from += batch) {
    const response = await decision.evaluate({ accounts: facts.slice(from, from + batch) });
    for (const result of (response.result as { results: { action: string }[] }).results) outputs.push(result.action);
  }
  const seconds = (performance.now() - started) / 1000;
  const cpuSeconds = cpuSecondsSince(cpu);
  engine.dispose();
  return { timings: { count: facts.length, seconds, micros: null, cpuSeconds }, outputs };
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

async function timeJsonRulesEngine(facts: readonly TableFacts[]): Promise<{ timings: Timings; outputs: string[] }> {
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
  const micros = new Float64Array(facts.length);
  const cpu = process.cpuUsage();
  for (let index = 0; index < facts.length; index += 1) {
    const started = performance.now();
    const { events } = await engine.run({ ...facts[index]! });
    micros[index] = (performance.now() - started) * 1000;
    outputs.push(events[0]?.type ?? POLICY_TABLE.otherwise);
  }
  const seconds = micros.reduce((sum, value) => sum + value, 0) / 1e6;
  return { timings: { count: facts.length, seconds, micros, cpuSeconds: cpuSecondsSince(cpu) }, outputs };
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

/** The rows as a table: a header and one line of cells per row, numbers rounded for reading. */
export function formatEvaluatorRows(rows: readonly BenchRow[]): { header: string[]; body: string[][] } {
  const micros = (value: number | null) => value === null ? '—' : value.toFixed(value < 10 ? 2 : 1);
  return {
    header: ['engine', 'policy decided', 'situations', 'seconds', 'µs/situation (mean)', 'p99 µs',
      'CPU µs/situation', '× real path', 'note'],
    body: rows.map((row) => [row.name, row.policy, String(row.situations), row.seconds.toFixed(3),
      micros(row.meanMicros), micros(row.p99Micros), micros(row.cpuMeanMicros), row.vsRealPath.toPrecision(2),
      row.note]),
  };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const option = (name: string) => {
    const index = process.argv.indexOf(`--${name}`);
    return index === -1 ? undefined : Number(process.argv[index + 1]);
  };
  const situations = option('situations');
  const realPathSituations = option('real-path-situations');
  const rows = await runEvaluatorBench({
    ...(situations === undefined ? {} : { situations }),
    ...(realPathSituations === undefined ? {} : { realPathSituations }),
    realPathOnly: process.argv.includes('--real-path-only'),
  });
  const { header, body } = formatEvaluatorRows(rows);
  const widths = header.map((cell, index) => Math.max(cell.length, ...body.map((line) => line[index]!.length)));
  for (const line of [header, ...body]) {
    process.stdout.write(`${line.map((cell, index) => cell.padEnd(widths[index]!)).join('  ').trimEnd()}\n`);
  }
}
