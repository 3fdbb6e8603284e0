// `faircollect check` never crashes on its input: a property test over generated situations.
// Method: fast-check builds valid situations (any pack, action, channel and party, instants anywhere in the
// accepted years and offsets, every kind of history, agreement, hold, placement and event) and valid or
// broken lender settings, then corrupts the document one to three times (malformed instants, NUL and lone
// surrogates in values and field names, huge numbers, wrong types, missing and unknown fields, deep
// nesting), sends it through JSON as the command reads it, and runs exactly what the command runs,
// `decideCheckRequest`. Every input must yield a Decision or a rejection whose problems name fields and
// quote no invalid character; a corruption that must be refused must be named at its path. The seed is
// printed; FAIRCOLLECT_SEED=<seed> replays a run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findInvalidCharacter } from '../domain/input/find-invalid-character.ts';
import { Compile } from 'typebox/compile';
import { decideCheckRequest } from './decide-check-request.ts';
import {
  ACTIONS, ACTOR_KINDS, AGREEMENT_KINDS, CHANNELS, EVENT_KINDS, HOLD_KINDS, LOCALES, OUTCOMES, PURPOSES,
  RELATIONSHIPS, SituationSchema, TARGET_ROLES,
} from './situation.ts';

const RUNS = 4_000;
const ZONES = ['Asia/Shanghai', 'Asia/Urumqi', 'America/New_York', 'America/Los_Angeles', 'Pacific/Honolulu',
  'America/St_Johns', 'Australia/Lord_Howe', 'Pacific/Kiritimati', 'UTC', 'Europe/London'] as const;
const OFFSETS = ['Z', '+00:00', '+08:00', '-05:00', '+05:30', '-03:30', '+14:00', '-12:00'] as const;
const DAY_MS = 86_400_000;
/** Instants a day inside the accepted years, so that any offset keeps the written year in range. */
const WIDE_MS = { min: Date.parse('1900-01-02T00:00:00Z'), max: Date.parse('2199-12-30T00:00:00Z') };
const NEAR_MS = { min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2026-06-01T00:00:00Z') };

const MALFORMED_INSTANTS = ['0001-01-01T00:00:00Z', '0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z',
  '2026-02-30T08:30:00-05:00', '2026-02-29T00:00:00Z', '2016-12-31T23:59:60Z', '2026-03-10T10:00:00+25:00',
  '2026-03-10T10:60:00Z', '2026-03-10 10:00:00Z', '+002026-03-10T10:00:00Z', '2026-03-10T10:00:00',
  '1899-12-31T23:59:59Z', '2200-01-01T00:00:00Z', 'soon'];

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);

