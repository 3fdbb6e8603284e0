// Situation validation names every problem by its field path, for the CLI's exit code 2 and the API's 400.
// Besides named cases, the instant and text checks are driven from the schema itself: every date-time
// field it declares gets each kind of malformed instant, and every text of a situation that fills every
// field gets a NUL and a lone surrogate; each must come back as exactly one problem naming that field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSituation } from './parse-situation.ts';
import { cnSituation, usSituation } from './rules/rule-case.ts';
import { INSTANT_MESSAGE, SituationSchema, type Situation } from './situation.ts';

const problemsOf = (input: unknown) => {
  const parsed = parseSituation(input);
  return parsed.ok ? [] : parsed.problems.map((problem) => `${problem.path}: ${problem.message}`);
};

/** Each way an instant can be well shaped and still wrong, as the issue found them. */
const MALFORMED_INSTANTS = [
  '0001-01-01T00:00:00Z', '0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '1899-12-31T23:59:59Z',
  '2200-01-01T00:00:00Z', '2026-02-30T08:30:00-05:00', '2026-13-01T08:30:00Z', '2016-12-31T23:59:60Z',
  '2026-03-10T10:00:00+25:00', '2026-03-10T24:00:00Z', '2026-03-10T10:00', '2026-03-10',
];

/** A situation with every list holding one item and every optional instant and text filled in. */
function fullSituation(): Situation {
  const at = '2026-03-09T10:00:00+08:00';
  return cnSituation({
    purpose: 'collect',
    actor: { kind: 'agency', id: 'ag-1', agencyId: 'agency-a', dialledFrom: '+8610',
      registeredNumbers: ['+8610'] },
    history: [{ at, channel: 'voice', direction: 'outbound', partyId: 'b-1', contactPointId: 'cp-1',
      actorKind: 'agent', actorId: 'agent-1', agencyId: 'agency-a', outcome: 'no_answer', accountId: 'acct-1',
      purpose: 'collect', decisionId: 'd-1' }],
    agreements: [{ kind: 'callback', partyId: 'b-1', channel: 'voice', startsAt: at, endsAt: at,
      recordedAt: at, revokedAt: at }],
    optOuts: [{ partyId: 'b-1', channel: 'sms', at }],
    holds: [{ kind: 'complaint_review', accountId: 'acct-1', startedAt: at, endedAt: at,
      subjectActorId: 'a-1', subjectAgencyId: 'agency-a' }],
    placements: [{ accountId: 'acct-1', agencyId: 'agency-a', placedAt: at, recalledAt: at }],
    events: [{ kind: 'debt_message', at, accountId: 'acct-1', channel: 'sms' }],
    inconvenientTimes: [{ partyId: 'b-1', from: '12:00', until: '14:00', statedAt: at }],
    inconvenientPlaces: [{ partyId: 'b-1', place: 'workplace', statedAt: at }],
    attorneys: [{ id: 'atty-1', accountId: 'acct-1', learnedAt: at, failedToRespond: false,
      consentsToDirectContact: false, endedAt: at }],
    content: { text: '您好', locale: 'zh-CN', templateId: 't-1', institution: '安心', verificationRef: 'FC-7Q2K',
      amounts: { principal: '1.00', interest: '0', penalty: '0', fees: '0' } },
  });
}

type Node = Record<string, unknown>;

/** The path of every `format: 'date-time'` node of a schema, array items as index 0, and its schema. */
function instantNodes(schema: Node, path = ''): Array<{ path: string; schema: Node }> {
  if (schema.format === 'date-time') return [{ path, schema }];
  const join = (name: string) => (path === '' ? name : `${path}.${name}`);
  const properties = (schema.properties ?? {}) as Record<string, Node>;
  const nested = Object.entries(properties).flatMap(([name, inner]) => instantNodes(inner, join(name)));
  if (schema.items !== undefined) nested.push(...instantNodes(schema.items as Node, join('0')));
  for (const branch of (schema.anyOf ?? []) as Node[]) nested.push(...instantNodes(branch, path));
  return nested;
}

/** The path of every string in a value, array items by index. */
function textPaths(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return [path];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([name, inner]) =>
    textPaths(inner, path === '' ? name : `${path}.${name}`));
}

function withValue(situation: Situation, path: string, value: unknown): unknown {
  const copy = structuredClone(situation) as unknown as Node;
  const names = path.split('.');
  let parent = copy;
  for (const name of names.slice(0, -1)) parent = parent[name] as Node;
  parent[names[names.length - 1]!] = value;
  return copy;
}

test('a complete situation parses', () => {
  assert.equal(parseSituation(cnSituation()).ok, true);
  assert.equal(parseSituation(fullSituation()).ok, true);
});

test('shape problems name the field', () => {
  const { actor, ...noActor } = cnSituation();
  assert.ok(actor);
  assert.deepEqual(problemsOf(noActor), ['actor: is required']);
  assert.deepEqual(problemsOf({ ...cnSituation(), channel: 'fax' }),
    ['channel: must be one of "voice", "sms", "email", "app_push", "letter", "visit"']);
  assert.deepEqual(problemsOf({ ...cnSituation(), colour: 'red' }), ['colour: is not a known field']);
});

