// FAIRCOLLECT_SETTINGS names the lender's settings file; empty counts as unset, as for the other
// variables, so a script that clears it runs under the packs' own parameters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { readConfig } from './config.ts';

test('FAIRCOLLECT_SETTINGS is a resolved path, or null when unset or empty', () => {
  const settingsPath = (env: NodeJS.ProcessEnv) => {
    const read = readConfig(env);
    assert.ok(read.ok);
    return read.config.settingsPath;
  };
  assert.equal(settingsPath({}), null);
  assert.equal(settingsPath({ FAIRCOLLECT_SETTINGS: '' }), null);
  const relative = 'lender/settings.yaml';
  assert.equal(settingsPath({ FAIRCOLLECT_SETTINGS: relative }), resolve(relative));
});
