import type { Decision } from './decision.ts';
import { compile } from './engine/compile.ts';
import type { LenderSettings } from './engine/validate-settings.ts';
import { findTextProblems } from './find-text-problems.ts';
import { parseCheckRequest } from './check-request.ts';
import { PACKS } from './packs/packs.ts';
import type { SituationProblem } from './parse-situation.ts';

/**
 * What `faircollect check` does with the document it read and the lender's settings: parse, compile
 * the pack under the settings, evaluate. Any JSON document and settings object yields a Decision or
 * a rejection whose problems name their fields; nothing here throws on input, so the command's exit
 * code 1 always means "denied" and never "could not decide". A settings problem's message starts
 * with the parameter's dotted key, as the engine's own settings messages do.
 */
export type CheckedRequest =
  | { readonly ok: true; readonly decision: Decision }
  | {
    readonly ok: false;
    readonly reason: 'invalid_request' | 'invalid_settings';
    readonly problems: readonly SituationProblem[];
  };

export function decideCheckRequest(document: unknown, settings: LenderSettings): CheckedRequest {
  const parsed = parseCheckRequest(document);
  if (!parsed.ok) return parsed;
  const settingsText = findTextProblems(settings);
  if (settingsText.length > 0) {
    const problems = settingsText.map((problem) => ({ ...problem,
      message: `${problem.path === '(document)' ? 'the settings' : problem.path} ${problem.message}` }));
    return { ok: false, reason: 'invalid_settings', problems };
  }
  const { situation, now } = parsed.request;
  const compiled = compile(PACKS[situation.pack], null, settings);
  if (!compiled.ok) {
    // A top-level parameter named "" has an empty key, which would leave its line without a name.
    const problems = compiled.problems.map((problem) =>
      (problem.path === '' ? { path: '""', message: `""${problem.message}` } : problem));
    return { ok: false, reason: 'invalid_settings', problems };
  }
  return { ok: true, decision: compiled.evaluator.evaluate(situation, now) };
}
