// `faircollect check` as a user runs it: every example in docs/check.md is piped through the CLI and
// must exit with the code written after its opening fence, with exactly the denying rules listed there.
// Malformed input (the instants and texts the issue found, broken settings) exits 2 with a line naming
// the field and no stack trace: exit 1 must only ever mean "denied".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../main.ts', import.meta.url));
const DOC = fileURLToPath(new URL('../../../docs/check.md', import.meta.url));
const FENCE = /^```json exit=(\d)(?: deny=(\S+))?\n([\s\S]*?)^```$/gm;

const examples = [...readFileSync(DOC, 'utf8').matchAll(FENCE)].map((match) => ({
  exit: Number(match[1]), deny: match[2]?.split(',') ?? [], json: match[3]!,
}));

test('docs/check.md has examples for every exit code', () => {
  assert.deepEqual([...new Set(examples.map((example) => example.exit))].sort(), [0, 1, 2]);
});

for (const [index, example] of examples.entries()) {
  test(`docs/check.md example ${index + 1} exits ${example.exit}`, () => {
    const run = spawnSync(process.execPath, [CLI, 'check'], { input: example.json, encoding: 'utf8' });
    assert.equal(run.status, example.exit, run.stderr);
    if (example.exit === 2) {
      const roles = '"borrower", "contact_person", "guarantor", "attorney"';
      assert.ok(run.stderr.includes(`target.role: must be one of ${roles}`), run.stderr);
      return;
    }
    type Printed = { allowed: boolean; outcomes: { ruleId: string; result: string }[] };
    const decision = JSON.parse(run.stdout) as Printed;
    assert.equal(decision.allowed, example.exit === 0);
    const denied = decision.outcomes.filter((outcome) => outcome.result === 'deny').map((outcome) =>
      outcome.ruleId);
    assert.deepEqual(denied, example.deny);
  });
}

test('bad JSON and loosened settings exit 2 with a message naming the problem', () => {
  const broken = spawnSync(process.execPath, [CLI, 'check'], { input: '{"time": ', encoding: 'utf8' });
  assert.equal(broken.status, 2);
  assert.match(broken.stderr, /standard input is not valid JSON/);
  const settings = fileURLToPath(new URL('../../../test/simulation/loose-settings.yaml', import.meta.url));
  const loose = spawnSync(process.execPath, [CLI, 'check', '--settings', settings],
    { input: examples[1]!.json, encoding: 'utf8' });
  assert.equal(loose.status, 2);
  const message = 'quiet_hours.allowed_start 07:00 is earlier than the legal bound 08:00 (CN-GBT-01)';
  assert.ok(loose.stderr.includes(message), loose.stderr);
});

/** A frame of a stack trace, as Node prints one for an uncaught error. */
const STACK_FRAME = /^\s+at .+[(:]\d+/m;
const INSTANT_REFUSED = 'is not an ISO 8601 instant YYYY-MM-DDTHH:MM:SS with an offset or Z, on a real day '
  + 'of the years 1900–2199 (e.g. 2026-03-08T09:30:00+08:00)';

test('the malformed instants and texts of the issue exit 2 naming the field, without a stack trace', () => {
  type Document = Record<string, unknown> & {
    history: Record<string, unknown>[]; target: Record<string, unknown>;
  };
  const time = (value: string) => (document: Document) => { document.time = value; };
  const historyAt = (value: string) => (document: Document) => { document.history[0]!.at = value; };
  const partyId = (value: string) => (document: Document) => { document.target.partyId = value; };
  const cases: Array<[(document: Document) => void, string]> = [
    [time('0001-03-10T10:00:00+08:00'), `time: "0001-03-10T10:00:00+08:00" ${INSTANT_REFUSED}`],
    [time('9999-12-31T23:59:59Z'), `time: "9999-12-31T23:59:59Z" ${INSTANT_REFUSED}`],
    [time('2026-02-30T08:30:00-05:00'), `time: "2026-02-30T08:30:00-05:00" ${INSTANT_REFUSED}`],
    [historyAt('0001-01-01T00:00:00Z'), `history.0.at: ${INSTANT_REFUSED}`],
    [historyAt('2016-12-31T23:59:60Z'), `history.0.at: ${INSTANT_REFUSED}`],
    [partyId('b-1\u0000'), 'target.partyId: holds a NUL character (U+0000) at character 4'],
    [partyId('\ud800'), 'target.partyId: holds a lone UTF-16 surrogate (U+D800) at character 1'],
  ];
  for (const [change, line] of cases) {
    const document = JSON.parse(examples[1]!.json) as Document;
    change(document);
    const input = JSON.stringify(document);
    const run = spawnSync(process.execPath, [CLI, 'check'], { input, encoding: 'utf8' });
    assert.equal(run.status, 2, `${line}: ${run.stderr}`);
    assert.equal(run.stdout, '', line);
    assert.equal(run.stderr, `faircollect: invalid situation:\n  ${line}\n`, line);
    assert.doesNotMatch(run.stderr, STACK_FRAME, line);
  }
});

test('malformed settings files exit 2 naming the parameter, without a stack trace', () => {
  const directory = mkdtempSync(join(tmpdir(), 'faircollect-check-'));
  try {
    const cases: Array<[string, string]> = [
      ['{"quiet_hours": {"allowed_start": "09:00\\u0000"}}',
        'quiet_hours.allowed_start holds a NUL character (U+0000) at character 6'],
      ['{"\\udc00": 1}', 'the settings has a field name that holds a lone UTF-16 surrogate (U+DC00)'],
      ['{"": {"": 1}}', '"" is not a parameter of the CN pack'],
      ['quiet_hours: 5', 'quiet_hours is not a parameter of the CN pack'],
      ['quiet_hours: { allowed_start: 900 }', 'quiet_hours.allowed_start must be a time "HH:MM", got 900'],
    ];
    for (const [text, line] of cases) {
      const settings = join(directory, 'settings.yaml');
      writeFileSync(settings, text);
      const run = spawnSync(process.execPath, [CLI, 'check', '--settings', settings],
        { input: examples[1]!.json, encoding: 'utf8' });
      assert.equal(run.status, 2, `${text}: ${run.stderr}`);
      assert.ok(run.stderr.startsWith(`faircollect: --settings ${settings}: invalid settings:\n  ${line}`),
        `${text}: ${run.stderr}`);
      assert.doesNotMatch(run.stderr, STACK_FRAME, text);
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
});