function instantText(epochMs: number, offset: string): string {
  const minutes = offset === 'Z' ? 0
    : (offset.startsWith('-') ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  return `${new Date(epochMs + minutes * 60_000).toISOString().slice(0, 23)}${offset}`;
}

const instant = fc.tuple(
  fc.oneof({ weight: 4, arbitrary: fc.integer(NEAR_MS) }, { weight: 1, arbitrary: fc.integer(WIDE_MS) }),
  pick(OFFSETS),
).map(([epochMs, offset]) => instantText(epochMs, offset));
/** An instant within two weeks before `time`, where the rules' windows and counts look. */
const recent = (time: number) => fc.tuple(fc.integer({ min: 0, max: 14 * DAY_MS }), pick(OFFSETS))
  .map(([back, offset]) => instantText(Math.max(WIDE_MS.min, time - back), offset));

const party = pick(['b-1', 'c-4']);
const account = pick(['acct-1', 'acct-2']);
const agency = pick(['agency-a', 'agency-b']);

function situationAt(time: number) {
  const at = fc.oneof(recent(time), instant);
  const attempt = fc.record({
    at, channel: pick(CHANNELS), direction: pick(['outbound', 'inbound'] as const), partyId: party,
    contactPointId: pick(['cp-1', 'cp-2']), actorKind: pick(ACTOR_KINDS), actorId: pick(['agent-7', 'bot-1']),
    agencyId: agency, outcome: pick(OUTCOMES), accountId: account, purpose: pick(PURPOSES),
  }, { requiredKeys: ['at', 'channel', 'partyId', 'actorKind', 'outcome'] });
  const agreement = fc.record({
    kind: pick(AGREEMENT_KINDS), partyId: party, channel: pick(CHANNELS), startsAt: at, endsAt: at,
    recordedAt: at, revokedAt: at,
  }, { requiredKeys: ['kind', 'partyId', 'recordedAt'] });
  const hold = fc.record({
    kind: pick(HOLD_KINDS), accountId: account, startedAt: at, endedAt: at, subjectActorId: pick(['agent-7']),
    subjectAgencyId: agency,
  }, { requiredKeys: ['kind', 'startedAt'] });
  return fc.record({
    pack: pick(['CN', 'US'] as const), action: pick(ACTIONS), channel: pick(CHANNELS),
    voicemail: fc.boolean(), purpose: pick(PURPOSES), accountId: account,
    borrower: fc.record({ id: fc.constant('b-1'), timeZones: fc.uniqueArray(pick(ZONES),
      { minLength: 1, maxLength: 3 }), allNumbersInvalid: fc.boolean() },
    { requiredKeys: ['id', 'timeZones'] }),
    target: fc.record({
      partyId: party, role: pick(TARGET_ROLES), relationship: pick(RELATIONSHIPS),
      timeZones: fc.uniqueArray(pick(ZONES), { minLength: 1, maxLength: 2 }),
      contactPointId: pick(['cp-1', 'cp-2']),
      contactPointStatus: pick(['valid', 'invalid', 'wrong_person'] as const), doNotContact: fc.boolean(),
    }, { requiredKeys: ['partyId', 'role'] }),
    actor: fc.record({ kind: pick(ACTOR_KINDS), id: pick(['agent-7', 'bot-1']), agencyId: agency,
      dialledFrom: pick(['+8610', '+12125550100']),
      registeredNumbers: fc.array(pick(['+8610']), { maxLength: 2 }) },
    { requiredKeys: ['kind', 'id', 'agencyId'] }),
    debt: fc.record({ timeBarred: fc.boolean() }, { requiredKeys: [] }),
    visit: fc.record({ staff: fc.integer({ min: 0, max: 20 }), identityConfirmed: fc.boolean(),
      authorisationConfirmed: fc.boolean(), entersPremises: fc.boolean() },
    { requiredKeys: ['staff', 'identityConfirmed', 'authorisationConfirmed'] }),
    history: fc.array(attempt, { maxLength: 12 }),
    agreements: fc.array(agreement, { maxLength: 3 }),
    optOuts: fc.array(fc.record({ partyId: party, channel: pick(CHANNELS), at }), { maxLength: 2 }),
    holds: fc.array(hold, { maxLength: 2 }),
    placements: fc.array(fc.record({ accountId: account, agencyId: agency, placedAt: at, recalledAt: at },
      { requiredKeys: ['accountId', 'agencyId', 'placedAt'] }), { maxLength: 2 }),
    events: fc.array(fc.record({ kind: pick(EVENT_KINDS), at, accountId: account, channel: pick(CHANNELS) },
      { requiredKeys: ['kind', 'at'] }), { maxLength: 3 }),
    content: fc.record({
      text: pick(['安心消费金融：本金1000元，利息20元。核验码FC-7Q2K', 'You owe $120.00. Ref FC-7Q2K',
        '老赖，欠款超过2000元即构成诈骗！']),
      locale: pick(LOCALES), institution: pick(['安心消费金融']), verificationRef: pick(['FC-7Q2K']),
      amounts: fc.record({ principal: pick(['1000', '0.50']), interest: pick(['20', '0']) }),
    }, { requiredKeys: ['text', 'locale'] }),
  }, { requiredKeys: ['pack', 'action', 'channel', 'borrower', 'target', 'actor', 'history', 'agreements',
    'optOuts', 'holds'] }).map((situation) => {
    // What parsing requires beyond the shape: a voicemail is a voice contact's, a visit carries its checks.
    const { voicemail, visit, ...rest } = situation;
    return { ...rest, ...(rest.channel === 'voice' && voicemail !== undefined ? { voicemail } : {}),
      ...(rest.channel === 'visit' || visit !== undefined ? { visit: visit ?? { staff: 2,
        identityConfirmed: true, authorisationConfirmed: true } } : {}) };
  });
}

const document = fc.tuple(fc.oneof({ weight: 4, arbitrary: fc.integer(NEAR_MS) },
  { weight: 1, arbitrary: fc.integer(WIDE_MS) }), pick(OFFSETS))
  .chain(([time, offset]) => situationAt(time).map((situation) => ({ time: instantText(time, offset),
    ...situation })));

const badText = fc.oneof(
  pick(['\u0000', 'b\u0000-1', '\ud800', 'x\udc00y', '\udbff', 'Asia/Shanghai\u0000']),
  fc.tuple(fc.string({ maxLength: 8 }), pick(['\u0000', '\ud83d', '\ude00']), fc.string({ maxLength: 8 }))
    .map(([before, character, after]) => `${before}${character}${after}`)
    .filter((text) => findInvalidCharacter(text) >= 0),
);
const nested = fc.integer({ min: 1, max: 400 }).map((depth) => {
  let value: unknown = 'deep';
  for (let level = 0; level < depth; level += 1) value = level % 2 === 0 ? [value] : { at: value };
  return value;
});
const badValue = fc.oneof(
  pick(MALFORMED_INSTANTS), badText,
  pick([1e308, -1e308, 2 ** 53 + 2, -1, 0.5, 21, 1e21, -0, Number.MAX_SAFE_INTEGER]),
  pick([null, true, false, 0, '', 'x', [], {}, [null], { a: 1 }]),
  fc.constant('x'.repeat(30_000)), nested, fc.jsonValue({ maxDepth: 3 }),
);
const badKey = pick(['extra', 'col\u0000our', '\ud800', '__proto__', 'constructor', 'time', 'at']);

/**
 * A change to a valid document: `replace` any value, `instant` one of its instants, `text` one of its
 * texts (the last two aim at the fields the issue found, which a uniform pick would seldom hit).
 */
type Corruption =
  | { readonly kind: 'replace' | 'instant' | 'text'; readonly pick: number; readonly value: unknown }
  | { readonly kind: 'delete'; readonly pick: number }
  | { readonly kind: 'add'; readonly pick: number; readonly key: string; readonly value: unknown };
const corruption: fc.Arbitrary<Corruption> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('replace' as const), pick: fc.nat(),
    value: badValue }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('instant' as const), pick: fc.nat(),
    value: pick(MALFORMED_INSTANTS) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('text' as const), pick: fc.nat(), value: badText }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('add' as const), pick: fc.nat(), key: badKey,
    value: badValue }) },
);

