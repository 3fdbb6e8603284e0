// The lender's settings file compiled into the gate every command decides under: tightening is taken,
// loosening is refused in one line that names each bound, its rule and the law's citation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLenderPolicy } from './load-lender-policy.ts';

function withFile(text: string, body: (path: string) => Promise<void>): Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), 'faircollect-settings-'));
  const path = join(directory, 'lender.yaml');
  writeFileSync(path, text);
  return body(path).finally(() => rmSync(directory, { recursive: true, force: true }));
}

test('no file: the packs\' own parameters', async () => {
  const loaded = await loadLenderPolicy({ path: null, source: 'FAIRCOLLECT_SETTINGS' });
  assert.ok(loaded.ok);
  assert.equal(loaded.policy.source, null);
  assert.equal(loaded.policy.gate.evaluators.CN.settings['quiet_hours.allowed_start'], '08:00');
});

test('a file that tightens calling hours to 09:00–20:00 compiles them into the CN evaluator', async () => {
  await withFile('quiet_hours: { allowed_start: "09:00", allowed_end: "20:00" }\n', async (path) => {
    const loaded = await loadLenderPolicy({ path, source: `FAIRCOLLECT_SETTINGS ${path}` });
    assert.ok(loaded.ok);
    const { settings, version } = loaded.policy.gate.evaluators.CN;
    assert.deepEqual([settings['quiet_hours.allowed_start'], settings['quiet_hours.allowed_end']],
      ['09:00', '20:00']);
    const defaults = await loadLenderPolicy({ path: null, source: '' });
    assert.ok(defaults.ok);
    assert.notEqual(version, defaults.policy.gate.evaluators.CN.version, 'the settings are in the version');
    assert.equal(loaded.policy.gate.evaluators.US.version, defaults.policy.gate.evaluators.US.version);
  });
});

test('a file that loosens CN hours to 07:00–23:00 is refused in one line naming both bounds', async () => {
  await withFile('CN:\n  quiet_hours: { allowed_start: "07:00", allowed_end: "23:00" }\n', async (path) => {
    const loaded = await loadLenderPolicy({ path, source: `FAIRCOLLECT_SETTINGS ${path}` });
    const citation = 'GB/T 45251-2025 §5.3 催收时间 (sub-clause not verified) (grade B)';
    assert.deepEqual(loaded, {
      ok: false, reason: 'invalid_settings',
      message: `FAIRCOLLECT_SETTINGS ${path}: `
        + 'CN quiet_hours.allowed_start 07:00 is earlier than the legal bound 08:00 '
        + `(CN-GBT-01), ${citation}; `
        + `CN quiet_hours.allowed_end 23:00 is later than the legal bound 22:00 (CN-GBT-01), ${citation}`,
    });
  });
});

test('a missing or unreadable file is refused naming it', async () => {
  const path = join(tmpdir(), 'faircollect-no-such-settings.yaml');
  assert.deepEqual(await loadLenderPolicy({ path, source: `--settings ${path}` }),
    { ok: false, reason: 'invalid_settings', message: `--settings ${path}: no such file` });
  await withFile('- 1\n- 2\n', async (file) => {
    assert.deepEqual(await loadLenderPolicy({ path: file, source: 'S' }),
      { ok: false, reason: 'invalid_settings', message: 'S: must hold an object of parameters' });
  });
});