test('meaning problems name the field: zones, instants, fields an action needs', () => {
  const situation = cnSituation({ borrower: { timeZones: ['Asia/Shanghia'] } });
  assert.deepEqual(problemsOf(situation), ['borrower.timeZones.0: "Asia/Shanghia" is not an IANA time zone']);
  const local = cnSituation({ history: [{ at: '2026-03-10T09:00:00', channel: 'voice', partyId: 'b-1',
    actorKind: 'agent',
    outcome: 'no_answer' }] });
  assert.deepEqual(problemsOf(local), [`history.0.at: ${INSTANT_MESSAGE}`]);
  const unreal = cnSituation({ holds: [{ kind: 'dispute', startedAt: '2026-02-30T09:00:00+08:00' }] });
  assert.deepEqual(problemsOf(unreal), [`holds.0.startedAt: ${INSTANT_MESSAGE}`]);
  const { channel, ...noChannel } = cnSituation();
  assert.ok(channel);
  assert.deepEqual(problemsOf(noChannel), ['channel: is required when action is "contact"']);
  assert.deepEqual(problemsOf(cnSituation({ actor: { kind: 'agency' } })),
    ['actor.agencyId: is required when actor.kind is "agency"']);
});

test('every instant field of the schema is checked, not only shaped, and named when malformed', () => {
  const nodes = instantNodes(SituationSchema as unknown as Node);
  const full = fullSituation() as unknown as Node;
  assert.ok(nodes.length >= 11, `only ${nodes.length} instant fields found`);
  for (const { path, schema } of nodes) {
    // A date-time field declared as a bare string would be shaped but not checked.
    assert.ok('~refine' in schema, `${path} is not declared with InstantSchema`);
    const present = path.split('.').reduce<unknown>((value, name) => (value as Node | undefined)?.[name],
      full);
    assert.equal(typeof present, 'string', `fullSituation() leaves ${path} out: add it there`);
    for (const instant of MALFORMED_INSTANTS) {
      assert.deepEqual(problemsOf(withValue(fullSituation(), path, instant)), [`${path}: ${INSTANT_MESSAGE}`],
        `${path} = ${instant}`);
    }
    assert.equal(parseSituation(withValue(fullSituation(), path, '1900-01-01T00:00:00Z')).ok, true, path);
    assert.equal(parseSituation(withValue(fullSituation(), path, '2199-12-31T23:59:59.999999999+14:00')).ok,
      true, path);
  }
});

test('a NUL or a lone surrogate in any text, value or field name, is named and not echoed', () => {
  const paths = textPaths(fullSituation());
  assert.ok(paths.length > 50, `only ${paths.length} texts found`);
  for (const path of paths) {
    assert.deepEqual(problemsOf(withValue(fullSituation(), path, 'b\u0000-1')),
      [`${path}: holds a NUL character (U+0000) at character 2`]);
    assert.deepEqual(problemsOf(withValue(fullSituation(), path, '\ud800')),
      [`${path}: holds a lone UTF-16 surrogate (U+D800) at character 1`]);
  }
  assert.deepEqual(problemsOf({ ...cnSituation(), 'col\u0000our': 'red' }),
    ['(document): has a field name that holds a NUL character (U+0000)']);
  assert.deepEqual(problemsOf(withValue(cnSituation(), 'target', { 'x\udc00': 1 })),
    ['target: has a field name that holds a lone UTF-16 surrogate (U+DC00)']);
  assert.equal(parseSituation(withValue(cnSituation(), 'borrower.id', '借款人 😀')).ok, true);
});

test('any JSON value is answered, never thrown on: scalars, arrays, nesting deeper than the schema', () => {
  let deep: unknown = 'end';
  for (let level = 0; level < 100_000; level += 1) deep = [deep];
  for (const input of [null, 0, 'x', true, [], [cnSituation()], deep, { ...cnSituation(), history: deep }]) {
    const parsed = parseSituation(input);
    assert.equal(parsed.ok, false);
    assert.ok(!parsed.ok && parsed.problems.length > 0);
  }
});

test('the stated facts pair as they must: both ends of a daily time, a place with its contact point', () => {
  const situation = usSituation({
    agreements: [
      { kind: 'contact_time', partyId: 'b-1', dailyFrom: '18:00', recordedAt: '2026-03-09T10:00:00Z' },
      { kind: 'callback', partyId: 'b-1', dailyFrom: '21:00', dailyUntil: '18:00', onlyThen: true,
        recordedAt: '2026-03-09T10:00:00Z' },
      { kind: 'contact_time', partyId: 'b-1', onlyThen: true, recordedAt: '2026-03-09T10:00:00Z' },
    ],
    inconvenientTimes: [{ partyId: 'b-1', from: '12:00', until: '12:00', statedAt: '2026-03-09T10:00:00Z' }],
    inconvenientPlaces: [{ partyId: 'b-1', place: 'contact_point', statedAt: '2026-03-09T10:00:00Z' },
      { partyId: 'b-1', place: 'workplace', contactPointId: 'cp-1', statedAt: '2026-03-09T10:00:00Z' }],
  });
  assert.deepEqual(problemsOf(situation), [
    'agreements.0.dailyUntil: is required with the other end of a daily contact time',
    'agreements.1.dailyUntil: must be later than dailyFrom',
    'agreements.1.kind: must be "contact_time" for a daily or "only then" time',
    'agreements.2.onlyThen: needs a daily time or both startsAt and endsAt',
    'inconvenientTimes.0.until: must differ from from',
    'inconvenientPlaces.0.contactPointId: is required with place "contact_point", and only with it',
    'inconvenientPlaces.1.contactPointId: is required with place "contact_point", and only with it',
  ]);
  assert.deepEqual(problemsOf({ ...usSituation(), inconvenientTimes: [{ partyId: 'b-1', from: '24:00',
    until: '08:00', statedAt: '2026-03-09T10:00:00Z' }] }).length, 1);
});