/** Settings each pack accepts; the other pack has none of these parameters. */
const validSettings = pick([
  { valid: ['CN', 'US'], value: {} },
  { valid: ['CN'], value: { quiet_hours: { allowed_start: '09:00', allowed_end: '20:00' } } },
  { valid: ['CN'], value: { unanswered_attempts: { level: 'warn' } } },
  { valid: ['US'], value: { contact_hours: { allowed_start: '09:00' }, us_calls: { per_7_days_max: 5 } } },
]);
/** Lender settings, with the packs that accept them. */
const settings: fc.Arbitrary<{ valid: readonly string[]; value: Record<string, unknown> }> = fc.oneof(
  { weight: 6, arbitrary: validSettings },
  { weight: 2, arbitrary: fc.record({ quiet_hours: fc.record({ allowed_start: fc.oneof(badValue,
    pick(['07:00', '25:00', '23:59'])) }) }).map((value) => ({ valid: [], value })) },
  { weight: 1, arbitrary: fc.dictionary(fc.oneof(fc.string({ maxLength: 6 }), badKey), badValue,
    { maxKeys: 3 }).map((value) => ({ valid: [], value })) },
);

type Path = readonly (string | number)[];
type Container = Record<string, unknown> | unknown[];

function pathsOf(value: unknown, path: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [path];
  const inner = Array.isArray(value) ? value.map((item, index) => pathsOf(item, [...path, index]))
    : Object.entries(value).map(([name, item]) => pathsOf(item, [...path, name]));
  return [path, ...inner.flat()];
}

