import type { LenderSettings } from '../../policy/index.ts';
import {
  runPolicyTests, type CaseResult, type FileProblem, type PolicyTestRun,
} from '../../policy/testing/run-policy-tests.ts';
import type { GateSettings } from '../gate/policy-gate.ts';

/**
 * `faircollect policy test` under the lender's settings: each case is decided under the settings
 * of its own pack (FAIRCOLLECT_SETTINGS), with the test file's `settings`, if any, laid over them,
 * so a lender's tests exercise the policy its server and cycle really run. Without lender settings
 * the file runs exactly as `runPolicyTests` runs it.
 */
export function runPolicyTestsUnder(document: unknown, lender: GateSettings): PolicyTestRun {
  const cases = casesOf(document);
  const none = Object.values(lender).every((settings) => Object.keys(settings).length === 0);
  // A file whose cases or settings are malformed is refused as a whole, as without lender settings.
  if (none || cases === null || cases.length === 0) return runPolicyTests(document);
  const file = document as Record<string, unknown> & { settings?: unknown };
  if (file.settings !== undefined && !isObject(file.settings)) return runPolicyTests(document);
  const own: LenderSettings = isObject(file.settings) ? file.settings : {};
  const results: CaseResult[] = [];
  const problems = new Map<string, FileProblem>();
  cases.forEach((testCase, index) => {
    const pack = packOf(testCase);
    const base = Object.hasOwn(lender, pack) ? lender[pack as keyof GateSettings]! : {};
    // One case at a time: its pack decides which settings apply, and a test file names one set.
    const run = runPolicyTests({ ...file, settings: layered(base, own), cases: [testCase] });
    if (run.ok) {
      results.push(...run.results);
      return;
    }
    for (const problem of run.problems) {
      const path = problem.path.replace(/^cases\.0(?=\.|$)/, `cases.${index}`);
      problems.set(`${path}\n${problem.message}`, { ...problem, path });
    }
  });
  return problems.size > 0
    ? { ok: false, reason: 'invalid_test_file', problems: [...problems.values()] }
    : { ok: true, results };
}

/** The settings of `over` laid on `base`, group by group: a value in `over` wins. */
export function layered(base: LenderSettings, over: LenderSettings): LenderSettings {
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const below = result[key];
    result[key] = isObject(below) && isObject(value) ? layered(below, value) : value;
  }
  return result;
}

function casesOf(document: unknown): readonly unknown[] | null {
  if (!isObject(document)) return null;
  return Array.isArray(document.cases) ? document.cases : null;
}

function packOf(testCase: unknown): string {
  if (!isObject(testCase) || !isObject(testCase.situation)) return '';
  const pack = testCase.situation.pack;
  return typeof pack === 'string' ? pack : '';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
