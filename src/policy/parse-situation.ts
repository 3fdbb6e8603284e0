import { Compile } from 'typebox/compile';
import { isTimeZone } from './time/zone-clock.ts';
import { SituationSchema, type Situation } from './situation.ts';

/**
 * Validates an untrusted situation (CLI input, API body, a lender's test case) and names every
 * problem by its field path (`target.role`, `history.3.at`). Shape comes from the TypeBox schema;
 * meaning (real instants, real IANA zones, the fields an action needs) is checked here.
 */
export type SituationProblem = { readonly path: string; readonly message: string };
export type ParsedSituation =
  | { readonly ok: true; readonly situation: Situation }
  | {
    readonly ok: false; readonly reason: 'invalid_situation'; readonly problems: readonly SituationProblem[];
  };

const checker = Compile(SituationSchema);
/** An instant must carry its offset: a bare local time would be read in the server's zone. */
const INSTANT_MESSAGE = 'is not an ISO 8601 instant with an offset (e.g. 2026-03-08T09:30:00+08:00)';
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export function parseSituation(input: unknown, root = ''): ParsedSituation {
  if (!checker.Check(input)) {
    return { ok: false, reason: 'invalid_situation', problems: shapeProblems(input, root) };
  }
  const problems = meaningProblems(input).map((problem) => ({ ...problem, path: join(root, problem.path) }));
  if (problems.length > 0) return { ok: false, reason: 'invalid_situation', problems };
  return { ok: true, situation: input };
}

/** True for an ISO instant with an explicit offset that denotes a real time. */
export function isInstant(text: string): boolean {
  return INSTANT.test(text) && !Number.isNaN(Date.parse(text));
}

function shapeProblems(input: unknown, root: string): SituationProblem[] {
  const seen = new Set<string>();
  const problems: SituationProblem[] = [];
  for (const error of checker.Errors(input)) {
    // `boolean` repeats an additionalProperties error; anyOf branches repeat an enum error.
    if (error.keyword === 'boolean' || error.schemaPath.includes('/anyOf/')) continue;
    const missing = error.keyword === 'required' ? (error.params.requiredProperties as string[]
      | undefined) : undefined;
    const described = missing === undefined
      ? [describe(error.instancePath, error.keyword, error.params, error.message)]
      : missing.map((name) => describe(error.instancePath, 'required', { requiredProperties: [name] },
        error.message));
    for (const problem of described) {
      const path = join(root, problem.path);
      const key = `${path}|${problem.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push({ path, message: problem.message });
    }
  }
  return problems;
}

function describe(
  pointer: string, keyword: string, params: Record<string, unknown>, message: string,
): SituationProblem {
  const path = pointer.split('/').filter((part) => part !== '').join('.');
  if (keyword === 'required') {
    const names = params.requiredProperties as string[] | undefined;
    return { path: join(path, names?.[0] ?? ''), message: 'is required' };
  }
  if (keyword === 'additionalProperties') {
    const names = params.additionalProperties as string[] | undefined;
    return { path: join(path, names?.[0] ?? ''), message: 'is not a known field' };
  }
  if (keyword === 'format') return { path, message: INSTANT_MESSAGE };
  if (keyword === 'enum') {
    const values = (params.allowedValues as unknown[] | undefined) ?? [];
    return { path, message: `must be one of ${values.map((value) => JSON.stringify(value)).join(', ')}` };
  }
  return { path, message };
}

function join(left: string, right: string): string {
  return left === '' ? right : right === '' ? left : `${left}.${right}`;
}

function meaningProblems(situation: Situation): SituationProblem[] {
  const problems: SituationProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  if (situation.action === 'contact') {
    if (situation.channel === undefined) add('channel', 'is required when action is "contact"');
    if (situation.target === undefined) add('target', 'is required when action is "contact"');
  }
  if (situation.channel === 'visit' && situation.action === 'contact' && situation.visit === undefined) {
    add('visit', 'is required for a visit (staff, identity and authorisation)');
  }
  if (situation.voicemail === true && situation.channel !== 'voice') add('voicemail', 'is only for voice');
  checkZones(situation.borrower.timeZones, 'borrower.timeZones', add);
  if (situation.target?.timeZones !== undefined) checkZones(situation.target.timeZones, 'target.timeZones',
    add);
  if (situation.actor.kind === 'agency' && situation.actor.agencyId === undefined) {
    add('actor.agencyId', 'is required when actor.kind is "agency"');
  }
  checkInstants(situation, add);
  return problems;
}

function checkZones(zones: readonly string[], path: string, add: (path: string,
  message: string) => void): void {
  zones.forEach((zone, index) => {
    if (!isTimeZone(zone)) add(`${path}.${index}`, `"${zone}" is not an IANA time zone`);
  });
}

function checkInstants(situation: Situation, add: (path: string, message: string) => void): void {
  const check = (path: string, value: string | undefined) => {
    if (value !== undefined && !isInstant(value)) {
      add(path, `"${value}" ${INSTANT_MESSAGE}`);
    }
  };
  situation.history.forEach((attempt, index) => check(`history.${index}.at`, attempt.at));
  situation.agreements.forEach((agreement, index) => {
    check(`agreements.${index}.startsAt`, agreement.startsAt);
    check(`agreements.${index}.endsAt`, agreement.endsAt);
    check(`agreements.${index}.recordedAt`, agreement.recordedAt);
    check(`agreements.${index}.revokedAt`, agreement.revokedAt);
  });
  situation.optOuts.forEach((optOut, index) => check(`optOuts.${index}.at`, optOut.at));
  situation.holds.forEach((hold, index) => {
    check(`holds.${index}.startedAt`, hold.startedAt);
    check(`holds.${index}.endedAt`, hold.endedAt);
  });
  situation.placements?.forEach((placement, index) => {
    check(`placements.${index}.placedAt`, placement.placedAt);
    check(`placements.${index}.recalledAt`, placement.recalledAt);
  });
  situation.events?.forEach((event, index) => check(`events.${index}.at`, event.at));
}
