import { Compile } from 'typebox/compile';
import type { TLocalizedValidationError } from 'typebox/error';
import { findTextProblems } from './find-text-problems.ts';
import { isTimeZone } from './time/zone-clock.ts';
import { INSTANT_MESSAGE, SituationSchema, type Situation } from './situation.ts';

/**
 * Validates an untrusted situation (CLI input, API body, a lender's test case) and names every
 * problem by its field path (`target.role`, `history.3.at`). Texts are checked first (no NUL, no
 * lone surrogate); shape and real instants come from the TypeBox schema (see `InstantSchema`);
 * meaning (real IANA zones, the fields an action needs) is checked here. It never throws on any
 * JSON value: whatever `faircollect check` reads yields a situation or named problems.
 */
export type SituationProblem = { readonly path: string; readonly message: string };
export type ParsedSituation =
  | { readonly ok: true; readonly situation: Situation }
  | {
    readonly ok: false; readonly reason: 'invalid_situation'; readonly problems: readonly SituationProblem[];
  };

const checker = Compile(SituationSchema);

export function parseSituation(input: unknown, root = ''): ParsedSituation {
  const textProblems = findTextProblems(input, root);
  if (textProblems.length > 0) return { ok: false, reason: 'invalid_situation', problems: textProblems };
  if (!checker.Check(input)) {
    return { ok: false, reason: 'invalid_situation', problems: schemaProblems(checker.Errors(input), root) };
  }
  const problems = meaningProblems(input).map((problem) => ({ ...problem, path: join(root, problem.path) }));
  if (problems.length > 0) return { ok: false, reason: 'invalid_situation', problems };
  return { ok: true, situation: input };
}

/**
 * Names the problems of a compiled TypeBox check by field path, one line per problem. Shared with
 * the policy test runner, so a test file's own fields read like a situation's. TypeBox stops at its
 * first eight errors (its `maxErrors` setting), which bounds the answer to a huge malformed input.
 */
export function schemaProblems(errors: readonly TLocalizedValidationError[], root = ''): SituationProblem[] {
  const seen = new Set<string>();
  const problems: SituationProblem[] = [];
  for (const error of errors) {
    // Branches of an anyOf repeat the error of the anyOf itself.
    if (error.schemaPath.includes('/anyOf/')) continue;
    // `additionalProperties: false` reports each unknown field as a `boolean` error at the field,
    // then all of them again; both are kept, as the cap on errors may leave only the first kind.
    const unknownField = error.keyword === 'boolean' && error.schemaPath.endsWith('/additionalProperties');
    const names = pointerNames(error.instancePath);
    const described = unknownField
      ? describe(names.slice(0, -1), 'additionalProperties', { additionalProperties: names.slice(-1) }, '')
      : describe(names, error.keyword, error.params, error.message);
    for (const problem of described) {
      const path = join(root, problem.path) || '(document)';
      const key = `${path}|${problem.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push({ path, message: problem.message });
    }
  }
  // Only called when the check failed: the answer always names at least one field.
  if (problems.length === 0) {
    problems.push({ path: root || '(document)', message: 'does not match the schema' });
  }
  return problems;
}

/** The field names of a JSON pointer (`/history/3/at`), unescaped (`~1` is `/`, `~0` is `~`). */
function pointerNames(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((name) => name.replaceAll('~1', '/').replaceAll('~0', '~'));
}

function describe(
  names: readonly string[], keyword: string, params: Record<string, unknown>, message: string,
): SituationProblem[] {
  // An empty field name is shown as `""`, so that its line still names a field.
  const shown = (name: string) => (name === '' ? '""' : name);
  const path = names.map(shown).join('.');
  const field = (name: string) => join(path, shown(name));
  if (keyword === 'required') {
    const names = (params.requiredProperties as string[] | undefined) ?? [];
    return names.map((name) => ({ path: field(name), message: 'is required' }));
  }
  if (keyword === 'additionalProperties') {
    const names = (params.additionalProperties as string[] | undefined) ?? [];
    return names.map((name) => ({ path: field(name), message: 'is not a known field' }));
  }
  // The only format of the schemas is `InstantSchema`'s; a refinement carries its own message.
  if (keyword === 'format') return [{ path, message: INSTANT_MESSAGE }];
  if (keyword === '~refine') return [{ path, message: String(params.message) }];
  if (keyword === 'enum') {
    const values = (params.allowedValues as unknown[] | undefined) ?? [];
    return [{ path, message: `must be one of ${values.map((value) => JSON.stringify(value)).join(', ')}` }];
  }
  return [{ path, message }];
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
  statementProblems(situation, add);
  return problems;
}

/** The new facts' pairings: a daily time needs both ends, a stated place its contact point. */
function statementProblems(situation: Situation, add: (path: string, message: string) => void): void {
  situation.agreements.forEach((agreement, index) => {
    if ((agreement.dailyFrom === undefined) !== (agreement.dailyUntil === undefined)) {
      add(`agreements.${index}.${agreement.dailyFrom === undefined ? 'dailyFrom' : 'dailyUntil'}`,
        'is required with the other end of a daily contact time');
    }
    if (agreement.dailyFrom !== undefined && agreement.dailyFrom >= agreement.dailyUntil!) {
      add(`agreements.${index}.dailyUntil`, 'must be later than dailyFrom');
    }
    const timed = agreement.dailyFrom !== undefined || agreement.onlyThen === true;
    if (timed && agreement.kind !== 'contact_time') {
      add(`agreements.${index}.kind`, 'must be "contact_time" for a daily or "only then" time');
    }
    if (agreement.onlyThen === true && agreement.dailyFrom === undefined
      && (agreement.startsAt === undefined || agreement.endsAt === undefined)) {
      add(`agreements.${index}.onlyThen`, 'needs a daily time or both startsAt and endsAt');
    }
  });
  (situation.inconvenientTimes ?? []).forEach((time, index) => {
    if (time.from === time.until) add(`inconvenientTimes.${index}.until`, 'must differ from from');
  });
  (situation.inconvenientPlaces ?? []).forEach((place, index) => {
    if ((place.place === 'contact_point') !== (place.contactPointId !== undefined)) {
      add(`inconvenientPlaces.${index}.contactPointId`,
        'is required with place "contact_point", and only with it');
    }
  });
}

function checkZones(zones: readonly string[], path: string, add: (path: string,
  message: string) => void): void {
  zones.forEach((zone, index) => {
    if (!isTimeZone(zone)) add(`${path}.${index}`, `"${zone}" is not an IANA time zone`);
  });
}
