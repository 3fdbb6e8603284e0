import { isInstant, parseSituation, type SituationProblem } from './parse-situation.ts';
import type { Situation } from './situation.ts';

/**
 * The document `faircollect check` reads and a lender's policy test case carries: a situation
 * with the instant of the decision beside it, `{ "time": "2026-03-10T21:30:00+08:00", "pack": … }`.
 */
export type CheckRequest = { readonly situation: Situation; readonly now: Date };
export type ParsedCheckRequest =
  | { readonly ok: true; readonly request: CheckRequest }
  | {
    readonly ok: false; readonly reason: 'invalid_request'; readonly problems: readonly SituationProblem[];
  };

export function parseCheckRequest(input: unknown, root = ''): ParsedCheckRequest {
  const at = (field: string) => (root === '' ? field : `${root}.${field}`);
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, reason: 'invalid_request', problems: [{ path: root || '(document)',
      message: 'must be a JSON object' }] };
  }
  const { time, ...rest } = input as Record<string, unknown>;
  const problems: SituationProblem[] = [];
  if (time === undefined) problems.push({ path: at('time'),
    message: 'is required (the instant of the decision)' });
  else if (typeof time !== 'string' || !isInstant(time)) {
    problems.push({ path: at('time'),
      message: `${JSON.stringify(time)} is not an ISO 8601 instant with an offset` });
  }
  const parsed = parseSituation(rest, root);
  if (!parsed.ok) problems.push(...parsed.problems);
  if (problems.length > 0 || !parsed.ok) return { ok: false, reason: 'invalid_request', problems };
  return { ok: true, request: { situation: parsed.situation, now: new Date(time as string) } };
}
