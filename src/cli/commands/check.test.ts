// `faircollect check` as a user runs it: every example in docs/check.md is piped through the CLI and
// must exit with the code written after its opening fence, with exactly the denying rules listed there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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
