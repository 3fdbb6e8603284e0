import Type from 'typebox';
import { Compile } from 'typebox/compile';
import { checkInstant } from '../../domain/input/check-instant.ts';
import { findInvalidCharacter } from '../../domain/input/find-invalid-character.ts';
import { assert } from '../../stdx/assert.ts';
import { parseCheckRequest } from '../check-request.ts';
import type { Decision } from '../decision.ts';
import { compile } from '../engine/compile.ts';
import type { SettingsProblem } from '../engine/validate-settings.ts';
import { findTextProblems } from '../find-text-problems.ts';
import { PACKS } from '../packs/packs.ts';
import { schemaProblems } from '../parse-situation.ts';
import { INSTANT_MESSAGE } from '../situation.ts';

/**
 * A lender's own policy tests, in the manner of `opa test`: a file holds optional settings and
 * cases, each a situation (with its `time`) and the decision expected: allowed or not, the rules
 * that must deny or warn, reason codes, the next allowed instant. The runner is pure; the CLI
 * reads the files and prints PASS/FAIL. Any document yields results or problems that name the
 * field and, where there is one, the case; a malformed file never throws.
 */

/** The expected next instant: null ("waiting does not help") or an instant `checkInstant` reads. */
const NextAllowedAt = Type.Refine(
  Type.Union([Type.String(), Type.Null()]),
  (value) => value === null || (typeof value === 'string' && checkInstant(value) !== null),
  () => `${INSTANT_MESSAGE}, nor null`,
);
const Expectation = Type.Object({
  allowed: Type.Boolean(),
  deny: Type.Optional(Type.Array(Type.String())),
  warn: Type.Optional(Type.Array(Type.String())),
  reasons: Type.Optional(Type.Record(Type.String(), Type.String())),
  nextAllowedAt: Type.Optional(NextAllowedAt),
}, { additionalProperties: false });

const TestFile = Type.Object({
  settings: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  cases: Type.Array(Type.Object({
    name: Type.String({ minLength: 1 }),
    situation: Type.Unknown(),
    expect: Expectation,
  }, { additionalProperties: false }), { minItems: 1 }),
}, { additionalProperties: false });

type Expected = Type.Static<typeof Expectation>;
const fileChecker = Compile(TestFile);

export type CaseResult = {
  readonly name: string; readonly passed: boolean; readonly failures: readonly string[];
};
/** A problem of a test file: the field, and the name of the case it lies in, if any. */
export type FileProblem = { readonly path: string; readonly message: string; readonly caseName?: string };
export type PolicyTestRun =
  | { readonly ok: true; readonly results: readonly CaseResult[] }
  | { readonly ok: false; readonly reason: 'invalid_test_file'; readonly problems: readonly FileProblem[] };

export function runPolicyTests(document: unknown): PolicyTestRun {
  const textProblems = findTextProblems(document);
  if (textProblems.length > 0) return invalid(document, textProblems);
  if (!fileChecker.Check(document)) return invalid(document, schemaProblems(fileChecker.Errors(document)));
  const problems: FileProblem[] = [];
  const results: CaseResult[] = [];
  document.cases.forEach((testCase, index) => {
    const parsed = parseCheckRequest(testCase.situation, `cases.${index}.situation`);
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      return;
    }
    const pack = PACKS[parsed.request.situation.pack];
    const compiled = compile(pack, null, document.settings ?? {});
    if (!compiled.ok) {
      problems.push(...compiled.problems.map((problem: SettingsProblem) =>
        ({ path: `settings.${problem.path}`, message: problem.message })));
      return;
    }
    const decision = compiled.evaluator.evaluate(parsed.request.situation, parsed.request.now);
    const failures = compareDecision(decision, testCase.expect);
    results.push({ name: testCase.name, passed: failures.length === 0, failures });
  });
  if (problems.length > 0) return invalid(document, problems);
  return { ok: true, results };
}

export function compareDecision(decision: Decision, expected: Expected): string[] {
  const failures: string[] = [];
  if (decision.allowed !== expected.allowed) {
    failures.push(`expected allowed=${expected.allowed}, got allowed=${decision.allowed}`);
  }
  const ids = (result: string) => decision.outcomes.filter((item) => item.result === result).map((item) =>
    item.ruleId);
  for (const [result, wanted] of [['deny', expected.deny], ['warn', expected.warn]] as const) {
    if (wanted === undefined) continue;
    const got = ids(result);
    if (JSON.stringify([...got].sort()) !== JSON.stringify([...wanted].sort())) {
      failures.push(`expected ${result} by [${wanted.join(', ')}], got [${got.join(', ')}]`);
    }
  }
  for (const [ruleId, reason] of Object.entries(expected.reasons ?? {})) {
    const outcome = decision.outcomes.find((item) => item.ruleId === ruleId);
    if (outcome?.reason !== reason) {
      failures.push(`expected ${ruleId} reason ${reason}, got ${outcome?.reason ?? '(no such rule)'}`);
    }
  }
  if (expected.nextAllowedAt !== undefined) {
    const instant = expected.nextAllowedAt === null ? null : checkInstant(expected.nextAllowedAt);
    assert(expected.nextAllowedAt === null || instant !== null, 'nextAllowedAt was checked by the schema');
    const wanted = instant === null ? null : instant.toISOString();
    if (wanted !== decision.nextAllowedAt) {
      failures.push(`expected nextAllowedAt ${wanted}, got ${decision.nextAllowedAt}`);
    }
  }
  return failures;
}

/** The problems, each once, with the name of the case its path lies in. */
function invalid(document: unknown, problems: readonly FileProblem[]): PolicyTestRun {
  const named = dedupe(problems).map((problem) => {
    const caseName = caseNameAt(document, problem.path);
    return caseName === undefined ? problem : { ...problem, caseName };
  });
  return { ok: false, reason: 'invalid_test_file', problems: named };
}

function caseNameAt(document: unknown, path: string): string | undefined {
  const match = /^cases\.(\d+)(\.|$)/.exec(path);
  if (match === null || document === null || typeof document !== 'object') return undefined;
  const cases = (document as { cases?: unknown }).cases;
  const testCase: unknown = Array.isArray(cases) ? cases[Number(match[1])] : undefined;
  const name = testCase !== null && typeof testCase === 'object' ? (testCase as { name?: unknown }).name
    : undefined;
  // A name that is itself the problem (a NUL in it) is not repeated in the message.
  return typeof name === 'string' && name !== '' && findInvalidCharacter(name) < 0 ? name : undefined;
}

function dedupe(problems: readonly FileProblem[]): FileProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.path}|${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
