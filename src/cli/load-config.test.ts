// The configuration a command reads from the environment: an empty FAIRCOLLECT_DATA_DIR (as a
// script or a test that clears variables leaves it) means the default folder, not the working
// directory itself, where the embedded database would be created among the user's files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { loadConfig } from './load-config.ts';

test('an empty FAIRCOLLECT_DATA_DIR is the default ./data', () => {
  const saved = process.env.FAIRCOLLECT_DATA_DIR;
  try {
    for (const value of ['', undefined]) {
      if (value === undefined) delete process.env.FAIRCOLLECT_DATA_DIR;
      else process.env.FAIRCOLLECT_DATA_DIR = value;
      assert.equal(loadConfig().dataDir, resolve('data'), JSON.stringify(value));
    }
    process.env.FAIRCOLLECT_DATA_DIR = 'elsewhere/db';
    assert.equal(loadConfig().dataDir, resolve('elsewhere/db'));
  } finally {
    if (saved === undefined) delete process.env.FAIRCOLLECT_DATA_DIR;
    else process.env.FAIRCOLLECT_DATA_DIR = saved;
  }
});
