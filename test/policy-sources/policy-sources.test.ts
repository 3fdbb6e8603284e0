// The policy version covers the code that decides. Goal: the digest recorded in
// src/policy/engine/policy-sources.ts (part of every policy version) is the digest of the files on
// disk, and a change to any file that decides (a rule, a shared helper, the content guard's code
// or phrase lists, the time arithmetic) changes it. Method: digest the real tree, then the same
// tree with one file altered in memory. FAIRCOLLECT_UPDATE_POLICY_SOURCES=1 rewrites the record.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { POLICY_SOURCES_DIGEST, POLICY_SOURCES_FILES } from '../../src/policy/engine/policy-sources.ts';
import { digestPolicySources, POLICY_SOURCES_FILE, renderPolicySourcesFile } from './policy-sources-digest.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const onDisk = digestPolicySources(read);

test('the recorded digest is the digest of the sources on disk', () => {
  if (process.env.FAIRCOLLECT_UPDATE_POLICY_SOURCES === '1') {
    writeFileSync(join(ROOT, POLICY_SOURCES_FILE), renderPolicySourcesFile(read(POLICY_SOURCES_FILE), onDisk));
    return;
  }
  assert.deepEqual({ digest: POLICY_SOURCES_DIGEST, files: POLICY_SOURCES_FILES },
    { digest: onDisk.digest, files: onDisk.files.length },
    'a source that decides changed: regenerate src/policy/engine/policy-sources.ts with '
      + 'FAIRCOLLECT_UPDATE_POLICY_SOURCES=1 node --test test/policy-sources/policy-sources.test.ts');
});

test('the digest covers the rules, the shared helpers, the engine and the content guard', () => {
  const expected = [
    'src/policy/rules/time/cn-gbt-01/rule.ts', 'src/policy/rules/frequency/us-03/rule.ts',
    'src/policy/rules/rule-helpers.ts', 'src/policy/rules/time/contact-window.ts',
    'src/policy/engine/facts.ts', 'src/policy/engine/evaluate-compiled.ts',
    'src/policy/engine/validate-settings.ts', 'src/policy/time/zone-clock.ts',
    'src/policy/content/scan-content.ts', 'src/policy/content/phrase-lists.ts',
    'src/policy/content/normalize-text.ts', 'src/policy/pack.ts', 'src/stdx/hash.ts',
  ];
  assert.deepEqual(expected.filter((path) => !onDisk.files.includes(path)), []);
  assert.ok(!onDisk.files.includes(POLICY_SOURCES_FILE), 'the record does not digest itself');
  assert.ok(onDisk.files.every((path) => !path.endsWith('.test.ts')), 'tests do not decide');
  assert.ok(onDisk.packages.some((name) => name.startsWith('temporal-polyfill@')), 'packages are covered');
});

test("a change to a package's version changes the digest", () => {
  const altered = digestPolicySources((file) => (file === 'node_modules/temporal-polyfill/package.json'
    ? JSON.stringify({ version: '0.0.0-changed' }) : read(file)));
  assert.notEqual(altered.digest, onDisk.digest);
});

test('a change to any one file that decides changes the digest', () => {
  const changed: string[] = [];
  for (const path of onDisk.files) {
    const altered = digestPolicySources((file) => (file === path ? `${read(file)}\n// changed\n` : read(file)));
    if (altered.digest === onDisk.digest) changed.push(path);
  }
  assert.deepEqual(changed, []);
});
