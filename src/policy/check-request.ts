import { checkInstant } from '../domain/input/check-instant.ts';
import { findTextProblems } from './find-text-problems.ts';
import { parseSituation, type SituationProblem } from './parse-situation.ts';
import { INSTANT_MESSAGE, type Situation } from './situation.ts';
import { QUOTED_INSTANT_CHARS_MAX } from '../config/limits.ts';

/**
 * The document `faircollect check` reads and a lender's policy test case carries: a situation
 * with the instant of the decision beside it, `{ "time": "2026-03-10T21:30:00+08:00", "pack": … }`.
 * Any JSON value yields a request or problems naming their fields, never an exception: a crash
 * would exit like a denial, and a caller could not tell "no" from "could not decide".
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
  // Checked over the whole document first, so that no message below can quote a NUL.
  const textProblems = findTextProblems(input, root);
  if (textProblems.length > 0) return { ok: false, reason: 'invalid_request', problems: textProblems };
  const { time, ...rest } = input as Record<string, unknown>;
  const problems: SituationProblem[] = [];
  const now = typeof time === 'string' ? checkInstant(time) : null;
  if (time === undefined) {
    problems.push({ path: at('time'), message: 'is required (the instant of the decision)' });
  } else if (now === null) {
    problems.push({ path: at('time'), message: `${quote(time)} ${INSTANT_MESSAGE}` });
  }
  const parsed = parseSituation(rest, root);
  if (!parsed.ok) problems.push(...parsed.problems);
  if (problems.length > 0 || !parsed.ok || now === null) {
    return { ok: false, reason: 'invalid_request', problems };
  }
  return { ok: true, request: { situation: parsed.situation, now } };
}

/** The value as the message shows it: a short string quoted, anything else by its type only. */
function quote(value: unknown): string {
  if (typeof value !== 'string') {
    return value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
  }
  const text = JSON.stringify(value);
  return text.length <= QUOTED_INSTANT_CHARS_MAX ? text : `${text.slice(0, QUOTED_INSTANT_CHARS_MAX)}…`;
}