function valueAt(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, name) =>
    (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[name] : undefined), value);
}

/** Where a marked path must be named: malformed texts anywhere, malformed instants in instant fields. */
type Mark = { readonly path: Path; readonly value: unknown; readonly text: boolean; readonly key?: string };

function corrupt(original: unknown, corruptions: readonly Corruption[]): { document: unknown;
  marks: Mark[]; } {
  let document = structuredClone(original);
  const marks: Mark[] = [];
  for (const change of corruptions) {
    const paths = candidates(document, change.kind);
    const path = paths[change.pick % paths.length]!;
    const parent = valueAt(document, path.slice(0, -1)) as Container;
    const last = path[path.length - 1];
    // Generated values are reused while shrinking: each change inserts a copy, never the value itself.
    if (change.kind === 'replace' || change.kind === 'instant' || change.kind === 'text') {
      if (last === undefined) document = structuredClone(change.value);
      else (parent as Record<string, unknown>)[last] = structuredClone(change.value);
      const text = typeof change.value === 'string' && findInvalidCharacter(change.value) >= 0;
      marks.push({ path, value: change.value, text });
    } else if (change.kind === 'delete' && last !== undefined) {
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
    } else if (change.kind === 'add') {
      const target = valueAt(document, path);
      if (target === null || typeof target !== 'object' || Array.isArray(target)) continue;
      // As JSON.parse does: `__proto__` becomes an own field, not the object's prototype.
      Object.defineProperty(target, change.key, { value: structuredClone(change.value), enumerable: true,
        writable: true, configurable: true });
      marks.push({ path, value: change.value, text: findInvalidCharacter(change.key) >= 0, key: change.key });
    }
  }
  return { document, marks };
}

/** The paths a change may pick: every one, or only those of instants or of texts when there are some. */
function candidates(document: unknown, kind: Corruption['kind']): Path[] {
  const paths = pathsOf(document);
  const aimed = paths.filter((path) => typeof valueAt(document, path) === 'string'
    && (kind === 'text' || (kind === 'instant' && INSTANT_FIELD.test(path.join('.')))));
  return aimed.length > 0 ? aimed : paths;
}

/** Dotted patterns of every instant field: `history.\d+.at`, `time`. */
function instantPatterns(schema: Record<string, unknown>, path: string[] = []): string[] {
  if (schema.format === 'date-time') return [path.join('\\.')];
  const properties = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
  const found = Object.entries(properties).flatMap(([name, inner]) =>
    instantPatterns(inner, [...path, name]));
  if (schema.items !== undefined) found.push(...instantPatterns(schema.items as Record<string, unknown>,
    [...path, '\\d+']));
  return found;
}
const INSTANT_FIELD = new RegExp(`^(time|${instantPatterns(SituationSchema as unknown as
  Record<string, unknown>).join('|')})$`);

/** The path the rejection must name for a mark still present in the final document, if any. */
function mustName(document: unknown, mark: Mark, original: unknown): string | null {
  const dotted = mark.path.join('.');
  // Under a field name that is itself malformed, that name is the problem, reported at its holder.
  const badName = mark.path.findIndex((name) => typeof name === 'string' && findInvalidCharacter(name) >= 0);
  const underBadName = badName >= 0 ? mark.path.slice(0, badName).join('.') || '(document)' : null;
  if (mark.key !== undefined) {
    const holder = valueAt(document, mark.path);
    const held = holder !== null && typeof holder === 'object' && !Array.isArray(holder)
      && Object.hasOwn(holder, mark.key);
    return mark.text && held ? (underBadName ?? (dotted || '(document)')) : null;
  }
  if (mark.path.length === 0 || valueAt(document, mark.path) !== mark.value) return null;
  if (underBadName !== null) return underBadName;
  // The containers on the way must still be what the schema expects, or the field is not reached.
  for (let depth = 0; depth < mark.path.length; depth += 1) {
    const here = valueAt(document, mark.path.slice(0, depth));
    const was = valueAt(original, mark.path.slice(0, depth));
    if (Array.isArray(here) !== Array.isArray(was) || here === null || typeof here !== 'object') return null;
  }
  if (mark.text) return dotted;
  const instantField = typeof mark.value === 'string' && MALFORMED_INSTANTS.includes(mark.value)
    && INSTANT_FIELD.test(dotted);
  return instantField ? dotted : null;
}

