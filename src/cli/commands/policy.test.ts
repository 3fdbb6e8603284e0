// `faircollect policy test` and `policy docs` as a user runs them: the shipped example cases pass (exit 0),
// a wrong expectation fails (exit 1) with a FAIL line, a malformed file exits 2 naming the file, case and
// field without a stack trace, even beside a failing one, and the pages in docs/policies/ are exactly what
// the rules render (a stale page fails this test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderPolicyDocs } from '../../policy/docs/render-policy-docs.ts';

const CLI = fileURLToPath(new URL('../main.ts', import.meta.url));
const EXAMPLES = fileURLToPath(new URL('../../../examples/policy-tests/', import.meta.url));
const POLICY_DOCS = fileURLToPath(new URL('../../../docs/policies/', import.meta.url));
const run = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

test('the shipped example policy tests pass', () => {
  const result = run(['policy', 'test', EXAMPLES]);
  assert.equal(result.status, 0, result.stdout + result.stderr);
  assert.match(result.stdout,
    /^PASS: cn-lender-window\.yaml: a call at 08:30 Shanghai waits for the lender's 09:00$/m);
  assert.match(result.stdout, /policy test: 5 cases, PASS 5, FAIL 0/);
});

test('a wrong expectation fails with exit 1; a malformed file exits 2', async () => {
  const directory = await mkdtemp(join(tmpdir(), 'faircollect-policy-'));
  try {
    const source = JSON.parse(await readFile(join(EXAMPLES, 'us-consumer.json'),
      'utf8')) as { cases: { expect: unknown }[] };
    source.cases[0]!.expect = { allowed: true };
    await writeFile(join(directory, 'wrong.json'), JSON.stringify(source));
    const failing = run(['policy', 'test', directory]);
    assert.equal(failing.status, 1);
    assert.match(failing.stdout, /^FAIL: wrong\.json: a call the day after a conversation/m);
    assert.match(failing.stdout, /expected allowed=true, got allowed=false/);
    assert.match(failing.stdout, /policy test: 2 cases, PASS 1, FAIL 1/);
    await writeFile(join(directory, 'wrong.json'), JSON.stringify({ cases: [{ name: 'x',
      situation: { time: 'soon' },
      expect: { allowed: true } }] }));
    const malformed = run(['policy', 'test', directory]);
    assert.equal(malformed.status, 2);
    assert.match(malformed.stderr,
      /cases\.0\.situation\.time \(case "x"\): "soon" is not an ISO 8601 instant/);
    assert.equal(run(['policy', 'test', join(directory, 'missing')]).status, 2);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
});

test('malformed instants and texts in test files exit 2 naming file, case and field; others still run',
  async () => {
    const directory = await mkdtemp(join(tmpdir(), 'faircollect-policy-'));
    try {
      const source = JSON.parse(await readFile(join(EXAMPLES, 'us-consumer.json'), 'utf8')) as {
        cases: { name: string; situation: Record<string, unknown>; expect: Record<string, unknown> }[];
      };
      const [first, second] = source.cases;
      assert.ok(first !== undefined && second !== undefined);
      await writeFile(join(directory, 'a-good.json'), JSON.stringify({ cases: [first] }));
      const at = (name: string, time: string) =>
        ({ ...first, name, situation: { ...first.situation, time } });
      await writeFile(join(directory, 'b-instants.json'), JSON.stringify({ cases: [
        at('year one', '0001-03-11T10:00:00-04:00'), at('last second', '9999-12-31T23:59:59Z'),
        at('thirtieth of February', '2026-02-30T08:30:00-05:00'),
      ] }));
      const soon = { ...second, name: 'soon', expect: { ...second.expect, nextAllowedAt: 'soon' } };
      await writeFile(join(directory, 'c-expect.json'), JSON.stringify({ cases: [first, soon] }));
      const nul = { ...first, name: 'x\u0000' };
      await writeFile(join(directory, 'd-texts.json'), JSON.stringify({ cases: [nul] }));
      const result = run(['policy', 'test', directory]);
      assert.equal(result.status, 2, result.stderr);
      assert.match(result.stdout, /^PASS: a-good\.json: a call the day after a conversation/m);
      assert.match(result.stdout, /policy test: 1 cases, PASS 1, FAIL 0/);
      const refused = 'is not an ISO 8601 instant YYYY-MM-DDTHH:MM:SS with an offset or Z, on a real day '
        + 'of the years 1900–2199 (e.g. 2026-03-08T09:30:00+08:00)';
      assert.equal(result.stderr, [
        'faircollect: b-instants.json: invalid test file:',
        `  cases.0.situation.time (case "year one"): "0001-03-11T10:00:00-04:00" ${refused}`,
        `  cases.1.situation.time (case "last second"): "9999-12-31T23:59:59Z" ${refused}`,
        `  cases.2.situation.time (case "thirtieth of February"): "2026-02-30T08:30:00-05:00" ${refused}`,
        'c-expect.json: invalid test file:',
        `  cases.1.expect.nextAllowedAt (case "soon"): ${refused}, nor null`,
        'd-texts.json: invalid test file:',
        '  cases.0.name: holds a NUL character (U+0000) at character 2',
        '',
      ].join('\n'));
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

test('docs/policies/ matches the rules; run `faircollect policy docs` when this fails', async () => {
  const pages = renderPolicyDocs();
  const onDisk = (await readdir(POLICY_DOCS)).filter((name) => name.endsWith('.md')).sort();
  assert.deepEqual(onDisk, [...pages.keys()].sort());
  for (const [name, text] of pages) assert.equal(await readFile(join(POLICY_DOCS, name), 'utf8'), text,
    `${name} is stale`);
});