const situationChecker = Compile(SituationSchema);
/** TypeBox reports the first eight errors of a value (its `maxErrors` setting); later ones go unnamed. */
const SCHEMA_ERRORS_REPORTED_MAX = 8;

function schemaErrorsCapped(input: unknown): boolean {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return false;
  const situation: Record<string, unknown> = { ...input };
  delete situation.time;
  return situationChecker.Errors(situation).length >= SCHEMA_ERRORS_REPORTED_MAX;
}

/** Whether any text of a value, or field name, holds a NUL or a lone surrogate. */
function holdsInvalidText(value: unknown): boolean {
  if (typeof value === 'string') return findInvalidCharacter(value) >= 0;
  if (value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([name, inner]) =>
    findInvalidCharacter(name) >= 0 || holdsInvalidText(inner));
}

test(`faircollect check answers every corrupted situation without throwing (${RUNS} runs)`, (t) => {
  const seed = Number(process.env.FAIRCOLLECT_SEED ?? fc.sample(fc.noBias(fc.integer()), 1)[0]);
  t.diagnostic(`seed ${seed} (replay with FAIRCOLLECT_SEED=${seed})`);
  let decided = 0;
  let refused = 0;
  const property = fc.property(document, fc.array(corruption, { minLength: 0, maxLength: 3 }), settings,
    (valid, corruptions, { valid: settingsPacks, value: lenderSettings }) => {
      const { document: corrupted, marks } = corrupt(valid, corruptions);
      // The command reads JSON: what cannot be written as JSON cannot reach it.
      const input: unknown = JSON.parse(JSON.stringify(corrupted) ?? 'null');
      const result = decideCheckRequest(input, lenderSettings);
      if (result.ok) {
        decided += 1;
        assert.equal(typeof result.decision.allowed, 'boolean');
        assert.ok(result.decision.outcomes.length > 0);
      } else {
        refused += 1;
        assert.ok(result.problems.length > 0);
        for (const problem of result.problems) {
          assert.ok(problem.path !== '' && problem.message !== '', JSON.stringify(problem));
          assert.equal(findInvalidCharacter(problem.path + problem.message), -1,
            'a problem quotes the input');
        }
      }
      const named = marks.map((mark) => mustName(input, mark, valid)).filter((path) => path !== null);
      if (corruptions.length === 0 && settingsPacks.includes(valid.pack)) {
        assert.ok(result.ok, JSON.stringify(result));
      }
      if (named.length === 0) return;
      assert.ok(!result.ok && result.reason === 'invalid_request', `expected ${named.join(', ')} named`);
      const paths = result.problems.map((problem) => problem.path);
      const texts = holdsInvalidText(input);
      const capped = schemaErrorsCapped(input);
      // Malformed texts are reported before anything else, so an instant is named only without them.
      for (const path of named) {
        const mark = marks.find((item) => mustName(input, item, valid) === path)!;
        if (mark.text || (!texts && !capped)) {
          assert.ok(paths.includes(path), `${path} not named in ${paths.join(', ')}`);
        }
      }
    });
  fc.assert(property, { seed, numRuns: RUNS });
  t.diagnostic(`${decided} decided, ${refused} refused`);
  assert.ok(decided > RUNS / 10 && refused > RUNS / 4, `${decided} decided, ${refused} refused`);
});
